package com.atlassian.jira.datetime;

/**
 * Stand-in for {@code com.atlassian.jira.datetime.DateTimeStyle} (enum) from {@code com.atlassian.jira:jira-api} 11.3:
 * the format a {@link DateTimeFormatter} writes. Only the constant Fail Forward uses ({@code DATE_PICKER}: the format
 * date fields such as the due date accept).
 */
public enum DateTimeStyle {
    DATE_PICKER
}
