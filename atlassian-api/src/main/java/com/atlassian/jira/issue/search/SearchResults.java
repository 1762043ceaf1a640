package com.atlassian.jira.issue.search;

import java.util.List;

/**
 * Stand-in for {@code com.atlassian.jira.issue.search.SearchResults<T>} ({@code @PublicApi} class) from
 * {@code com.atlassian.jira:jira-api} 11.3: one page of results. Checked against Jira 8.20 code
 * (cures-hub/cures-condec-jira @fbadb349: {@code new SearchResults<Issue>(issues, total, max, start)} in
 * {@code MockSearchService}, {@code getResults()} in {@code JiraQueryHandler}; since Jira 8 {@code getResults()}
 * replaced {@code getIssues()}, reference atlassian-api.md §2.7); presumed unchanged in Jira 11. Only the members Fail
 * Forward calls (the constructor: its tests).
 */
public class SearchResults<T> {
    private final List<T> results;
    private final int total;

    public SearchResults(List<T> results, int totalCount, int maxCount, int startIndex) {
        this.results = List.copyOf(results);
        this.total = totalCount;
    }

    /** How many issues match the query over all pages (reference atlassian-api.md §2.7: {@code int getTotal()}). */
    public int getTotal() {
        return total;
    }

    /** This page's results. */
    public List<T> getResults() {
        return results;
    }
}
