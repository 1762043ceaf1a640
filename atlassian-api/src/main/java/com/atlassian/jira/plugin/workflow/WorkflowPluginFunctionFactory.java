package com.atlassian.jira.plugin.workflow;

/**
 * Stand-in for {@code com.atlassian.jira.plugin.workflow.WorkflowPluginFunctionFactory} from
 * {@code com.atlassian.jira:jira-api} 11.3 (reference atlassian-api.md §2.6): marker for a workflow function's factory.
 */
public interface WorkflowPluginFunctionFactory extends WorkflowPluginFactory {
}
