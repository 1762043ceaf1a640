package dev.failforward.jira.importing;

import java.util.List;
import java.util.Optional;

/**
 * The host's users as the import matches a post-mortem's written action-item owner to one ({@link OwnerMatcher}):
 * by user name (or key), by e-mail address, by display name. Implemented on Jira's user manager and user search
 * ({@link JiraOwnerDirectory}); the preview has its demo users.
 */
public interface OwnerDirectory {

    /** A user: the key an action item stores, and the name people read. */
    record User(String key, String displayName) {
    }

    /** The user with this user name or key (ignoring case), if any. */
    Optional<User> byUsername(String username);

    /** The users with this e-mail address (ignoring case). */
    List<User> byEmail(String email);

    /** The users whose display name is this one (ignoring case). */
    List<User> byDisplayName(String displayName);
}
