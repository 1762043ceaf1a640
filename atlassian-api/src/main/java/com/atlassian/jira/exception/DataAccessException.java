package com.atlassian.jira.exception;

/**
 * Stand-in for {@code com.atlassian.jira.exception.DataAccessException} from {@code com.atlassian.jira:jira-api} 11.3
 * (reference atlassian-api.md §2.6: unchecked). Declared by the workflow base classes' {@code getIssue}.
 */
public class DataAccessException extends RuntimeException {
    public DataAccessException(String message) {
        super(message);
    }
}
