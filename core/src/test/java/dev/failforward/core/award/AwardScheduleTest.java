package dev.failforward.core.award;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwardScheduleTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Test
    void quartersByDefaultWithTwoWeeksOfVotingAfterThem() {
        AwardPeriod q4 = AwardSchedule.quarterly(UTC).periodAt(Instant.parse("2026-11-15T12:00:00Z"));

        assertThat(q4.start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q4.end()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(q4.votingEnds()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(q4.nominationsOpen()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(q4.votingOpens()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(q4.votingCloses()).isEqualTo(Instant.parse("2027-01-15T00:00:00Z"));
        assertThat(AwardSchedule.quarterly(UTC).previous(q4).start()).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void eachWindowIncludesItsFirstInstantAndExcludesItsLast() {
        AwardPeriod q4 = AwardSchedule.quarterly(UTC).periodAt(Instant.parse("2026-11-15T12:00:00Z"));

        assertThat(q4.phaseAt(Instant.parse("2026-09-30T23:59:59.999Z"))).isEqualTo(AwardPhase.UPCOMING);
        assertThat(q4.phaseAt(Instant.parse("2026-10-01T00:00:00Z"))).isEqualTo(AwardPhase.NOMINATING);
        assertThat(q4.phaseAt(Instant.parse("2026-12-31T23:59:59.999Z"))).isEqualTo(AwardPhase.NOMINATING);
        assertThat(q4.phaseAt(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(AwardPhase.VOTING);
        assertThat(q4.phaseAt(Instant.parse("2027-01-14T23:59:59.999Z"))).isEqualTo(AwardPhase.VOTING);
        assertThat(q4.phaseAt(Instant.parse("2027-01-15T00:00:00Z"))).isEqualTo(AwardPhase.CLOSED);
        assertThat(AwardPhase.VOTING.resultsVisible()).isFalse();
        assertThat(AwardPhase.CLOSED.resultsVisible()).isTrue();
    }

    @Test
    void windowsFollowTheAwardsZoneNotTheUsersSoEveryoneSeesTheSamePhase() {
        AwardSchedule utc = AwardSchedule.quarterly(UTC);
        // New Year's morning in Tokyo is still 31 December in UTC: nominations are still open for everybody
        Instant tokyoNewYear = LocalDateTime.of(2027, 1, 1, 8, 0).atZone(TOKYO).toInstant();
        AwardPeriod q4 = utc.periodAt(Instant.parse("2026-11-15T12:00:00Z"));
        assertThat(tokyoNewYear).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(utc.periodAt(tokyoNewYear)).isEqualTo(q4);
        assertThat(q4.phaseAt(tokyoNewYear)).isEqualTo(AwardPhase.NOMINATING);
        // New Year's Eve afternoon in Los Angeles is already 1 January in UTC: voting has opened for everybody
        Instant laEve = LocalDateTime.of(2026, 12, 31, 16, 30).atZone(LOS_ANGELES).toInstant();
        assertThat(q4.phaseAt(laEve)).isEqualTo(AwardPhase.VOTING);
    }

    @Test
    void anInstanceInBerlinOpensVotingAtBerlinMidnightAnHourBeforeUtcMidnight() {
        AwardPeriod q4 = AwardSchedule.quarterly(BERLIN).periodAt(Instant.parse("2026-11-15T12:00:00Z"));

        assertThat(q4.votingOpens()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(q4.phaseAt(Instant.parse("2026-12-31T22:59:59Z"))).isEqualTo(AwardPhase.NOMINATING);
        assertThat(q4.phaseAt(Instant.parse("2026-12-31T23:00:00Z"))).isEqualTo(AwardPhase.VOTING);
        // the instant 2026-12-31T23:30Z belongs to Q1 2027 in Berlin and to Q4 2026 in UTC
        Instant between = Instant.parse("2026-12-31T23:30:00Z");
        assertThat(AwardSchedule.quarterly(BERLIN).periodAt(between).start()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(AwardSchedule.quarterly(UTC).periodAt(between).start()).isEqualTo(LocalDate.of(2026, 10, 1));
        // summer time: Q2 opens at 22:00 UTC the evening before
        AwardPeriod q2 = AwardSchedule.quarterly(BERLIN).periodAt(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(q2.votingOpens()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
    }

    @Test
    void otherLengthsAlignOnTheYear() {
        assertThat(new AwardSchedule(1, 7, UTC).periodAt(Instant.parse("2026-02-28T10:00:00Z")))
                .isEqualTo(new AwardPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 3, 8), UTC));
        assertThat(new AwardSchedule(6, 30, UTC).periodAt(Instant.parse("2026-07-01T00:00:00Z")).start())
                .isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(new AwardSchedule(12, 14, UTC).periodAt(Instant.parse("2026-12-31T23:59:59Z")).end())
                .isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(new AwardSchedule(4, 14, UTC).periodAt(Instant.parse("2026-08-31T23:59:59Z")).start())
                .isEqualTo(LocalDate.of(2026, 5, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 7, 13, -3})
    void monthsThatDoNotDivideTheYearAreRefusedNamingThePeriod(int months) {
        assertThatThrownBy(() -> new AwardSchedule(months, 14, UTC)).isInstanceOfSatisfying(AwardException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(AwardProblem.PERIOD_MONTHS_INVALID);
                    assertThat(e.problem().field()).isEqualTo("period");
                    assertThat(e.problem().arguments()).containsExactly(String.valueOf(months));
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 61})
    void votingDaysOutsideOneToSixtyAreRefused(int days) {
        assertThatThrownBy(() -> new AwardSchedule(3, days, UTC)).isInstanceOfSatisfying(AwardException.class,
                e -> assertThat(e.kind()).isEqualTo(AwardProblem.PERIOD_VOTING_DAYS_INVALID));
        assertThat(new AwardSchedule(3, 60, UTC).votingDays()).isEqualTo(60);
    }

    @Test
    void aPeriodNeedsItsDatesInOrder() {
        assertThatThrownBy(() -> new AwardPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 15), UTC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AwardPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 1), UTC)).isInstanceOf(IllegalArgumentException.class);
    }
}
