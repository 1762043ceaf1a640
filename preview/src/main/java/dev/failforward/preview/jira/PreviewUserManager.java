package dev.failforward.preview.jira;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import jakarta.servlet.http.HttpServletRequest;

/** SAL's user manager in the preview: every request is the demo user, who administers the preview. */
public final class PreviewUserManager implements UserManager {

    private static final UserKey DEMO = new UserKey(PreviewRecordPermissions.DEMO_USER);

    @Override
    public UserKey getRemoteUserKey() {
        return DEMO;
    }

    @Override
    public UserKey getRemoteUserKey(HttpServletRequest request) {
        return DEMO;
    }

    @Override
    public boolean isAdmin(UserKey userKey) {
        return DEMO.equals(userKey);
    }
}
