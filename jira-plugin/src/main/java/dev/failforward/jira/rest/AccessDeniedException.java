package dev.failforward.jira.rest;

/** The caller may not do this: 401 when nobody is logged in, 403 when the user lacks the permission. */
public class AccessDeniedException extends RuntimeException {

    private final boolean anonymous;

    public AccessDeniedException(boolean anonymous) {
        super(anonymous ? "login required" : "permission required");
        this.anonymous = anonymous;
    }

    public boolean anonymous() {
        return anonymous;
    }

    /** Passes for a logged-in Jira administrator; else 401 (anonymous) or 403. */
    public static void requireAdministrator(com.atlassian.sal.api.user.UserManager users) {
        com.atlassian.sal.api.user.UserKey user = users.getRemoteUserKey();
        if (user == null) {
            throw new AccessDeniedException(true);
        }
        if (!users.isAdmin(user)) {
            throw new AccessDeniedException(false);
        }
    }

    /** Passes when someone is logged in ({@code user} present); else 401. */
    public static void requireLogin(java.util.Optional<?> user) {
        if (user.isEmpty()) {
            throw new AccessDeniedException(true);
        }
    }
}
