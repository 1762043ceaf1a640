package com.atlassian.jira.issue.index;

/**
 * Stand-in for {@code com.atlassian.jira.issue.index.IndexException} from {@code com.atlassian.jira:jira-api} 11.3:
 * the checked exception of {@link IssueIndexingService}.
 */
public class IndexException extends Exception {

    public IndexException(String message) {
        super(message);
    }
}
