package dev.failforward.preview.jira;

import java.util.Map;

/**
 * Who the current request is in the preview: the administrator {@value PreviewRecordPermissions#DEMO_USER} by default,
 * or the teammate {@value #MEMBER}, who browses and edits the same projects but administers nothing. The page header
 * switches between them (a cookie); {@link PreviewUserManager} and {@link PreviewRecordPermissions} read it, as SAL's
 * user manager and Jira's permissions read the logged-in user.
 */
public final class PreviewUsers {

    /** A preview user who is not an administrator. */
    public static final String MEMBER = "kim";

    /** The users one can be in the preview, and how the header names them. */
    public static final Map<String, String> SWITCHABLE = Map.of(
            PreviewRecordPermissions.DEMO_USER, "demo (administrator)",
            MEMBER, "kim (not an administrator)");

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private PreviewUsers() {
    }

    /** The current request's user key (the administrator outside a request). */
    public static String current() {
        String user = CURRENT.get();
        return user == null ? PreviewRecordPermissions.DEMO_USER : user;
    }

    public static boolean isAdministrator(String userKey) {
        return PreviewRecordPermissions.DEMO_USER.equals(userKey);
    }

    /** Runs a request as {@code userKey} (one of {@link #SWITCHABLE}; anything else is the administrator). */
    public static void runAs(String userKey, ThrowingRunnable request) throws Exception {
        String previous = CURRENT.get();
        CURRENT.set(userKey != null && SWITCHABLE.containsKey(userKey) ? userKey : PreviewRecordPermissions.DEMO_USER);
        try {
            request.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** A request's work. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
