package com.atlassian.jira.timezone;

import java.util.TimeZone;

/**
 * Stand-in for {@code com.atlassian.jira.timezone.TimeZoneManager} from {@code com.atlassian.jira:jira-api} 11.3
 * (public since Jira 4.4; the interface's source is public in jira-api sources). Only the members Fail Forward calls.
 */
public interface TimeZoneManager {

    /** @return the time zone of the logged-in user (their profile's, else Jira's default user time zone) */
    TimeZone getLoggedInUserTimeZone();

    /** @return Jira's default user time zone (General configuration), the JVM's zone unless an administrator set one */
    TimeZone getDefaultTimezone();
}
