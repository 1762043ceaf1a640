package com.atlassian.jira.bc;

/**
 * Stand-in for {@code com.atlassian.jira.bc.JiraServiceContext} from {@code com.atlassian.jira:jira-api} 11.3: the
 * user and error collection a Jira service call runs with. No members are called; it is passed through.
 */
public interface JiraServiceContext {
}
