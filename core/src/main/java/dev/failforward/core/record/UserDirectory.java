package dev.failforward.core.record;

/**
 * The host's users, as far as the failure database needs them: whether a user key names a user. An action item's
 * owner must (Jira: SAL's {@code UserManager}; the preview: its own users).
 */
@FunctionalInterface
public interface UserDirectory {

    /** Whether {@code userKey} (never blank) is the key of a user the host knows, active or not. */
    boolean exists(String userKey);
}
