package com.atlassian.jira.config;

/**
 * Stand-in for {@code com.atlassian.jira.config.ConstantsManager} from {@code com.atlassian.jira:jira-api} 11.3. Fail
 * Forward calls none of its members; it only hands it to
 * {@link com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenSchemeEntityImpl}'s constructor.
 */
public interface ConstantsManager {
}
