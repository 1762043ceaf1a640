package com.atlassian.jira.plugin.workflow;

/**
 * Stand-in for {@code com.atlassian.jira.plugin.workflow.WorkflowPluginConditionFactory} from
 * {@code com.atlassian.jira:jira-api} 11.3 (reference atlassian-api.md §2.6): marker for a workflow condition's factory.
 */
public interface WorkflowPluginConditionFactory extends WorkflowPluginFactory {
}
