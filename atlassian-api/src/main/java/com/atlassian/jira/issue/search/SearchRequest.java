package com.atlassian.jira.issue.search;

import com.atlassian.query.Query;

/**
 * Stand-in for {@code com.atlassian.jira.issue.search.SearchRequest} from {@code com.atlassian.jira:jira-api} 11.3 (a
 * saved filter). Only the members Fail Forward calls.
 */
public class SearchRequest {

    public Long getId() {
        throw new UnsupportedOperationException("compile-only stand-in for Jira's SearchRequest");
    }

    public String getName() {
        throw new UnsupportedOperationException("compile-only stand-in for Jira's SearchRequest");
    }

    public Query getQuery() {
        throw new UnsupportedOperationException("compile-only stand-in for Jira's SearchRequest");
    }
}
