package dev.failforward.jira.panels;

import com.atlassian.jira.datetime.DateTimeFormatter;
import com.atlassian.jira.datetime.DateTimeFormatterFactory;
import com.atlassian.jira.datetime.DateTimeStyle;
import dev.failforward.host.datetime.JiraDefaultDateTimeFormatters;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Dates through Jira's formatter: the user's zone, Jira's configured formats, nothing for null, never ISO. */
class JiraUserDatesTest {

    private static final Instant EVENING_UTC = Instant.parse("2026-11-02T23:30:15.123456789Z");

    private static UserDates in(String zone) {
        return new JiraUserDates(new JiraDefaultDateTimeFormatters(ZoneId.of(zone), Locale.ENGLISH));
    }

    @Test
    void anInstantIsShownInTheUsersZoneInJirasCompleteFormat() {
        assertThat(in("UTC").dateTime(EVENING_UTC)).isEqualTo("02/Nov/26 11:30 PM");
        assertThat(in("Europe/Berlin").dateTime(EVENING_UTC)).as("the next day in Berlin").isEqualTo("03/Nov/26 12:30 AM");
        assertThat(in("America/New_York").dateTime(EVENING_UTC)).isEqualTo("02/Nov/26 6:30 PM");
        assertThat(in("Asia/Tokyo").dateTime(EVENING_UTC)).doesNotContain("T").doesNotContain("Z").doesNotContain("123");
    }

    @Test
    void aDayIsTheSameDayInEveryZoneInJirasDateFormat() {
        LocalDate due = LocalDate.of(2026, 12, 4);
        for (String zone : new String[] {"UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin"}) {
            assertThat(in(zone).date(due)).as(zone).isEqualTo("04/Dec/26");
        }
    }

    @Test
    void nothingIsShownForNoDate() {
        assertThat(in("UTC").dateTime(null)).isEmpty();
        assertThat(in("UTC").date(null)).isEmpty();
    }

    @Test
    void itAsksJirasFormatterForTheLoggedInUserInTheConfiguredStyle() {
        DateTimeFormatterFactory factory = mock(DateTimeFormatterFactory.class);
        DateTimeFormatter base = mock(DateTimeFormatter.class);
        DateTimeFormatter user = mock(DateTimeFormatter.class);
        DateTimeFormatter complete = mock(DateTimeFormatter.class);
        DateTimeFormatter date = mock(DateTimeFormatter.class);
        DateTimeFormatter dateUtc = mock(DateTimeFormatter.class);
        when(factory.formatter()).thenReturn(base);
        when(base.forLoggedInUser()).thenReturn(user);
        when(user.withStyle(DateTimeStyle.COMPLETE)).thenReturn(complete);
        when(user.withStyle(DateTimeStyle.DATE)).thenReturn(date);
        when(date.withZone(any(TimeZone.class))).thenReturn(dateUtc);
        when(complete.format(Date.from(EVENING_UTC))).thenReturn("2026.11.03 00:30 (as the admin set it)");
        when(dateUtc.format(any(Date.class))).thenReturn("4 December");

        JiraUserDates dates = new JiraUserDates(factory);

        assertThat(dates.dateTime(EVENING_UTC)).isEqualTo("2026.11.03 00:30 (as the admin set it)");
        assertThat(dates.date(LocalDate.of(2026, 12, 4))).isEqualTo("4 December");
        verify(date).withZone(TimeZone.getTimeZone("UTC"));
        verify(dateUtc).format(Date.from(Instant.parse("2026-12-04T00:00:00Z")));
    }
}
