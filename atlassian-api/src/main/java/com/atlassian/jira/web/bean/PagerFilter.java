package com.atlassian.jira.web.bean;

import java.io.Serializable;

/**
 * Stand-in for {@code com.atlassian.jira.web.bean.PagerFilter<T>} ({@code @PublicApi} class) from
 * {@code com.atlassian.jira:jira-api} 11.3: which page of a search to return. Checked against the indexed jira-api
 * source ({@code public PagerFilter(final int start, final int max)}, {@code getStart()}, {@code getMax()}; reference
 * atlassian-api.md §2.7). Only the members Fail Forward calls (the getters: its tests).
 */
public class PagerFilter<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int start;
    private final int max;

    public PagerFilter(int start, int max) {
        this.start = start;
        this.max = max == -1 ? Integer.MAX_VALUE : max;
    }

    public int getStart() {
        return start;
    }

    public int getMax() {
        return max;
    }
}
