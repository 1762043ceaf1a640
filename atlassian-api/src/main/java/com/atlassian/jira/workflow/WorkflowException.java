package com.atlassian.jira.workflow;

/**
 * Stand-in for {@code com.atlassian.jira.workflow.WorkflowException} from {@code com.atlassian.jira:jira-api} 11.3;
 * checked against the indexed jira-api source: unchecked ({@code extends RuntimeException}).
 */
public class WorkflowException extends RuntimeException {
    public WorkflowException(String message) {
        super(message);
    }

    public WorkflowException(Throwable cause) {
        super(cause);
    }

    public WorkflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
