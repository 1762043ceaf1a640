package dev.failforward.host.datetime;

import com.atlassian.jira.datetime.DateTimeFormatter;
import com.atlassian.jira.datetime.DateTimeFormatterFactory;
import com.atlassian.jira.datetime.DateTimeStyle;

import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import java.util.function.Supplier;

/**
 * Jira's date formatting as a Jira instance with the default "Look and feel" date formats does it, for the hosts that
 * stand in for Jira (the preview, tests): {@link DateTimeStyle#COMPLETE} is {@value #COMPLETE}
 * ({@code jira.lf.date.complete}), {@link DateTimeStyle#DATE} {@value #DATE} ({@code jira.lf.date.dmy}). Like
 * Jira's, the formatters are immutable: {@code forLoggedInUser()} takes the current user's zone and locale (here the
 * suppliers'), {@code withZone}/{@code withStyle} return new ones.
 */
public final class JiraDefaultDateTimeFormatters implements DateTimeFormatterFactory {

    /** Jira's default complete date-time format. */
    public static final String COMPLETE = "dd/MMM/yy h:mm a";
    /** Jira's default date format. */
    public static final String DATE = "dd/MMM/yy";
    /** Jira's default {@code jira.date.picker.java.format}: what date fields such as the due date accept. */
    public static final String DATE_PICKER = "d/MMM/yy";
    /** Jira's default {@code jira.date.time.picker.java.format}: what a date-time field's input accepts. */
    public static final String DATE_TIME_PICKER = "dd/MMM/yy h:mm a";

    private final Supplier<ZoneId> userZone;
    private final Supplier<Locale> userLocale;
    private final ZoneId defaultZone;

    /** @param userZone the logged-in user's zone; also Jira's default zone here (the preview has one user) */
    public JiraDefaultDateTimeFormatters(Supplier<ZoneId> userZone, Supplier<Locale> userLocale) {
        this.userZone = Objects.requireNonNull(userZone, "userZone");
        this.userLocale = Objects.requireNonNull(userLocale, "userLocale");
        this.defaultZone = userZone.get();
    }

    public JiraDefaultDateTimeFormatters(ZoneId zone, Locale locale) {
        this(() -> zone, () -> locale);
    }

    @Override
    public DateTimeFormatter formatter() {
        return new Formatter(DateTimeStyle.COMPLETE, defaultZone, Locale.ENGLISH);
    }

    private final class Formatter implements DateTimeFormatter {
        private final DateTimeStyle style;
        private final ZoneId zone;
        private final Locale locale;

        Formatter(DateTimeStyle style, ZoneId zone, Locale locale) {
            this.style = Objects.requireNonNull(style, "style");
            this.zone = Objects.requireNonNull(zone, "zone");
            this.locale = Objects.requireNonNull(locale, "locale");
        }

        @Override
        public DateTimeFormatter forLoggedInUser() {
            return new Formatter(style, userZone.get(), userLocale.get());
        }

        @Override
        public DateTimeFormatter withStyle(DateTimeStyle newStyle) {
            return new Formatter(newStyle, zone, locale);
        }

        @Override
        public DateTimeFormatter withSystemZone() {
            return new Formatter(style, defaultZone, locale);
        }

        @Override
        public DateTimeFormatter withZone(TimeZone timeZone) {
            return new Formatter(style, timeZone == null ? defaultZone : timeZone.toZoneId(), locale);
        }

        @Override
        public String format(Date date) {
            if (date == null) {
                return null; // as Jira's: nothing to format
            }
            String pattern = switch (style) {
                case DATE -> DATE;
                case DATE_PICKER -> DATE_PICKER;
                case COMPLETE -> COMPLETE;
                case DATE_TIME_PICKER -> DATE_TIME_PICKER;
            };
            return java.time.format.DateTimeFormatter.ofPattern(pattern, locale).format(date.toInstant().atZone(zone));
        }
    }
}
