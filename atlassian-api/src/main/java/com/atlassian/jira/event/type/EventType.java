package com.atlassian.jira.event.type;

/**
 * Stand-in for {@code com.atlassian.jira.event.type.EventType} ({@code @PublicApi} class) from
 * {@code com.atlassian.jira:jira-api} 11.3: the ids of Jira's system issue event types. Checked against the indexed
 * jira-api source of {@code EventType} ({@code public static final Long ISSUE_CREATED_ID = 1L; … ISSUE_MOVED_ID = 9L;
 * … ISSUE_GENERICEVENT_ID = 13L;}) and current listeners comparing {@code IssueEvent.getEventTypeId()} with them.
 * Only the constants Fail Forward reads; the real class also describes an event type (name, template).
 */
public class EventType {

    public static final Long ISSUE_CREATED_ID = 1L;
    public static final Long ISSUE_UPDATED_ID = 2L;
    public static final Long ISSUE_ASSIGNED_ID = 3L;
    public static final Long ISSUE_RESOLVED_ID = 4L;
    public static final Long ISSUE_CLOSED_ID = 5L;
    public static final Long ISSUE_COMMENTED_ID = 6L;
    public static final Long ISSUE_REOPENED_ID = 7L;
    public static final Long ISSUE_DELETED_ID = 8L;
    public static final Long ISSUE_MOVED_ID = 9L;
    public static final Long ISSUE_WORKSTARTED_ID = 11L;
    public static final Long ISSUE_WORKSTOPPED_ID = 12L;
    public static final Long ISSUE_GENERICEVENT_ID = 13L;
}
