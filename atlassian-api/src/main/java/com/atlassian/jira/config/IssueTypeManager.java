package com.atlassian.jira.config;

import com.atlassian.jira.issue.issuetype.IssueType;

import java.util.Collection;

/**
 * Stand-in for {@code com.atlassian.jira.config.IssueTypeManager} ({@code @PublicApi}, since 5.0) from
 * {@code com.atlassian.jira:jira-api} 11.3 (reference atlassian-api.md §2.7; checked against the indexed jira-api source
 * of the interface: {@code createIssueType(String, String, Long)} since 6.3 adds the type to the default issue type
 * scheme; {@code getIssueType(String)}). Only the members Fail Forward calls.
 */
public interface IssueTypeManager {
    IssueType createIssueType(String name, String description, Long avatarId);

    Collection<IssueType> getIssueTypes();

    IssueType getIssueType(String id);
}
