package com.atlassian.sal.api.user;

/**
 * Stand-in for {@code com.atlassian.sal.api.user.UserProfile} from {@code com.atlassian.sal:sal-api} 7.x (Platform 8;
 * reference atlassian-api.md §2.3): a user as SAL describes them. Fail Forward only asks whether
 * {@link UserManager#getUserProfile(UserKey)} finds one, and for the name it shows people (owners of action items).
 */
public interface UserProfile {

    /** The user's full name, as people see it. */
    String getFullName();

    /** The user's e-mail address (where Fail Forward's reminders and digest go). */
    String getEmail();
}
