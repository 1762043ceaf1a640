package com.atlassian.jira.issue.link;

import java.util.List;

/**
 * Stand-in for {@code com.atlassian.jira.issue.link.IssueLinkManager} from {@code com.atlassian.jira:jira-api} 11.3;
 * checked against the Jira 8.8 implementation in cures-hub/cures-condec-jira (reference atlassian-api.md §2.7:
 * {@code List<IssueLink> getInwardLinks(Long issueId)}). Only the members Fail Forward calls.
 */
public interface IssueLinkManager {

    /** The links whose destination is the issue (the issue's "inward" side). */
    List<IssueLink> getInwardLinks(Long issueId);

    /**
     * Links the source to the destination with the link type, recording the change as the user (indexed jira-api
     * source and cures-hub/cures-condec-jira {@code MockIssueLinkManager}: {@code void createIssueLink(Long
     * sourceIssueId, Long destinationIssueId, Long issueLinkTypeId, Long sequence, ApplicationUser user) throws
     * CreateException}). No permission check: the caller checks.
     */
    void createIssueLink(Long sourceIssueId, Long destinationIssueId, Long issueLinkTypeId, Long sequence,
                         com.atlassian.jira.user.ApplicationUser remoteUser)
            throws com.atlassian.jira.exception.CreateException;
}
