package com.atlassian.jira.event.issue.link;

import com.atlassian.jira.issue.link.IssueLink;

/**
 * Stand-in for {@code com.atlassian.jira.event.issue.link.IssueLinkCreatedEvent} from
 * {@code com.atlassian.jira:jira-api} 11.3: published after an issue link is created. Checked against current
 * listeners ({@code @EventListener public void onLinkCreatedIssueEvent(IssueLinkCreatedEvent e)} calling
 * {@code e.getIssueLink().getSourceObject()}, cures-hub/cures-condec-jira). Only the members Fail Forward calls.
 */
public class IssueLinkCreatedEvent {

    public IssueLink getIssueLink() {
        throw new UnsupportedOperationException("stand-in");
    }
}
