package com.atlassian.jira.issue.search;

/**
 * Stand-in for {@code com.atlassian.jira.issue.search.SearchException} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3: checked. Checked against the indexed jira-api source (the real class extends
 * {@code com.atlassian.jira.JiraException}, which extends {@code Exception}); caught as checked by Jira 11.0.0 code
 * (atlassian-labs/atlassian-slack-integration-server @94c50dce {@code JqlIssueFilter}).
 */
public class SearchException extends Exception {
    public SearchException(String msg) {
        super(msg);
    }

    public SearchException(String msg, Exception e) {
        super(msg, e);
    }
}
