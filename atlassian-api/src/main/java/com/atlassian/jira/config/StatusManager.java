package com.atlassian.jira.config;

import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;

import java.util.Collection;

/**
 * Stand-in for {@code com.atlassian.jira.config.StatusManager} ({@code @PublicApi}, since 5.0) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against the indexed jira-api source of the interface
 * ({@code createStatus(String name, String description, String iconUrl, StatusCategory)} since 6.1: the name must be
 * unique; {@code getStatus(String id)} returns null when unknown). Only the members Fail Forward calls.
 */
public interface StatusManager {
    Status createStatus(String name, String description, String iconUrl, StatusCategory statusCategory);

    Collection<Status> getStatuses();

    Status getStatus(String id);
}
