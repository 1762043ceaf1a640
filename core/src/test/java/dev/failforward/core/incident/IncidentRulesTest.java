package dev.failforward.core.incident;

import static dev.failforward.core.incident.IncidentProblem.DISCOVERED_AT_AFTER_REPORTED;
import static dev.failforward.core.incident.IncidentProblem.DISCOVERED_AT_REQUIRED;
import static dev.failforward.core.incident.IncidentProblem.FAILURE_CATEGORY_REQUIRED;
import static dev.failforward.core.incident.IncidentProblem.FAILURE_MODE_REQUIRED;
import static dev.failforward.core.incident.IncidentProblem.FAILURE_TYPE_REQUIRED;
import static dev.failforward.core.incident.IncidentProblem.FIVE_WHYS_REQUIRED;
import static dev.failforward.core.incident.IncidentProblem.LEARNINGS_TOO_FEW;
import static dev.failforward.core.incident.IncidentProblem.NEXT_STEPS_TOO_FEW;
import static dev.failforward.core.incident.IncidentProblem.RESOLVED_AT_BEFORE_DISCOVERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failforward.core.lifecycle.FieldProblem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IncidentRulesTest {

    private static final Instant DISCOVERED = Instant.parse("2026-05-04T02:10:00Z");

    /** A ward incident, fully worked through. */
    private static final IncidentSnapshot REVIEWED = IncidentSnapshot.empty()
            .withDiscoveredAt(DISCOVERED)
            .withReportedAt(DISCOVERED.plusSeconds(1_800))
            .withResolvedAt(DISCOVERED.plusSeconds(7_200))
            .withImpact("A patient fell on ward 7; bruising, no fracture.")
            .withFailureType(FailureType.COMPLEX)
            .withFailureCategory(FailureCategory.PROCESS_DEVIATION)
            .withFailureMode(FailureMode.PROCESS)
            .withFiveWhys("""
                    1. Why did the patient fall? Because they walked to the bathroom alone.
                    2. Why alone? Because the call bell was out of reach.
                    3. Why out of reach? Because bed checks are skipped on short-staffed nights.
                    """)
            .withContributingFactors("- two nurses off sick\n- new bed layout")
            .withLearnings("""
                    - Bed checks are the first thing dropped when we are short-staffed
                    - The new layout puts the call bell behind the bed
                    - Night staff did not know the falls protocol had changed
                    """)
            .withNextSteps("""
                    - Move call bells to the bedside table on ward 7 (ward manager, this week)
                    - Add bed checks to the night handover list
                    """);

    private final IncidentRules rules = IncidentRules.defaults();

    @Nested
    class Report {

        @Test
        void completeReportHasNoProblem() {
            assertThat(rules.report(REVIEWED)).isEmpty();
        }

        @Test
        void discoveryIsRequired() {
            assertThat(rules.report(IncidentSnapshot.empty())).containsExactly(DISCOVERED_AT_REQUIRED.problem());
            assertThat(rules.report(REVIEWED.withDiscoveredAt(null))).containsExactly(
                    DISCOVERED_AT_REQUIRED.problem());
        }

        @Test
        void discoveredAfterReportedIsAProblem() {
            Instant reported = DISCOVERED.minusSeconds(60);

            assertThat(rules.report(REVIEWED.withReportedAt(reported))).containsExactly(
                    DISCOVERED_AT_AFTER_REPORTED.problem("2026-05-04T02:10:00Z", "2026-05-04T02:09:00Z"));
        }

        @Test
        void reportedAtTheMomentOfDiscoveryIsFine() {
            assertThat(rules.report(REVIEWED.withReportedAt(DISCOVERED).withResolvedAt(DISCOVERED))).isEmpty();
        }

        @Test
        void resolvedBeforeDiscoveredIsAProblem() {
            assertThat(rules.report(REVIEWED.withResolvedAt(DISCOVERED.minusSeconds(1)))).containsExactly(
                    RESOLVED_AT_BEFORE_DISCOVERED.problem("2026-05-04T02:09:59Z", "2026-05-04T02:10:00Z"));
        }

        @Test
        void unknownReportOrResolutionIsNotChecked() {
            assertThat(rules.report(REVIEWED.withReportedAt(null).withResolvedAt(null))).isEmpty();
        }

        @Test
        void bothTimeProblemsAtOnce() {
            IncidentSnapshot muddled = REVIEWED.withReportedAt(DISCOVERED.minusSeconds(5))
                    .withResolvedAt(DISCOVERED.minusSeconds(10));

            assertThat(rules.report(muddled)).extracting(FieldProblem::field)
                    .containsExactly("discoveredAt", "resolvedAt");
        }
    }

    @Nested
    class Learnings {

        @Test
        void enoughLearningsAndNextSteps() {
            assertThat(rules.learnings(REVIEWED)).isEmpty();
        }

        @Test
        void tooFewCarriesRequiredAndFoundCounts() {
            IncidentSnapshot thin = REVIEWED.withLearnings("Learnings:\n- bed checks get dropped\n- bell out of reach")
                    .withNextSteps("h3. Next steps\n# move the bells");

            assertThat(rules.learnings(thin)).containsExactly(LEARNINGS_TOO_FEW.problem("3", "2"),
                    NEXT_STEPS_TOO_FEW.problem("2", "1"));
        }

        @Test
        void nothingWritten() {
            assertThat(rules.learnings(IncidentSnapshot.empty())).containsExactly(LEARNINGS_TOO_FEW.problem("3", "0"),
                    NEXT_STEPS_TOO_FEW.problem("2", "0"));
        }

        @Test
        void storedCountsAreJudgedLikeTheSameNumberOfLines() {
            // CARE-326: 3 learnings and 2 action items in the failure database, nothing in the old text fields
            assertThat(rules.learnings(3, 2)).isEmpty();
            assertThat(rules.learnings(2, 2)).containsExactly(LEARNINGS_TOO_FEW.problem("3", "2"));
            assertThat(rules.learnings(3, 1)).containsExactly(NEXT_STEPS_TOO_FEW.problem("2", "1"));
            assertThat(rules.learnings(0, 0)).isEqualTo(rules.learnings(IncidentSnapshot.empty()));
            assertThatThrownBy(() -> rules.learnings(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void minimumsAreConfigurable() {
            IncidentRules lenient = new IncidentRules(1, 0);

            assertThat(lenient.learnings(IncidentSnapshot.empty().withLearnings("one thing"))).isEmpty();
            assertThat(lenient.learnings(IncidentSnapshot.empty())).containsExactly(
                    LEARNINGS_TOO_FEW.problem("1", "0"));
            assertThat(lenient.minLearnings()).isEqualTo(1);
            assertThat(lenient.minNextSteps()).isZero();
            assertThatThrownBy(() -> new IncidentRules(-1, 2)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new IncidentRules(3, -2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Classification {

        @Test
        void allThreeSet() {
            assertThat(rules.classification(REVIEWED)).isEmpty();
        }

        @Test
        void eachIsRequired() {
            assertThat(rules.classification(IncidentSnapshot.empty())).containsExactly(
                    FAILURE_TYPE_REQUIRED.problem(), FAILURE_CATEGORY_REQUIRED.problem(),
                    FAILURE_MODE_REQUIRED.problem());
            assertThat(rules.classification(REVIEWED.withFailureType(null))).containsExactly(
                    FAILURE_TYPE_REQUIRED.problem());
            assertThat(rules.classification(REVIEWED.withFailureCategory(null))).containsExactly(
                    FAILURE_CATEGORY_REQUIRED.problem());
            assertThat(rules.classification(REVIEWED.withFailureMode(null))).containsExactly(
                    FAILURE_MODE_REQUIRED.problem());
        }
    }

    @Nested
    class Check {

        @Test
        void reviewLearningsNeedsClassificationAndAWhy() {
            assertThat(rules.check(IncidentTransition.REVIEW_LEARNINGS, REVIEWED)).isEmpty();
            assertThat(rules.check(IncidentTransition.REVIEW_LEARNINGS, IncidentSnapshot.empty())).containsExactly(
                    FAILURE_TYPE_REQUIRED.problem(), FAILURE_CATEGORY_REQUIRED.problem(),
                    FAILURE_MODE_REQUIRED.problem(), FIVE_WHYS_REQUIRED.problem());
        }

        @Test
        void oneWhyIsEnoughToReview() {
            assertThat(rules.check(IncidentTransition.REVIEW_LEARNINGS,
                    REVIEWED.withFiveWhys("Why did it fail? Nobody owned the alert."))).isEmpty();
            assertThat(rules.check(IncidentTransition.REVIEW_LEARNINGS, REVIEWED.withFiveWhys("5 whys:\nWhy?")))
                    .containsExactly(FIVE_WHYS_REQUIRED.problem());
        }

        @Test
        void reviewLearningsDoesNotNeedLearningsYet() {
            assertThat(rules.check(IncidentTransition.REVIEW_LEARNINGS, REVIEWED.withLearnings(null))).isEmpty();
        }

        @Test
        void closeNeedsLearningsAndNextSteps() {
            assertThat(rules.check(IncidentTransition.CLOSE, REVIEWED)).isEmpty();
            assertThat(rules.check(IncidentTransition.CLOSE, REVIEWED.withNextSteps("- move the bells")))
                    .containsExactly(NEXT_STEPS_TOO_FEW.problem("2", "1"));
            assertThat(rules.check(IncidentTransition.CLOSE, REVIEWED.withLearnings("")))
                    .containsExactly(LEARNINGS_TOO_FEW.problem("3", "0"));
        }

        @ParameterizedTest
        @EnumSource(value = IncidentTransition.class, names = {"START_ANALYSIS", "REOPEN_ANALYSIS"})
        void othersNeedNothing(IncidentTransition transition) {
            assertThat(rules.check(transition, IncidentSnapshot.empty())).isEmpty();
        }
    }

    @Test
    void problemsAreDerivedFromFieldAndCode() {
        assertThat(LEARNINGS_TOO_FEW.i18nKey()).isEqualTo("failforward.incident.learnings.tooFew");
        assertThat(LEARNINGS_TOO_FEW.problem("3", "1")).isEqualTo(
                new FieldProblem("learnings", "tooFew", "failforward.incident.learnings.tooFew", List.of("3", "1")));
        assertThatThrownBy(() -> LEARNINGS_TOO_FEW.problem("3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotCopiesChangeOneField() {
        IncidentSnapshot s = IncidentSnapshot.empty().withContributingFactors("a").withImpact("b");

        assertThat(s.contributingFactors()).isEqualTo("a");
        assertThat(s.impact()).isEqualTo("b");
        assertThat(s.discoveredAt()).isNull();
        assertThat(REVIEWED.withImpact(null).impact()).isNull();
        assertThat(REVIEWED.withImpact(null).learnings()).isEqualTo(REVIEWED.learnings());
    }
}
