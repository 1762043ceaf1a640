package com.atlassian.jira.util;

/**
 * Stand-in for {@code com.atlassian.jira.util.MessageSet} (interface) from {@code com.atlassian.jira:jira-api} 11.3:
 * the errors and warnings of a JQL parse, held by {@code SearchService.ParseResult}. Verified by use on Jira 11.0.0
 * (atlassian-labs/atlassian-slack-integration-server @94c50dce {@code JqlIssueFilterTest}: {@code new
 * SearchService.ParseResult(query, messageSet)} with {@code messageSet.hasAnyErrors()} deciding {@code isValid()}).
 * Only the members Fail Forward calls.
 */
public interface MessageSet {
    boolean hasAnyErrors();
}
