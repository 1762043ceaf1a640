package dev.failforward.jira.panels;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Dates and times as the current user reads them: in their time zone and the host's configured format. Every date
 * the plugin prints into server-rendered HTML goes through here, never {@code toString()} or an ISO string.
 */
public interface UserDates {

    /** The instant as a date and time; {@code ""} for {@code null}. */
    String dateTime(Instant instant);

    /** The calendar day; {@code ""} for {@code null}. */
    String date(LocalDate date);
}
