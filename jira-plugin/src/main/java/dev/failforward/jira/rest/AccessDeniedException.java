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
}
