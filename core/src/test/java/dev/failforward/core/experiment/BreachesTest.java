package dev.failforward.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the daily stop-criteria job reports for a running experiment. */
class BreachesTest {

    private static final Instant STARTED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant TIMEBOX_END = Instant.parse("2026-03-15T09:00:00Z");

    private final ExperimentRules rules = ExperimentRules.defaults();

    private final ExperimentSnapshot running = ExperimentSnapshot.empty()
            .withStartedAt(STARTED)
            .withTimeBoxDays(14)
            .withBudget(new BigDecimal("1500"))
            .withBudgetSpent(new BigDecimal("200"))
            .withStopCriteria("error rate above 2%");

    @Nested
    class TimeBox {

        @Test
        void exactlyAtTheEndIsNotYetPast() {
            assertThat(rules.breaches(running, TIMEBOX_END)).isEmpty();
            assertThat(rules.breaches(running, TIMEBOX_END.minusSeconds(1))).isEmpty();
        }

        @Test
        void oneMomentAfterTheEndIsABreach() {
            assertThat(rules.breaches(running, TIMEBOX_END.plusMillis(1))).containsExactly(
                    new Breach("timebox", "failforward.experiment.breach.timebox",
                            List.of("14", "2026-03-15T09:00:00Z")));
        }

        @Test
        void notStartedOrNoTimeBoxIsNotChecked() {
            Instant muchLater = TIMEBOX_END.plusSeconds(86_400 * 365L);

            assertThat(rules.breaches(running.withStartedAt(null), muchLater)).isEmpty();
            assertThat(rules.breaches(running.withTimeBoxDays(null), muchLater)).isEmpty();
            assertThat(rules.breaches(running.withTimeBoxDays(0), muchLater)).isEmpty();
        }
    }

    @Nested
    class Budget {

        @Test
        void spendingTheWholeBudgetIsAllowed() {
            assertThat(rules.breaches(running.withBudgetSpent(new BigDecimal("1500.00")), STARTED)).isEmpty();
        }

        @Test
        void overspendingIsABreach() {
            assertThat(rules.breaches(running.withBudgetSpent(new BigDecimal("1500.50")), STARTED)).containsExactly(
                    BreachReason.BUDGET.breach("1500.5", "1500"));
        }

        @Test
        void unknownSpendingOrBudgetIsNotChecked() {
            assertThat(rules.breaches(running.withBudgetSpent(null), STARTED)).isEmpty();
            assertThat(rules.breaches(running.withBudget(null).withBudgetSpent(new BigDecimal("99999")), STARTED))
                    .isEmpty();
        }

        @Test
        void aCapInTheStopCriteriaIsABreachToo() {
            ExperimentSnapshot capped = running.withBudget(new BigDecimal("8000"))
                    .withStopCriteria("- spend over €5k\n- error rate above 2%")
                    .withBudgetSpent(new BigDecimal("6000"));

            assertThat(rules.breaches(capped, STARTED)).containsExactly(
                    BreachReason.BUDGET_CRITERION.breach("6000", "5000 EUR", "spend over €5k"));
            assertThat(rules.breaches(capped.withBudgetSpent(new BigDecimal("5000")), STARTED)).isEmpty();
        }

        @Test
        void aCapEqualToTheBudgetIsReportedOnce() {
            ExperimentSnapshot capped = running.withStopCriteria("budget 1,500\nbudget 1500.00")
                    .withBudgetSpent(new BigDecimal("1600"));

            assertThat(rules.breaches(capped, STARTED)).containsExactly(BreachReason.BUDGET.breach("1600", "1500"));
        }

        @Test
        void theSameCapWrittenTwiceIsReportedOnce() {
            ExperimentSnapshot capped = running.withBudget(null).withStopCriteria("spend over 1k\ncost exceeds 1,000")
                    .withBudgetSpent(new BigDecimal("1200"));

            assertThat(rules.breaches(capped, STARTED)).containsExactly(
                    BreachReason.BUDGET_CRITERION.breach("1200", "1000", "spend over 1k"));
        }
    }

    @Nested
    class Deadline {

        private final ExperimentSnapshot dated = running.withStartedAt(null).withStopCriteria("""
                - error rate above 2%
                - by 31 Dec 2026
                """);

        @Test
        void theLastDayStillCounts() {
            assertThat(rules.breaches(dated, Instant.parse("2026-12-31T23:59:59Z"))).isEmpty();
        }

        @Test
        void passedOnceTheDayIsOver() {
            assertThat(rules.breaches(dated, Instant.parse("2027-01-01T00:00:00Z")))
                    .containsExactly(BreachReason.DEADLINE.breach("2026-12-31", "by 31 Dec 2026"));
        }

        @Test
        void theDayEndsInTheGivenZone() {
            Instant lateEvening = Instant.parse("2026-12-31T23:30:00Z"); // 00:30 on 1 January in Berlin

            assertThat(rules.breaches(dated, lateEvening, ZoneId.of("Europe/Berlin")))
                    .extracting(Breach::kind).containsExactly("deadline");
            assertThat(rules.breaches(dated, lateEvening)).isEmpty();
        }

        @Test
        void eachDateIsReportedOnceAndUnreadableLinesAreIgnored() {
            ExperimentSnapshot twice = dated
                    .withStopCriteria("deadline 2026-06-30\nstop on 30 June 2026\nwhen it feels wrong\nby 2099-01-01");

            assertThat(rules.breaches(twice, Instant.parse("2026-07-02T00:00:00Z"))).containsExactly(
                    BreachReason.DEADLINE.breach("2026-06-30", "deadline 2026-06-30"));
        }

        @Test
        void successCriteriaDatesAreNotStopCriteria() {
            ExperimentSnapshot s = ExperimentSnapshot.empty().withSuccessCriteria("by 2020-01-01");

            assertThat(rules.breaches(s, Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
        }
    }

    @Test
    void allBreachesTogetherInOrder() {
        ExperimentSnapshot everything = running.withBudgetSpent(new BigDecimal("1501"))
                .withStopCriteria("spend over 1,000\nby 2026-03-10");

        assertThat(rules.breaches(everything, Instant.parse("2026-04-01T00:00:00Z"))).extracting(Breach::kind)
                .containsExactly("timebox", "budget", "budget", "deadline");
    }

    @Test
    void emptySnapshotHasNoBreach() {
        assertThat(rules.breaches(ExperimentSnapshot.empty(), Instant.now())).isEmpty();
    }

    @Test
    void breachValidates() {
        assertThatThrownBy(() -> new Breach("late", "failforward.x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Breach("budget", "other.x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Breach("budget", "failforward.x", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BreachReason.DEADLINE.breach("2026-01-01"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules.breaches(null, Instant.now())).isInstanceOf(NullPointerException.class);
    }
}
