package dev.failforward.jira.permissions;

import java.util.Optional;
import java.util.Set;

/**
 * Who may see and change which failure records — the one place the failure database asks, always about the user of
 * the current request.
 *
 * <p>The rule: a record is visible to whoever may <em>Browse Projects</em> in the record's project, and its learnings
 * and action items may be changed by whoever may <em>Edit Issues</em> there. Administrators are not special: Jira's
 * project permissions decide for them as for anyone, exactly as for the issues themselves.
 */
public interface RecordPermissions {

    /** The Jira user key of the logged-in user; empty when the request is anonymous. */
    Optional<String> currentUserKey();

    /** Keys of the projects the current user may browse (empty when anonymous). */
    Set<String> browsableProjectKeys();

    /** Whether the current user may browse the project; {@code false} for a project that does not exist. */
    boolean canBrowse(String projectKey);

    /** Whether the current user may edit issues in the project; {@code false} for a project that does not exist. */
    boolean canEdit(String projectKey);
}
