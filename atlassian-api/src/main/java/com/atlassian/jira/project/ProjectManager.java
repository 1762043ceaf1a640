package com.atlassian.jira.project;

/**
 * Stand-in for {@code com.atlassian.jira.project.ProjectManager} from {@code com.atlassian.jira:jira-api} 11.3
 * (reference atlassian-api.md §2.7); only the members Fail Forward calls.
 */
public interface ProjectManager {
    /** The project with this key (also after a key change: current key), or null. */
    Project getProjectByCurrentKey(String projectKey);

    /** @return the project with this id, or null */
    Project getProjectObj(Long id);
}
