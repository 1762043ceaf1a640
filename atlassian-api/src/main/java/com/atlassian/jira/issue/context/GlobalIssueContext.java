package com.atlassian.jira.issue.context;

/**
 * Stand-in for {@code com.atlassian.jira.issue.context.GlobalIssueContext} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against the indexed jira-api source
 * ({@code public static JiraContextNode getInstance()} since 6.1; the real class extends {@code AbstractJiraContext},
 * which implements {@link JiraContextNode}). Only the members Fail Forward calls.
 */
public class GlobalIssueContext implements JiraContextNode {
    private static final GlobalIssueContext INSTANCE = new GlobalIssueContext();

    private GlobalIssueContext() {
    }

    public static JiraContextNode getInstance() {
        return INSTANCE;
    }
}
