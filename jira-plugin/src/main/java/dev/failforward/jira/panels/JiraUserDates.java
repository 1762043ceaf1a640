package dev.failforward.jira.panels;

import com.atlassian.jira.datetime.DateTimeFormatterFactory;
import com.atlassian.jira.datetime.DateTimeStyle;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Objects;
import java.util.TimeZone;

/**
 * Dates as Jira shows its own: through Jira's {@link DateTimeFormatterFactory}, so in the logged-in user's time zone
 * (their profile's, else Jira's default) and the instance's configured formats ("Look and feel": the complete
 * date-time format, default {@code dd/MMM/yy h:mm a}, and the date format, default {@code dd/MMM/yy}) — never an
 * ISO string. Jira's formatters are immutable and cheap; a new one per call follows a changed user or setting at once.
 *
 * <p>A date without a time (a due date) is a calendar day, not an instant: it is formatted as that day in UTC, so no
 * user's zone can move it to the day before.
 */
@Named
public class JiraUserDates implements UserDates {

    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

    private final DateTimeFormatterFactory formatters;

    @Inject
    public JiraUserDates(@ComponentImport DateTimeFormatterFactory formatters) {
        this.formatters = Objects.requireNonNull(formatters, "formatters");
    }

    /** The instant in the user's zone and Jira's complete date-time format; {@code ""} for none. */
    @Override
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return formatters.formatter().forLoggedInUser().withStyle(DateTimeStyle.COMPLETE).format(Date.from(instant));
    }

    /** The day in Jira's date format (the user's locale); {@code ""} for none. */
    @Override
    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return formatters.formatter().forLoggedInUser().withStyle(DateTimeStyle.DATE).withZone(UTC)
                .format(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
}
