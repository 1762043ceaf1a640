package dev.failforward.core.experiment;

import static dev.failforward.core.experiment.ExperimentProblem.BUDGET_NOT_POSITIVE;
import static dev.failforward.core.experiment.ExperimentProblem.BUDGET_OVER_CEILING;
import static dev.failforward.core.experiment.ExperimentProblem.DECISION_RATIONALE_REQUIRED;
import static dev.failforward.core.experiment.ExperimentProblem.DECISION_RATIONALE_TOO_SHORT;
import static dev.failforward.core.experiment.ExperimentProblem.DECISION_REQUIRED;
import static dev.failforward.core.experiment.ExperimentProblem.HYPOTHESIS_REQUIRED;
import static dev.failforward.core.experiment.ExperimentProblem.HYPOTHESIS_TOO_LONG;
import static dev.failforward.core.experiment.ExperimentProblem.LEARNING_GOALS_REQUIRED;
import static dev.failforward.core.experiment.ExperimentProblem.OUTCOME_REQUIRED;
import static dev.failforward.core.experiment.ExperimentProblem.PHASE_REQUIRED;
import static dev.failforward.core.experiment.ExperimentProblem.STOP_CRITERIA_REQUIRED;
import static dev.failforward.core.experiment.ExperimentProblem.STOP_CRITERIA_UNPARSED;
import static dev.failforward.core.experiment.ExperimentProblem.SUCCESS_CRITERIA_NO_METRIC;
import static dev.failforward.core.experiment.ExperimentProblem.SUCCESS_CRITERIA_REQUIRED;
import static dev.failforward.core.experiment.ExperimentProblem.SUCCESS_CRITERIA_UNPARSED;
import static dev.failforward.core.experiment.ExperimentProblem.TIME_BOX_NOT_POSITIVE;
import static dev.failforward.core.experiment.ExperimentProblem.TIME_BOX_OVER_MAX;
import static dev.failforward.core.experiment.ExperimentProblem.TIME_BOX_REQUIRED;
import static dev.failforward.core.experiment.Plans.COMPLETE;
import static dev.failforward.core.experiment.Plans.DECIDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failforward.core.criteria.CriteriaParser;
import dev.failforward.core.hypothesis.HypothesisLinter;
import dev.failforward.core.lifecycle.FieldKeys;
import dev.failforward.core.lifecycle.FieldProblem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ExperimentRulesTest {

    private final ExperimentRules rules = ExperimentRules.defaults();

    @Nested
    class Hypothesis {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\u00a0\n"})
        void missingIsOneProblem(String text) {
            assertThat(rules.hypothesis(text)).containsExactly(HYPOTHESIS_REQUIRED.problem());
        }

        @Test
        void testableHypothesisHasNoProblem() {
            assertThat(rules.hypothesis(Plans.HYPOTHESIS)).isEmpty();
        }

        @Test
        void warningsDoNotBlock() {
            // no because-clause: the linter warns, the rules let it through
            assertThat(rules.hypothesis("If we add a pre-deploy checklist, then deploy failures drop below 2 per month"))
                    .isEmpty();
        }

        @Test
        void eachLinterErrorIsOneProblemWithTheFindingsCodeAndKey() {
            assertThat(rules.hypothesis("We should improve things")).containsExactly(
                    new FieldProblem("hypothesis", "form.unrecognised", "failforward.hypothesis.form.unrecognised",
                            List.of()));
            assertThat(rules.hypothesis("If we add a checklist, then the team will be happier")).containsExactly(
                    new FieldProblem("hypothesis", "outcome.notmeasurable",
                            "failforward.hypothesis.outcome.notmeasurable", List.of()));
            assertThat(rules.hypothesis("If , then deploy failures drop 10%")).extracting(FieldProblem::code)
                    .containsExactly("condition.missing");
        }

        @Test
        void tooLongIsReportedWithTheLimit() {
            String text = Plans.HYPOTHESIS + " Also".repeat(400);

            assertThat(rules.hypothesis(text)).containsExactly(HYPOTHESIS_TOO_LONG.problem("2000"));
        }
    }

    @Nested
    class Criteria {

        @Test
        void measurableCriteriaHaveNoProblem() {
            assertThat(rules.criteria(COMPLETE.successCriteria(), COMPLETE.stopCriteria())).isEmpty();
        }

        @Test
        void bothAreRequired() {
            assertThat(rules.criteria(null, " ")).containsExactly(SUCCESS_CRITERIA_REQUIRED.problem(),
                    STOP_CRITERIA_REQUIRED.problem());
            assertThat(rules.criteria("Success criteria:", "Stop criteria:\n---")).containsExactly(
                    SUCCESS_CRITERIA_REQUIRED.problem(), STOP_CRITERIA_REQUIRED.problem());
        }

        @Test
        void everyUnparsedLineIsOneProblemQuotingIt() {
            List<FieldProblem> problems = rules.criteria("""
                    - NPS ≥ 40
                    - customers love it
                    - nurses feel less stressed
                    """, "- error rate above 2%\n- when it feels wrong");

            assertThat(problems).containsExactly(SUCCESS_CRITERIA_UNPARSED.problem("customers love it"),
                    SUCCESS_CRITERIA_UNPARSED.problem("nurses feel less stressed"),
                    STOP_CRITERIA_UNPARSED.problem("when it feels wrong"));
        }

        @Test
        void longLinesAreShortenedInTheMessage() {
            String line = "the team feels that the new process is a real improvement for everybody involved in it";

            FieldProblem problem = rules.criteria(line, "by 2026-12-31").get(0);

            assertThat(problem.arguments().get(0)).hasSize(ExperimentRules.QUOTE_LENGTH).endsWith("...")
                    .startsWith("the team feels");
        }

        @Test
        void successNeedsAMetricButStopDoesNot() {
            assertThat(rules.criteria("by 2026-12-31\nbudget 5,000 EUR", "by 2026-12-31\nspend over 4k"))
                    .containsExactly(SUCCESS_CRITERIA_NO_METRIC.problem());
        }

        @Test
        void noMetricIsOnlyReportedOnceEveryLineParses() {
            assertThat(rules.criteria("by 2026-12-31\ncustomers love it", "by 2026-12-31"))
                    .containsExactly(SUCCESS_CRITERIA_UNPARSED.problem("customers love it"));
        }
    }

    @Nested
    class Plan {

        @Test
        void completePlanHasNoProblem() {
            assertThat(rules.plan(COMPLETE)).isEmpty();
            assertThat(rules.planComplete(COMPLETE)).isTrue();
        }

        @Test
        void emptyPlanListsEverythingInFormOrder() {
            List<FieldProblem> problems = rules.plan(ExperimentSnapshot.empty());

            assertThat(problems).containsExactly(HYPOTHESIS_REQUIRED.problem(), SUCCESS_CRITERIA_REQUIRED.problem(),
                    STOP_CRITERIA_REQUIRED.problem(), LEARNING_GOALS_REQUIRED.problem(), PHASE_REQUIRED.problem(),
                    TIME_BOX_REQUIRED.problem());
            assertThat(problems).extracting(FieldProblem::field).containsExactly(FieldKeys.HYPOTHESIS,
                    FieldKeys.SUCCESS_CRITERIA, FieldKeys.STOP_CRITERIA, FieldKeys.LEARNING_GOALS, FieldKeys.PHASE,
                    FieldKeys.TIME_BOX_DAYS);
            assertThat(rules.planComplete(ExperimentSnapshot.empty())).isFalse();
        }

        @Test
        void eachMissingPartBlocksOnItsOwn() {
            assertThat(rules.plan(COMPLETE.withHypothesis(null))).containsExactly(HYPOTHESIS_REQUIRED.problem());
            assertThat(rules.plan(COMPLETE.withSuccessCriteria(""))).containsExactly(
                    SUCCESS_CRITERIA_REQUIRED.problem());
            assertThat(rules.plan(COMPLETE.withStopCriteria(null))).containsExactly(STOP_CRITERIA_REQUIRED.problem());
            assertThat(rules.plan(COMPLETE.withLearningGoals(" \n- \n"))).containsExactly(
                    LEARNING_GOALS_REQUIRED.problem());
            assertThat(rules.plan(COMPLETE.withTimeBoxDays(null))).containsExactly(TIME_BOX_REQUIRED.problem());
        }

        @Test
        void withoutAPhaseTheLimitsCannotBeChecked() {
            assertThat(rules.plan(COMPLETE.withPhase(null).withBudget(new BigDecimal("999999")).withTimeBoxDays(400)))
                    .containsExactly(PHASE_REQUIRED.problem());
        }

        @Test
        void budgetIsOptionalButPositive() {
            assertThat(rules.plan(COMPLETE.withBudget(null))).isEmpty();
            assertThat(rules.plan(COMPLETE.withBudget(BigDecimal.ZERO))).containsExactly(
                    BUDGET_NOT_POSITIVE.problem("0"));
            assertThat(rules.plan(COMPLETE.withBudget(new BigDecimal("-250.00")))).containsExactly(
                    BUDGET_NOT_POSITIVE.problem("-250"));
        }

        @Test
        void timeBoxMustBePositive() {
            assertThat(rules.plan(COMPLETE.withTimeBoxDays(0))).containsExactly(TIME_BOX_NOT_POSITIVE.problem("0"));
            assertThat(rules.plan(COMPLETE.withTimeBoxDays(-3))).containsExactly(TIME_BOX_NOT_POSITIVE.problem("-3"));
        }

        @Test
        void hypothesisAndCriteriaProblemsComeThroughThePlan() {
            assertThat(rules.plan(COMPLETE.withHypothesis("We should improve things")
                    .withStopCriteria("when it feels wrong")))
                    .extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("hypothesis", "form.unrecognised"),
                            org.assertj.core.groups.Tuple.tuple("stopCriteria", "unparsed"));
        }
    }

    /** Each phase's ceiling and maximum: at, just below and just above. */
    @Nested
    class PhaseLimits {

        @ParameterizedTest(name = "{0} budget {1}: {2}")
        @CsvSource(delimiter = '|', textBlock = """
                EXPLORE    | 1999.99  | true
                EXPLORE    | 2000     | true
                EXPLORE    | 2000.00  | true
                EXPLORE    | 2000.01  | false
                EXPERIMENT | 9999     | true
                EXPERIMENT | 10000    | true
                EXPERIMENT | 10001    | false
                EXECUTE    | 49999.5  | true
                EXECUTE    | 50000    | true
                EXECUTE    | 50000.5  | false
                """)
        void budgetCeiling(Phase phase, BigDecimal budget, boolean allowed) {
            List<FieldProblem> problems = rules.plan(COMPLETE.withPhase(phase).withBudget(budget));

            if (allowed) {
                assertThat(problems).isEmpty();
            } else {
                String ceiling = ExperimentRules.plain(PhasePolicies.defaults().of(phase).budgetCeiling());
                assertThat(problems).containsExactly(
                        BUDGET_OVER_CEILING.problem(ExperimentRules.plain(budget), ceiling));
            }
        }

        @ParameterizedTest(name = "{0} time-box {1}: {2}")
        @CsvSource(delimiter = '|', textBlock = """
                EXPLORE    | 1   | true
                EXPLORE    | 13  | true
                EXPLORE    | 14  | true
                EXPLORE    | 15  | false
                EXPERIMENT | 41  | true
                EXPERIMENT | 42  | true
                EXPERIMENT | 43  | false
                EXECUTE    | 89  | true
                EXECUTE    | 90  | true
                EXECUTE    | 91  | false
                """)
        void timeBoxMaximum(Phase phase, int days, boolean allowed) {
            List<FieldProblem> problems = rules.plan(COMPLETE.withPhase(phase).withTimeBoxDays(days));

            if (allowed) {
                assertThat(problems).isEmpty();
            } else {
                int max = PhasePolicies.defaults().of(phase).maxTimeBoxDays();
                assertThat(problems).containsExactly(
                        TIME_BOX_OVER_MAX.problem(String.valueOf(days), String.valueOf(max)));
            }
        }

        @Test
        void overCeilingMessageArguments() {
            assertThat(rules.plan(COMPLETE.withBudget(new BigDecimal("2500.50"))))
                    .containsExactly(BUDGET_OVER_CEILING.problem("2500.5", "2000"));
        }

        @Test
        void customPoliciesApply() {
            PhasePolicies policies = PhasePolicies.defaults().with(new PhasePolicy(Phase.EXPLORE, null, 7));
            ExperimentRules custom = new ExperimentRules(new HypothesisLinter(), new CriteriaParser(), policies);

            assertThat(custom.plan(COMPLETE.withBudget(new BigDecimal("1000000")).withTimeBoxDays(7))).isEmpty();
            assertThat(custom.plan(COMPLETE.withTimeBoxDays(8))).containsExactly(TIME_BOX_OVER_MAX.problem("8", "7"));
            assertThat(custom.policies()).isEqualTo(policies);
        }
    }

    @Nested
    class Decisions {

        @Test
        void completeDecisionHasNoProblem() {
            assertThat(rules.decision(DECIDED)).isEmpty();
        }

        @Test
        void emptyDecisionListsAllThree() {
            assertThat(rules.decision(ExperimentSnapshot.empty())).containsExactly(OUTCOME_REQUIRED.problem(),
                    DECISION_REQUIRED.problem(), DECISION_RATIONALE_REQUIRED.problem());
        }

        @Test
        void eachPartIsRequired() {
            assertThat(rules.decision(DECIDED.withOutcome(null))).containsExactly(OUTCOME_REQUIRED.problem());
            assertThat(rules.decision(DECIDED.withDecision(null))).containsExactly(DECISION_REQUIRED.problem());
            assertThat(rules.decision(DECIDED.withDecisionRationale(" \n "))).containsExactly(
                    DECISION_RATIONALE_REQUIRED.problem());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                It did not work.              | 16
                "  Too early to tell.  "      | 18
                """)
        void shortRationaleIsTooShort(String rationale, int length) {
            assertThat(rules.decision(DECIDED.withDecisionRationale(rationale))).containsExactly(
                    DECISION_RATIONALE_TOO_SHORT.problem("20", String.valueOf(length)));
        }

        @Test
        void rationaleOfExactlyTheMinimumIsEnough() {
            assertThat(rules.decision(DECIDED.withDecisionRationale("Churn rose; we stop."))).isEmpty();
            assertThat("Churn rose; we stop.").hasSize(ExperimentRules.DEFAULT_MIN_RATIONALE_LENGTH);
        }

        @Test
        void rationaleLengthCountsCharactersNotCodeUnits() {
            String rationale = "Results 😀😀😀😀😀😀😀😀😀😀😀"; // 19 characters, 30 UTF-16 units

            assertThat(rules.decision(DECIDED.withDecisionRationale(rationale))).containsExactly(
                    DECISION_RATIONALE_TOO_SHORT.problem("20", "19"));
        }

        @Test
        void minimumIsConfigurable() {
            ExperimentRules strict = new ExperimentRules(new HypothesisLinter(), new CriteriaParser(),
                    PhasePolicies.defaults(), 100);

            assertThat(strict.minRationaleLength()).isEqualTo(100);
            assertThat(strict.decision(DECIDED)).extracting(FieldProblem::code).containsExactly("tooShort");
            assertThatThrownBy(() -> new ExperimentRules(new HypothesisLinter(), new CriteriaParser(),
                    PhasePolicies.defaults(), -1)).isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @EnumSource(Decision.class)
        void everyDecisionNeedsTheSame(Decision decision) {
            assertThat(rules.decision(DECIDED.withDecision(decision).withPivotedFrom(null))).isEmpty();
        }
    }

    @Nested
    class Check {

        @ParameterizedTest
        @EnumSource(value = ExperimentTransition.class, names = {"MARK_READY", "START"})
        void readyAndStartNeedThePlan(ExperimentTransition transition) {
            assertThat(rules.check(transition, COMPLETE)).isEmpty();
            assertThat(rules.check(transition, COMPLETE.withTimeBoxDays(30))).containsExactly(
                    TIME_BOX_OVER_MAX.problem("30", "14"));
            assertThat(rules.check(transition, ExperimentSnapshot.empty())).isEqualTo(
                    rules.plan(ExperimentSnapshot.empty()));
        }

        @Test
        void decideNeedsTheDecisionNotThePlan() {
            ExperimentSnapshot decidedWithoutPlan = ExperimentSnapshot.empty().withOutcome(Outcome.CONFIRMED)
                    .withDecision(Decision.SCALE_UP).withDecisionRationale("Failures halved for 6 weeks in a row.");

            assertThat(rules.check(ExperimentTransition.DECIDE, decidedWithoutPlan)).isEmpty();
            assertThat(rules.check(ExperimentTransition.DECIDE, COMPLETE)).containsExactly(OUTCOME_REQUIRED.problem(),
                    DECISION_REQUIRED.problem(), DECISION_RATIONALE_REQUIRED.problem());
        }

        @ParameterizedTest
        @EnumSource(value = ExperimentTransition.class, names = {"REVISE_PLAN", "EVALUATE", "RESUME"})
        void othersNeedNothing(ExperimentTransition transition) {
            assertThat(rules.check(transition, ExperimentSnapshot.empty())).isEmpty();
        }
    }

    @Test
    void problemsRejectTheWrongNumberOfArguments() {
        assertThatThrownBy(() -> BUDGET_OVER_CEILING.problem("1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PHASE_REQUIRED.problem("x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TIME_BOX_OVER_MAX.i18nKey()).isEqualTo("failforward.experiment.timeBoxDays.overMax");
        assertThat(TIME_BOX_OVER_MAX.field()).isEqualTo(FieldKeys.TIME_BOX_DAYS);
    }

    @Test
    void snapshotCopiesChangeOneField() {
        ExperimentSnapshot s = ExperimentSnapshot.empty().withPivotedFrom("OPS-42").withBudgetSpent(BigDecimal.TEN)
                .withStartedAt(java.time.Instant.EPOCH);

        assertThat(s.pivotedFrom()).isEqualTo("OPS-42");
        assertThat(s.budgetSpent()).isEqualTo(BigDecimal.TEN);
        assertThat(s.startedAt()).isEqualTo(java.time.Instant.EPOCH);
        assertThat(s.hypothesis()).isNull();
        assertThat(ExperimentSnapshot.empty()).isEqualTo(new ExperimentSnapshot(null, null, null, null, null, null,
                null, null, null, null, null, null, null));
    }
}
