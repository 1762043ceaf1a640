package com.atlassian.jira.datetime;

import java.util.Date;

/**
 * Stand-in for {@code com.atlassian.jira.datetime.DateTimeFormatter} (interface, {@code @PublicApi}, a component) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against the indexed Jira source of its implementation
 * ({@code DateTimeFormatter withStyle(DateTimeStyle style)}, {@code withSystemZone()}, {@code forLoggedInUser()}) and
 * the deprecated {@code OutlookDate.formatDatePicker(Date)}, which became
 * {@code userDateTimeFormatter.withStyle(DATE_PICKER).format(date)}. Only the members Fail Forward calls.
 */
public interface DateTimeFormatter {

    /** This formatter in the logged-in user's locale and time zone. */
    DateTimeFormatter forLoggedInUser();

    /** This formatter in Jira's default time zone. */
    DateTimeFormatter withSystemZone();

    DateTimeFormatter withStyle(DateTimeStyle style);

    String format(Date date);
}
