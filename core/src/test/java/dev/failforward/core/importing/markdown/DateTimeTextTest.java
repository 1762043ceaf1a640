package dev.failforward.core.importing.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTimeTextTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 5);

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "2024-03-05 14:32;2024-03-05T14:32:00Z",
            "2024-03-05T14:32:00+01:00;2024-03-05T13:32:00Z",
            "2024-03-05T14:32:00Z;2024-03-05T14:32:00Z",
            "March 5, 2024 2:32 PM PST;2024-03-05T22:32:00Z",
            "Mar 5 2024 at 09:15 EST;2024-03-05T14:15:00Z",
            "5 March 2024, 14:32 CET;2024-03-05T13:32:00Z",
            "14:32 UTC;2024-03-05T14:32:00Z",
            "2:32pm;2024-03-05T14:32:00Z",
            "14:32 (UTC+2);2024-03-05T12:32:00Z",
            "2024/03/05 14:32 Europe/Berlin;2024-03-05T13:32:00Z",
            "3/5/2024 14:32;2024-03-05T14:32:00Z",
            "07:05:30 PT;2024-03-05T15:05:30Z",
    })
    void readsDateTimesInTheirZoneOrTheStatedOne(String text, String expected) {
        Instant at = DateTimeText.find(text, 2024).orElseThrow().instant(DAY, ZoneOffset.UTC).orElseThrow();

        assertThat(at).isEqualTo(Instant.parse(expected));
    }

    @Test
    void aTimeWithoutZoneTakesTheStatedZone() {
        Instant at = DateTimeText.find("14:32 deploy starts", 2024).orElseThrow()
                .instant(DAY, ZoneId.of("America/Los_Angeles")).orElseThrow();

        assertThat(at).isEqualTo(Instant.parse("2024-03-05T22:32:00Z"));
    }

    @Test
    void aDateWithoutYearTakesTheDefaultYear() {
        assertThat(DateTimeText.find("March 5", 2023).orElseThrow().date()).isEqualTo(LocalDate.of(2023, 3, 5));
    }

    @Test
    void leadingFindsOnlyATimeThatOpensTheText() {
        assertThat(DateTimeText.find("- **14:32** alert fires", 2024, true)).isPresent();
        assertThat(DateTimeText.find("the team restarted it at 14:40", 2024, true)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "10 minutes;PT10M", "4 hours 42 minutes;PT4H42M", "1h 20m;PT1H20M", "1h20m;PT1H20M", "90 min;PT1H30M",
            "1.5 hours;PT1H30M", "2 days;PT48H", "an hour;PT1H", "1:20;PT1H20M", "PT1H20M;PT1H20M",
            "about 3 hrs;PT3H", "45s;PT45S"})
    void readsDurations(String text, String expected) {
        assertThat(DateTimeText.duration(text)).contains(Duration.parse(expected));
    }

    @Test
    void noDurationInPlainText() {
        assertThat(DateTimeText.duration("unknown")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "All times in UTC.;Z", "(times in PST);-08:00", "Times are CET;+01:00",
            "All times are Europe/Berlin;Europe/Berlin",
            "All times UTC+5:30;+05:30", "Note: all times in ET;America/New_York"})
    void readsStatedZones(String line, String zone) {
        assertThat(DateTimeText.statedZone(line)).contains(ZoneId.of(zone));
    }

    @Test
    void proseAboutTimesStatesNoZone() {
        assertThat(DateTimeText.statedZone("It failed three times in a row")).isEmpty();
        assertThat(DateTimeText.statedZone("Response times are approximate")).isEmpty();
    }
}
