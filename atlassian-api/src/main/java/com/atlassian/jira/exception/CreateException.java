package com.atlassian.jira.exception;

/**
 * Stand-in for {@code com.atlassian.jira.exception.CreateException} from {@code com.atlassian.jira:jira-api} 11.3,
 * thrown by {@code IssueLinkManager.createIssueLink} (indexed jira-api source: "If there is an error when creating the
 * Change Item for this operation").
 */
public class CreateException extends Exception {

    public CreateException() {
        super();
    }

    public CreateException(String message) {
        super(message);
    }
}
