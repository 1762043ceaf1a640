package com.atlassian.jira.issue.resolution;

/**
 * Stand-in for {@code com.atlassian.jira.issue.resolution.Resolution} from {@code com.atlassian.jira:jira-api} 11.3
 * (the real interface extends {@code IssueConstant}, which declares these getters); what {@code Issue.getResolution()}
 * returns since Jira 8. Only the members Fail Forward calls.
 */
public interface Resolution {
    String getId();

    String getName();
}
