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

    private static void assertProblem(Runnable call, AwardProblem expected, String field, String... arguments) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwardException.class, e -> {
            assertThat(e.kind()).isEqualTo(expected);
            assertThat(e.problem().field()).isEqualTo(field);
            assertThat(e.problem().arguments()).containsExactly(arguments);
        });
    }
}
