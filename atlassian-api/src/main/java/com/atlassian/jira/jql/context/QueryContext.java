package com.atlassian.jira.jql.context;

import java.util.Collection;

/**
 * Stand-in for {@code com.atlassian.jira.jql.context.QueryContext} from {@code com.atlassian.jira:jira-api} 11.3
 * ({@code @PublicApi}): the projects and issue types a JQL query can match. Only the members Fail Forward calls.
 */
public interface QueryContext {

    Collection<ProjectIssueTypeContexts> getProjectIssueTypeContexts();

    /** A project of the context with its issue types (the real class is nested in this interface, as here). */
    class ProjectIssueTypeContexts {

        public ProjectContext getProjectContext() {
            throw new UnsupportedOperationException("compile-only stand-in for Jira's QueryContext");
        }
    }
}
