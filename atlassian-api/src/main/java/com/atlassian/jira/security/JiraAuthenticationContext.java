package com.atlassian.jira.security;

import com.atlassian.jira.user.ApplicationUser;

/**
 * Stand-in for {@code com.atlassian.jira.security.JiraAuthenticationContext} from {@code com.atlassian.jira:jira-api}
 * 11.3 (reference atlassian-api.md §2.7). Only the members Fail Forward calls.
 */
public interface JiraAuthenticationContext {
    /** @return the user of this request, or null (e.g. while the plugin starts) */
    ApplicationUser getLoggedInUser();

    /** @return the locale of the logged-in user, else Jira's default locale */
    java.util.Locale getLocale();

    /**
     * Makes {@code user} the logged-in user of this thread ({@code null}: nobody), e.g. for work a scheduled job does on
     * someone's behalf (reference §2.7: {@code void setLoggedInUser(ApplicationUser user)}).
     */
    void setLoggedInUser(ApplicationUser user);
}
