package dev.failforward.preview.jira;

import dev.failforward.jira.importing.ImportPermissions;

import java.util.Set;

/**
 * {@link ImportPermissions} in the preview: its one user, {@code demo}, administers every preview project (it runs
 * setup on the admin page too), so it may import into each of them.
 */
public final class PreviewImportPermissions implements ImportPermissions {

    private final Set<String> projects;

    public PreviewImportPermissions(Set<String> projects) {
        this.projects = Set.copyOf(projects);
    }

    @Override
    public boolean mayImport(String projectKey) {
        return projectKey != null && projects.contains(projectKey);
    }

    @Override
    public String currentUserKey() {
        return PreviewRecordPermissions.DEMO_USER;
    }
}
