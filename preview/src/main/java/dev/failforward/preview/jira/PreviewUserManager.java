package dev.failforward.preview.jira;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;
import java.util.Set;

/**
 * SAL's user manager in the preview: a request is the demo user, who administers the preview, unless the page header
 * switched to a teammate who does not ({@link PreviewUsers}). The preview's Jira
 * knows the demo user and three teammates ({@link #USERS}), who can own action items but never log in.
 */
public final class PreviewUserManager implements UserManager {

    /** The preview's Jira users: user key to full name. */
    public static final Map<String, String> NAMES = Map.of(PreviewRecordPermissions.DEMO_USER, "Dee Demo",
            "anna", "Anna Berg", "ben", "Ben Okafor", "kim", "Kim Lindqvist");
    /** The user keys of the preview's Jira users. */
    public static final Set<String> USERS = NAMES.keySet();

    private static final UserKey DEMO = new UserKey(PreviewRecordPermissions.DEMO_USER);

    /** A preview user as SAL describes them. */
    private record Profile(UserKey key) implements UserProfile {
        @Override
        public String getFullName() {
            return NAMES.get(key.getStringValue());
        }

        /** {@code <key>@preview.failforward.test}: the preview's outbox shows mails to it; nothing leaves the machine. */
        @Override
        public String getEmail() {
            return key.getStringValue() + "@preview.failforward.test";
        }
    }

    @Override
    public UserKey getRemoteUserKey() {
        return new UserKey(PreviewUsers.current());
    }

    @Override
    public UserKey getRemoteUserKey(HttpServletRequest request) {
        return new UserKey(PreviewUsers.current());
    }

    @Override
    public boolean isAdmin(UserKey userKey) {
        return DEMO.equals(userKey);
    }

    @Override
    public UserProfile getUserProfile(UserKey userKey) {
        return userKey != null && USERS.contains(userKey.getStringValue()) ? new Profile(userKey) : null;
    }
}
