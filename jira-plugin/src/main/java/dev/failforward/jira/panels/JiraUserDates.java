package dev.failforward.jira.panels;

import dev.failforward.jira.kpi.KpiUserContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;

/**
 * The user's time zone from their Jira profile (else Jira's default) and their locale's medium date and short time.
 * Jira's own configured formats ({@code DateTimeFormatterFactory}, "Look and feel" date formats) are not read yet:
 * this class is the one place to switch to them.
 */
@Named
public class JiraUserDates implements UserDates {

    private final KpiUserContext user;

    @Inject
    public JiraUserDates(KpiUserContext user) {
        this.user = Objects.requireNonNull(user, "user");
    }

    @Override
    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(user.locale())
                .format(instant.atZone(user.zone()));
    }

    @Override
    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(user.locale()).format(date);
    }
}
