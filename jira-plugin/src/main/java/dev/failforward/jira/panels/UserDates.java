package dev.failforward.jira.panels;

import java.time.Instant;
import java.time.LocalDate;

/** Dates and times as the current user reads them: in their time zone and the host's format. */
public interface UserDates {

    String dateTime(Instant instant);

    String date(LocalDate date);
}
