package com.atlassian.jira.datetime;

/**
 * Stand-in for {@code com.atlassian.jira.datetime.DateTimeStyle} (enum) from {@code com.atlassian.jira:jira-api} 11.3:
 * the styles of Jira's date formats ("Look and feel" settings). The real enum has more constants (TIME, RELATIVE,
 * ISO_8601_DATE_TIME, ...); only the four Fail Forward uses are here.
 */
public enum DateTimeStyle {
    /** Date only, Jira's {@code jira.lf.date.dmy} format (default {@code dd/MMM/yy}). */
    DATE,
    /** Date and time, Jira's {@code jira.lf.date.complete} format (default {@code dd/MMM/yy h:mm a}). */
    COMPLETE,
    /** The format date fields such as the due date accept. */
    DATE_PICKER,
    /** The format date-time fields such as a date-time custom field accept. */
    DATE_TIME_PICKER
}
