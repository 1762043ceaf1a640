package com.atlassian.jira.plugin.workflow;

/**
 * Stand-in for {@code com.atlassian.jira.plugin.workflow.WorkflowPluginValidatorFactory} from
 * {@code com.atlassian.jira:jira-api} 11.3 (reference atlassian-api.md §2.6): marker for a workflow validator's factory.
 */
public interface WorkflowPluginValidatorFactory extends WorkflowPluginFactory {
}
