package com.atlassian.jira.workflow;

import com.opensymphony.workflow.loader.WorkflowDescriptor;

/**
 * Stand-in for {@code com.atlassian.jira.workflow.JiraWorkflow} from {@code com.atlassian.jira:jira-api} 11.3
 * ({@code WorkflowDescriptor getDescriptor()} as in the indexed jira-api source). Only the members Fail Forward calls.
 */
public interface JiraWorkflow {
    String getName();

    WorkflowDescriptor getDescriptor();
}
