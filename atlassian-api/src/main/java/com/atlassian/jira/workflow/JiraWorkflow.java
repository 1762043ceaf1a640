package com.atlassian.jira.workflow;

/**
 * Stand-in for {@code com.atlassian.jira.workflow.JiraWorkflow} from {@code com.atlassian.jira:jira-api} 11.3. Only the
 * members Fail Forward calls.
 */
public interface JiraWorkflow {
    String getName();
}
