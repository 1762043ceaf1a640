package com.atlassian.jira.user.util;

import com.atlassian.jira.user.ApplicationUser;

/**
 * Stand-in for {@code com.atlassian.jira.user.util.UserManager} (interface, {@code @PublicApi}, a component) from
 * {@code com.atlassian.jira:jira-api} 11.3 ({@code @Nullable ApplicationUser getUserByKey(@Nullable String userKey)},
 * docs.atlassian.com/jira/latest/com/atlassian/jira/user/util/UserManager.html). Only the members Fail Forward calls.
 */
public interface UserManager {

    /** The user with this key, or null. */
    ApplicationUser getUserByKey(String userKey);

    /**
     * The user with this user name (ignoring case), or null ({@code @Nullable ApplicationUser getUserByName(@Nullable
     * String userName)}, same Javadoc page).
     */
    ApplicationUser getUserByName(String userName);
}
