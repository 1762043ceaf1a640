package com.atlassian.query;

/**
 * Stand-in for {@code com.atlassian.query.Query} ({@code @PublicApi} interface) from {@code com.atlassian.jira:jira-api}
 * 11.3 (atlassian-query); the parsed form of a JQL query, as {@code SearchService.parseQuery} returns it and
 * {@code SearchService.searchOverrideSecurity} takes it (reference atlassian-api.md §2.7; SLACK Jira 11.0.0
 * {@code JqlIssueFilter}/{@code JqlIndexSearcher} import it). Fail Forward only passes it on, so no members.
 */
public interface Query {
}
