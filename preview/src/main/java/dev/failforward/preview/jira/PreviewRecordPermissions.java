package dev.failforward.preview.jira;

import dev.failforward.jira.permissions.RecordPermissions;

import java.util.Optional;
import java.util.Set;

/**
 * The preview's permissions: one fixed, logged-in demo user who may browse and edit issues in every project of the
 * preview (and no other project: one that does not exist is neither browsable nor editable, as in Jira).
 */
public final class PreviewRecordPermissions implements RecordPermissions {

    /** The Jira user key of the preview's only user. */
    public static final String DEMO_USER = "demo";

    private final Set<String> projects;

    public PreviewRecordPermissions(Set<String> projects) {
        this.projects = Set.copyOf(projects);
    }

    @Override
    public Optional<String> currentUserKey() {
        return Optional.of(PreviewUsers.current());
    }

    @Override
    public Set<String> browsableProjectKeys() {
        return projects;
    }

    @Override
    public boolean canBrowse(String projectKey) {
        return projectKey != null && projects.contains(projectKey);
    }

    @Override
    public boolean canEdit(String projectKey) {
        return canBrowse(projectKey);
    }
}
