package com.atlassian.jira.event.issue;

import com.atlassian.jira.issue.Issue;

/**
 * Stand-in for {@code com.atlassian.jira.event.issue.IssueEvent} ({@code @PublicApi} class) from
 * {@code com.atlassian.jira:jira-api} 11.3: what Jira publishes after an issue is created, updated, transitioned,
 * moved or deleted. Checked against current listeners ({@code Long eventTypeId = issueEvent.getEventTypeId();
 * Issue issue = issueEvent.getIssue();} compared with {@link com.atlassian.jira.event.type.EventType} constants, e.g.
 * cures-hub/cures-condec-jira and the Atlassian event-listener tutorial code). Only the members Fail Forward calls.
 */
public class IssueEvent {

    public Issue getIssue() {
        throw new UnsupportedOperationException("stand-in");
    }

    /** One of the {@link com.atlassian.jira.event.type.EventType} ids (or a custom event type's id). */
    public Long getEventTypeId() {
        throw new UnsupportedOperationException("stand-in");
    }
}
