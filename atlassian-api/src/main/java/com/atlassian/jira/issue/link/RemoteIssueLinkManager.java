package com.atlassian.jira.issue.link;

import com.atlassian.jira.issue.Issue;

import java.util.List;

/**
 * Stand-in for {@code com.atlassian.jira.issue.link.RemoteIssueLinkManager} from {@code com.atlassian.jira:jira-api}
 * 11.3; checked against the Jira 6.3 interface (turgaycelik/mysource: {@code List<RemoteIssueLink>
 * getRemoteIssueLinksForIssue(Issue issue)}, "never null"). Only the member Fail Forward calls.
 */
public interface RemoteIssueLinkManager {

    /** The issue's remote links, ordered by global id then id (never null). */
    List<RemoteIssueLink> getRemoteIssueLinksForIssue(Issue issue);
}
