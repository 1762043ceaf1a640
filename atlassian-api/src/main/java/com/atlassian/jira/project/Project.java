package com.atlassian.jira.project;

/**
 * Stand-in for {@code com.atlassian.jira.project.Project} from {@code com.atlassian.jira:jira-api} 11.3 (reference
 * atlassian-api.md §2.7); only the members Fail Forward calls.
 */
public interface Project {
    Long getId();

    String getKey();

    String getName();
}
