package com.atlassian.jira.event.issue.link;

import com.atlassian.jira.issue.link.IssueLink;

/**
 * Stand-in for {@code com.atlassian.jira.event.issue.link.IssueLinkDeletedEvent} from
 * {@code com.atlassian.jira:jira-api} 11.3: published when an issue link is removed. Checked against current
 * listeners ({@code @EventListener public void onLinkDeletedIssueEvent(IssueLinkDeletedEvent e)} calling
 * {@code e.getIssueLink().getSourceObject()}, cures-hub/cures-condec-jira). Only the members Fail Forward calls.
 */
public class IssueLinkDeletedEvent {

    public IssueLink getIssueLink() {
        throw new UnsupportedOperationException("stand-in");
    }
}
