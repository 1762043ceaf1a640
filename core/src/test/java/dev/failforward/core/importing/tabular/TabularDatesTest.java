package dev.failforward.core.importing.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TabularDatesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-03-05T14:32:00Z                 | 2024-03-05T14:32:00Z
            2024-03-05T14:32:00.123Z             | 2024-03-05T14:32:00.123Z
            2024-03-05 14:32:00+01:00            | 2024-03-05T13:32:00Z
            2024-03-05T14:32:00+0100             | 2024-03-05T13:32:00Z
            2024-03-05T14:32:00-07               | 2024-03-05T21:32:00Z
            2024-03-05T14:32+01:00[Europe/Paris] | 2024-03-05T13:32:00Z
            2024-03-05 14:32:00 UTC              | 2024-03-05T14:32:00Z
            2024-03-05 14:32:00 PST              | 2024-03-05T22:32:00Z
            2024-03-05 14:32:00                  | 2024-03-05T13:32:00Z
            2024-03-05 14:32                     | 2024-03-05T13:32:00Z
            2024-07-05 14:32                     | 2024-07-05T12:32:00Z
            2024-03-05                           | 2024-03-04T23:00:00Z
            1709649120                           | 2024-03-05T14:32:00Z
            1709649120000                        | 2024-03-05T14:32:00Z
            1709649120.25                        | 2024-03-05T14:32:00.250Z
            3/5/2024 2:32 PM                     | 2024-03-05T13:32:00Z
            3/5/2024 12:05 AM                    | 2024-03-04T23:05:00Z
            03/05/2024 14:32:10                  | 2024-03-05T13:32:10Z
            3/5/24 2:32 pm                       | 2024-03-05T13:32:00Z
            3/5/2024                             | 2024-03-04T23:00:00Z
            3/5/2024 2:32 PM UTC                 | 2024-03-05T14:32:00Z
            05.03.2024 14:32                     | 2024-03-05T13:32:00Z
            05/Mar/24 2:32 PM                    | 2024-03-05T13:32:00Z
            05/Mar/2024 14:32                    | 2024-03-05T13:32:00Z
            March 5, 2024 2:32 PM                | 2024-03-05T13:32:00Z
            5 Mar 2024 14:32 UTC                 | 2024-03-05T14:32:00Z
            """)
    void readsTheFormsToolsExport(String text, String expected) {
        assertThat(TabularDates.parse(text, BERLIN, false, 2024)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            3/5/2024 2:32 PM | 2024-05-03T12:32:00Z
            05.03.2024 14:32 | 2024-03-05T13:32:00Z
            13/3/2024        | 2024-03-12T23:00:00Z
            """)
    void dayFirstWhenTheFileSaysSo(String text, String expected) {
        assertThat(TabularDates.parse(text, BERLIN, true, 2024)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yesterday", "2024-13-05", "2024-02-30 10:00", "13/5/2024", "3/5/2024 13:00 PM",
            "25:00", "2024-03-05 14:32 Mars/Olympus", "about 2024-03-05", "12345", "99:99", "32/Mar/24 2:32 PM",
            "05/Foo/24", "TBD", "2024-03-05 14:32:00 sometime"})
    void refusesWhatIsNotADateTime(String text) {
        assertThat(TabularDates.parse(text, BERLIN, false, 2024)).isEmpty();
    }
}
