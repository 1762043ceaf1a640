package com.atlassian.jira.bc;

import com.atlassian.jira.user.ApplicationUser;

/**
 * Stand-in for {@code com.atlassian.jira.bc.JiraServiceContextImpl} from {@code com.atlassian.jira:jira-api} 11.3.
 * Only the constructor Fail Forward calls.
 */
public class JiraServiceContextImpl implements JiraServiceContext {

    public JiraServiceContextImpl(ApplicationUser user) {
        throw new UnsupportedOperationException("compile-only stand-in for Jira's JiraServiceContextImpl");
    }
}
