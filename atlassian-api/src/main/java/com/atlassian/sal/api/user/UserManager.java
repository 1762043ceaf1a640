package com.atlassian.sal.api.user;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Stand-in for {@code com.atlassian.sal.api.user.UserManager} from {@code com.atlassian.sal:sal-api} 7.x (Platform 8,
 * jakarta servlet types; reference atlassian-api.md §2.3); only the members Fail Forward calls.
 */
public interface UserManager {
    /** The logged-in user of the current request, or null when anonymous. */
    UserKey getRemoteUserKey();

    UserKey getRemoteUserKey(HttpServletRequest request);

    boolean isAdmin(UserKey userKey);

    /** The user with this key, or null when there is none (SAL: {@code @Nullable UserProfile getUserProfile(@Nullable UserKey)}). */
    UserProfile getUserProfile(UserKey userKey);
}
