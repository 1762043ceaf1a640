package com.atlassian.jira.issue.link;

import com.atlassian.jira.issue.Issue;

/**
 * Stand-in for {@code com.atlassian.jira.issue.link.IssueLink} from {@code com.atlassian.jira:jira-api} 11.3: a link
 * from a source issue (outward) to a destination issue (inward). Checked against Jira 8.8 code that implements the
 * whole interface (cures-hub/cures-condec-jira {@code MockIssueLink}: {@code Long getSourceId()},
 * {@code Long getDestinationId()}, {@code Long getLinkTypeId()}, {@code Issue getSourceObject()}). Only the members
 * Fail Forward calls.
 */
public interface IssueLink {

    Long getSourceId();

    Long getDestinationId();

    Long getLinkTypeId();

    Issue getSourceObject();
}
