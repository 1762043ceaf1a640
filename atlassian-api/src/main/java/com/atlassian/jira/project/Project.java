package com.atlassian.jira.project;

import com.atlassian.jira.user.ApplicationUser;

/**
 * Stand-in for {@code com.atlassian.jira.project.Project} from {@code com.atlassian.jira:jira-api} 11.3 (reference
 * atlassian-api.md §2.7); only the members Fail Forward calls. {@link #getProjectLead()} is checked against Jira
 * 11.0.0 code that implements the whole interface (atlassian-labs/atlassian-slack-integration-server @94c50dce
 * {@code SlackMessageResource}: {@code public ApplicationUser getProjectLead()}, next to {@code getLeadUserKey()}).
 */
public interface Project {
    Long getId();

    String getKey();

    String getName();

    /** The project lead, or null when the project has none. */
    ApplicationUser getProjectLead();
}
