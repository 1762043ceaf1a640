package dev.failforward.core.award;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwardRulesTest {

    private static final Instant NOVEMBER = Instant.parse("2026-11-15T12:00:00Z");
    private static final Instant JANUARY = Instant.parse("2027-01-05T12:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2027-02-01T00:00:00Z");
    private static final AwardSchedule QUARTERS = AwardSchedule.quarterly(ZoneOffset.UTC);
    private static final Award PLATFORM = new Award(AwardScope.group("platform", "Platform", List.of("OPS", "SRE")),
            QUARTERS.periodAt(NOVEMBER));
    private static final Award INSTANCE = new Award(AwardScope.instance(), QUARTERS.periodAt(NOVEMBER));

    @Test
    void aNominationKeepsTheRecordTheNominatorAndTheStrippedReason() {
        Nomination n = AwardRules.nominate(PLATFORM, NOVEMBER, " OPS-12 ", "u-ana", "  We learnt to test backups. ",
                Set.of());

        assertThat(n).isEqualTo(new Nomination("OPS-12", "u-ana", "We learnt to test backups.", NOVEMBER));
        assertThat(PLATFORM.id()).isEqualTo("platform@2026-10-01");
        assertThat(INSTANCE.id()).isEqualTo("instance@2026-10-01");
    }

    @Test
    void oneNominatorMayNominateSeveralRecordsButEachRecordOnce() {
        Nomination first = AwardRules.nominate(INSTANCE, NOVEMBER, "OPS-1", "u-ana", "a", Set.of());
        Nomination second = AwardRules.nominate(INSTANCE, NOVEMBER, "GROWTH-7", "u-ana", "b", Set.of("OPS-1"));

        assertThat(List.of(first.recordKey(), second.recordKey())).containsExactly("OPS-1", "GROWTH-7");
        assertProblem(() -> AwardRules.nominate(INSTANCE, NOVEMBER, "OPS-1", "u-ben", "c", Set.of("OPS-1", "GROWTH-7")),
                AwardProblem.RECORD_ALREADY_NOMINATED, "record", "OPS-1");
    }

    @Test
    void theReasonIsRequiredAndBounded() {
        assertProblem(() -> nominate("OPS-1", null), AwardProblem.REASON_REQUIRED, "reason");
        assertProblem(() -> nominate("OPS-1", " \n\t "), AwardProblem.REASON_REQUIRED, "reason");
        assertThat(nominate("OPS-1", "x".repeat(AwardRules.REASON_MAX)).reason()).hasSize(1000);
        assertProblem(() -> nominate("OPS-1", "x".repeat(AwardRules.REASON_MAX + 1)), AwardProblem.REASON_TOO_LONG,
                "reason", "1000");
        // counted in characters a person sees: 1,000 emoji (2,000 UTF-16 units) are allowed
        assertThat(nominate("OPS-1", "\uD83D\uDE80".repeat(AwardRules.REASON_MAX)).reason()).hasSize(2000);
    }

    @Test
    void theRecordMustBeAnIssueKeyOfAProjectInTheScope() {
        assertProblem(() -> nominate("", "r"), AwardProblem.RECORD_REQUIRED, "record");
        assertProblem(() -> nominate(null, "r"), AwardProblem.RECORD_REQUIRED, "record");
        assertProblem(() -> nominate("ops-1", "r"), AwardProblem.RECORD_INVALID, "record", "ops-1");
        assertProblem(() -> nominate("OPS-0", "r"), AwardProblem.RECORD_INVALID, "record", "OPS-0");
        assertProblem(() -> nominate("OPS 1", "r"), AwardProblem.RECORD_INVALID, "record", "OPS 1");
        assertProblem(() -> nominate("GROWTH-3", "r"), AwardProblem.RECORD_OUT_OF_SCOPE, "record", "GROWTH-3");
        assertThat(AwardRules.nominate(INSTANCE, NOVEMBER, "SRE_2-3", "u", "r", Set.of()).recordKey())
                .isEqualTo("SRE_2-3");
    }

    @Test
    void nominationsAreTakenOnlyDuringThePeriod() {
        assertProblem(() -> AwardRules.nominate(PLATFORM, Instant.parse("2026-09-30T23:59:59Z"), "OPS-1", "u", "r",
                Set.of()), AwardProblem.NOMINATION_NOT_OPEN, "record", "2026-10-01T00:00:00Z");
        assertProblem(() -> AwardRules.nominate(PLATFORM, JANUARY, "OPS-1", "u", "r", Set.of()),
                AwardProblem.NOMINATION_CLOSED, "record", "2027-01-01T00:00:00Z");
        assertThat(AwardRules.nominate(PLATFORM, Instant.parse("2026-12-31T23:59:59.999Z"), "OPS-1", "u", "r",
                Set.of())).isNotNull();
    }

    @Test
    void aVoteIsForANominatedRecordWhileVotingIsOpen() {
        Set<String> nominated = Set.of("OPS-1", "SRE-2");

        AwardRules.checkVote(PLATFORM, JANUARY, "SRE-2", nominated);
        AwardRules.checkVote(PLATFORM, Instant.parse("2027-01-01T00:00:00Z"), "OPS-1", nominated);
        assertProblem(() -> AwardRules.checkVote(PLATFORM, NOVEMBER, "OPS-1", nominated), AwardProblem.VOTE_NOT_OPEN,
                "vote", "2027-01-01T00:00:00Z");
        assertProblem(() -> AwardRules.checkVote(PLATFORM, FEBRUARY, "OPS-1", nominated), AwardProblem.VOTE_CLOSED,
                "vote", "2027-01-15T00:00:00Z");
        assertProblem(() -> AwardRules.checkVote(PLATFORM, Instant.parse("2027-01-15T00:00:00Z"), "OPS-1", nominated),
                AwardProblem.VOTE_CLOSED, "vote", "2027-01-15T00:00:00Z");
        assertProblem(() -> AwardRules.checkVote(PLATFORM, JANUARY, "OPS-9", nominated),
                AwardProblem.RECORD_NOT_NOMINATED, "record", "OPS-9");
        assertProblem(() -> AwardRules.checkVote(PLATFORM, JANUARY, " ", nominated), AwardProblem.RECORD_REQUIRED,
                "record");
    }

    @Test
    void errorsReadAsPlainEnglishNamingTheField() {
        assertThat(AwardProblem.VOTE_ALREADY_CAST.exception()).hasMessage("vote: already voted in this award");
        assertThatThrownBy(() -> AwardRules.checkVote(PLATFORM, FEBRUARY, "OPS-1", Set.of("OPS-1")))
                .hasMessage("vote: voting is closed");
        assertThatThrownBy(() -> nominate("OPS-1", "")).hasMessage("reason: a reason is required");
        assertThat(AwardProblem.VOTE_ALREADY_CAST.i18nKey()).isEqualTo("failforward.award.vote.alreadyCast");
    }

    private static Nomination nominate(String record, String reason) {
        return AwardRules.nominate(PLATFORM, NOVEMBER, record, "u-ana", reason, Set.of());
    }

    // ---------------------------------------------------------------------------------- an administrator's "advance"

    private static final java.time.ZoneId BERLIN = java.time.ZoneId.of("Europe/Berlin");
    private static final AwardSchedule BERLIN_QUARTERS = AwardSchedule.quarterly(BERLIN);

    /** Ends nominations, then closes voting a minute later; checks every window on the way. */
    private static void advanceTwice(Instant now) {
        Award award = new Award(AwardScope.instance(), BERLIN_QUARTERS.periodAt(now));
        assertThat(award.period().phaseAt(now)).isEqualTo(AwardPhase.NOMINATING);

        AwardPeriod voting = AwardRules.advance(award, now);
        assertThat(voting.phaseAt(now)).isEqualTo(AwardPhase.VOTING);
        assertThat(voting.votingOpens()).isEqualTo(now);
        assertThat(voting.phaseAt(now.minusMillis(1))).isEqualTo(now.equals(award.period().nominationsOpen())
                ? AwardPhase.UPCOMING : AwardPhase.NOMINATING);
        // voting keeps its 14 days: it closes at a midnight in Berlin, 14 to 15 days from now, never after schedule
        assertThat(voting.votingCloses().atZone(BERLIN).toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
        assertThat(voting.votingCloses()).isBetween(now.atZone(BERLIN).plusDays(14).toInstant(),
                now.atZone(BERLIN).plusDays(15).toInstant());
        assertThat(voting.votingCloses()).isBeforeOrEqualTo(award.period().votingEnds().atStartOfDay(BERLIN)
                .toInstant());
        assertThat(List.of(voting.start(), voting.end(), voting.votingEnds()))
                .as("the dates, and so the name, stay").containsExactly(award.period().start(), award.period().end(),
                        award.period().votingEnds());

        Instant later = now.plusSeconds(60);
        AwardPeriod closed = AwardRules.advance(new Award(award.scope(), voting), later);
        assertThat(closed.phaseAt(later)).isEqualTo(AwardPhase.CLOSED);
        assertThat(closed.phaseAt(later.minusMillis(1))).isEqualTo(AwardPhase.VOTING);
        assertThat(closed.votingOpens()).isEqualTo(now);
        assertThat(closed.votingCloses()).isEqualTo(later);
        assertProblem(() -> AwardRules.advance(new Award(award.scope(), closed), later.plusSeconds(1)),
                AwardProblem.PERIOD_ADVANCE_CLOSED, "period", award.id(), later.toString());
    }

    @Test
    void advanceWorksOnTheFirstDayOfAQuarter() {
        advanceTwice(Instant.parse("2026-12-31T23:00:00Z")); // midnight, 1 January, in Berlin: the first instant
        advanceTwice(Instant.parse("2027-01-01T09:30:00Z"));
        advanceTwice(Instant.parse("2026-03-31T22:05:00Z")); // 1 April, after the switch to summer time
        advanceTwice(Instant.parse("2026-07-01T21:59:59Z"));
        advanceTwice(Instant.parse("2026-10-01T12:00:00Z"));
    }

    @Test
    void advanceWorksOnTheLastDayOfAQuarterAndVotingThenClosesAsScheduled() {
        Instant lastMinute = Instant.parse("2026-12-31T22:59:00Z"); // 23:59 on 31 December in Berlin
        advanceTwice(lastMinute);
        advanceTwice(Instant.parse("2026-09-30T10:00:00Z"));
        // 14 days from 23:59 on 31 December end at the next midnight: 15 January, as scheduled, never later
        Award q4 = new Award(AwardScope.instance(), BERLIN_QUARTERS.periodAt(lastMinute));
        assertThat(AwardRules.advance(q4, lastMinute).votingCloses()).isEqualTo(Instant.parse("2027-01-14T23:00:00Z"))
                .isEqualTo(q4.period().votingCloses());
    }

    @Test
    void advanceWorksMidPeriodAndInAMonthlySchedule() {
        advanceTwice(Instant.parse("2026-11-10T09:00:00Z"));
        Award november = new Award(AwardScope.instance(), new AwardSchedule(1, 3, BERLIN)
                .periodAt(Instant.parse("2026-11-30T10:00:00Z")));
        AwardPeriod voting = AwardRules.advance(november, Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(voting.votingCloses()).isEqualTo(november.period().votingCloses()).isEqualTo(
                Instant.parse("2026-12-03T23:00:00Z"));
        assertThat(AwardRules.advance(november, Instant.parse("2026-11-01T10:00:00Z")).votingCloses())
                .isEqualTo(Instant.parse("2026-11-04T23:00:00Z"));
    }

    @Test
    void advanceAtTheInstantVotingOpenedLeavesAnEmptyVotingWindow() {
        Instant now = Instant.parse("2026-11-10T09:00:00Z");
        Award award = new Award(AwardScope.instance(), BERLIN_QUARTERS.periodAt(now));
        AwardPeriod voting = AwardRules.advance(award, now);
        AwardPeriod closed = AwardRules.advance(new Award(award.scope(), voting), now);

        assertThat(closed.votingOpens()).isEqualTo(now).isEqualTo(closed.votingCloses());
        assertThat(closed.phaseAt(now)).isEqualTo(AwardPhase.CLOSED);
        assertThat(closed.phaseAt(now.minusMillis(1))).isEqualTo(AwardPhase.NOMINATING);
    }

    @Test
    void advanceRefusesAnAwardNotStartedOrOverSayingWhy() {
        Award next = new Award(AwardScope.instance(), BERLIN_QUARTERS.periodAt(Instant.parse("2027-02-01T00:00:00Z")));
        assertProblem(() -> AwardRules.advance(next, NOVEMBER), AwardProblem.PERIOD_ADVANCE_NOT_OPEN, "period",
                "instance@2027-01-01", "2026-12-31T23:00:00Z");
        Award over = new Award(AwardScope.instance(), BERLIN_QUARTERS.periodAt(Instant.parse("2026-05-01T00:00:00Z")));
        assertProblem(() -> AwardRules.advance(over, NOVEMBER), AwardProblem.PERIOD_ADVANCE_CLOSED, "period",
                "instance@2026-04-01", "2026-07-14T22:00:00Z");
        assertThat(AwardProblem.PERIOD_ADVANCE_CLOSED.i18nKey()).isEqualTo("failforward.award.period.advanceClosed");
        assertThatThrownBy(() -> AwardRules.advance(over, NOVEMBER))
                .hasMessage("period: instance@2026-04-01 is closed: nothing to end");
    }

    @Test
    void aMovedWindowStaysWithinItsSchedule() {
        AwardPeriod q4 = BERLIN_QUARTERS.periodAt(NOVEMBER);
        assertThat(q4.votingOpensAsScheduled()).isTrue();
        assertThat(q4.votingClosesAsScheduled()).isTrue();
        assertThat(q4.withVoting(q4.votingOpens(), q4.votingCloses())).isEqualTo(q4);
        AwardPeriod moved = q4.withVoting(NOVEMBER, q4.votingCloses());
        assertThat(moved.votingOpensAsScheduled()).isFalse();
        assertThat(moved.votingClosesAsScheduled()).isTrue();
        assertThatThrownBy(() -> q4.withVoting(q4.nominationsOpen().minusMillis(1), q4.votingCloses()))
                .as("before nominations opened").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q4.withVoting(q4.votingOpens().plusMillis(1), q4.votingCloses()))
                .as("later than scheduled").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q4.withVoting(NOVEMBER, q4.votingCloses().plusMillis(1)))
                .as("later than scheduled").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q4.withVoting(NOVEMBER, NOVEMBER.minusMillis(1)))
                .as("closes before it opens").isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertProblem(Runnable call, AwardProblem expected, String field, String... arguments) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwardException.class, e -> {
            assertThat(e.kind()).isEqualTo(expected);
            assertThat(e.problem().field()).isEqualTo(field);
            assertThat(e.problem().arguments()).containsExactly(arguments);
        });
    }
}
