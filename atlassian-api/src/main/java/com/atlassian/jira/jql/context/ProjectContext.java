package com.atlassian.jira.jql.context;

/**
 * Stand-in for {@code com.atlassian.jira.jql.context.ProjectContext} from {@code com.atlassian.jira:jira-api} 11.3:
 * one project of a query's context, or all of them. Only the members Fail Forward calls.
 */
public interface ProjectContext {

    /** @return the project's id; null for the "all projects" context */
    Long getProjectId();

    boolean isAll();
}
