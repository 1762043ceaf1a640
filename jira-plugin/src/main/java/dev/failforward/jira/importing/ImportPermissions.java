package dev.failforward.jira.importing;

/**
 * Who may import into a project: a Jira administrator or an administrator of the project (its lead, usually), who
 * may also create issues there. Implemented on Jira's permission manager ({@link JiraImportPermissions}).
 */
public interface ImportPermissions {

    /** Whether the current user may import post-mortems into the project (false for an unknown or hidden project). */
    boolean mayImport(String projectKey);

    /** The current user's key, or {@code null} when anonymous. */
    String currentUserKey();
}
