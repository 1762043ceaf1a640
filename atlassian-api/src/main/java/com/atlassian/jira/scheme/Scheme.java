package com.atlassian.jira.scheme;

/**
 * Stand-in for {@code com.atlassian.jira.scheme.Scheme} (a class) from {@code com.atlassian.jira:jira-api} 11.3.
 * Compile-only: only the members Fail Forward calls, and they throw.
 */
public class Scheme {
    public Long getId() {
        throw new UnsupportedOperationException("compile-only stand-in for Jira's Scheme");
    }
}
