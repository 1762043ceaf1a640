package com.atlassian.jira.workflow;

/**
 * Stand-in for {@code com.atlassian.jira.workflow.WorkflowFunctionUtils} from {@code com.atlassian.jira:jira-api}
 * 11.3 (reference atlassian-api.md §2.6), the base of Jira's workflow function and condition classes. Fail Forward
 * calls none of its members.
 */
public class WorkflowFunctionUtils {
}
