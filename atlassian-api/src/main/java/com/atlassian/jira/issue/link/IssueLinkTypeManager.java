package com.atlassian.jira.issue.link;

import java.util.Collection;

/**
 * Stand-in for {@code com.atlassian.jira.issue.link.IssueLinkTypeManager} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against the indexed jira-api source of the interface:
 * {@code createIssueLinkType(String name, String outward, String inward, String style)} returns nothing (so the new
 * type is found again by name), {@code getIssueLinkType(Long)} returns null for unknown or system types,
 * {@code getIssueLinkTypesByName(String)} ("should always have either one or zero elements"). Only the members Fail
 * Forward calls.
 */
public interface IssueLinkTypeManager {
    void createIssueLinkType(String name, String outward, String inward, String style);

    IssueLinkType getIssueLinkType(Long id);

    Collection<IssueLinkType> getIssueLinkTypesByName(String name);
}
