package com.atlassian.jira.datetime;

import java.util.Date;
import java.util.TimeZone;

/**
 * Stand-in for {@code com.atlassian.jira.datetime.DateTimeFormatter} (interface, {@code @PublicApi}, a component) from
 * {@code com.atlassian.jira:jira-api} 11.3: an immutable, time-zone aware formatter in one of Jira's configured
 * {@link DateTimeStyle styles}; each {@code with…}/{@code for…} returns a new formatter (Jira's
 * {@code DateTimeFormatterImpl}). Checked against the indexed Jira source of its implementation. Only the members Fail
 * Forward calls.
 */
public interface DateTimeFormatter {

    /** The same formatter in the time zone and locale of the logged-in user. */
    DateTimeFormatter forLoggedInUser();

    /** This formatter in Jira's default time zone. */
    DateTimeFormatter withSystemZone();

    DateTimeFormatter withStyle(DateTimeStyle style);

    /** The same formatter in this zone ({@code null}: Jira's default zone). */
    DateTimeFormatter withZone(TimeZone timeZone);

    String format(Date date);
}
