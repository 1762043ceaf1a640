package dev.failforward.core.experiment;

import static dev.failforward.core.experiment.ExperimentStatus.DECIDED;
import static dev.failforward.core.experiment.ExperimentStatus.DRAFT;
import static dev.failforward.core.experiment.ExperimentStatus.EVALUATING;
import static dev.failforward.core.experiment.ExperimentStatus.READY;
import static dev.failforward.core.experiment.ExperimentStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every pair of statuses, allowed or not. */
class ExperimentTransitionsTest {

    private final ExperimentRules rules = ExperimentRules.defaults();

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            DRAFT      | DRAFT      |
            DRAFT      | READY      | MARK_READY
            DRAFT      | RUNNING    |
            DRAFT      | EVALUATING |
            DRAFT      | DECIDED    |
            READY      | DRAFT      | REVISE_PLAN
            READY      | READY      |
            READY      | RUNNING    | START
            READY      | EVALUATING |
            READY      | DECIDED    |
            RUNNING    | DRAFT      |
            RUNNING    | READY      |
            RUNNING    | RUNNING    |
            RUNNING    | EVALUATING | EVALUATE
            RUNNING    | DECIDED    |
            EVALUATING | DRAFT      |
            EVALUATING | READY      |
            EVALUATING | RUNNING    | RESUME
            EVALUATING | EVALUATING |
            EVALUATING | DECIDED    | DECIDE
            DECIDED    | DRAFT      |
            DECIDED    | READY      |
            DECIDED    | RUNNING    |
            DECIDED    | EVALUATING |
            DECIDED    | DECIDED    |
            """)
    void everyPairOfStatuses(ExperimentStatus from, ExperimentStatus to, ExperimentTransition expected) {
        assertThat(rules.transition(from, to)).isEqualTo(java.util.Optional.ofNullable(expected));
        if (expected != null) {
            assertThat(expected.from()).isEqualTo(from);
            assertThat(expected.to()).isEqualTo(to);
            assertThat(rules.allowedFrom(from)).contains(expected);
        } else {
            assertThat(rules.allowedFrom(from)).noneMatch(t -> t.to() == to);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DRAFT      | MARK_READY
            READY      | REVISE_PLAN, START
            RUNNING    | EVALUATE
            EVALUATING | RESUME, DECIDE
            DECIDED    |
            """)
    void allowedFromEachStatus(ExperimentStatus status, String transitions) {
        Set<ExperimentTransition> expected = EnumSet.noneOf(ExperimentTransition.class);
        if (transitions != null) {
            Arrays.stream(transitions.split(",")).map(String::strip).map(ExperimentTransition::valueOf)
                    .forEach(expected::add);
        }

        assertThat(rules.allowedFrom(status)).containsExactlyElementsOf(expected);
    }

    @Test
    void everyTransitionIsReachableAndUnique() {
        Set<ExperimentTransition> seen = new HashSet<>();
        for (ExperimentStatus status : ExperimentStatus.values()) {
            seen.addAll(rules.allowedFrom(status));
        }

        assertThat(seen).containsExactlyInAnyOrder(ExperimentTransition.values());
        assertThat(Arrays.stream(ExperimentTransition.values()).map(t -> t.from() + ">" + t.to()))
                .doesNotHaveDuplicates();
    }

    @Test
    void allowedTransitionsCannotBeChanged() {
        assertThat(rules.allowedFrom(READY)).containsExactly(ExperimentTransition.REVISE_PLAN,
                ExperimentTransition.START);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rules.allowedFrom(DRAFT).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(rules.allowedFrom(DECIDED)).isEmpty();
        assertThat(rules.transition(RUNNING, EVALUATING)).contains(ExperimentTransition.EVALUATE);
        assertThat(rules.transition(EVALUATING, RUNNING)).contains(ExperimentTransition.RESUME);
    }

    @Test
    void displayKeys() {
        assertThat(ExperimentTransition.MARK_READY.i18nKey()).isEqualTo("failforward.experiment.transition.mark_ready");
        assertThat(ExperimentStatus.EVALUATING.i18nKey()).isEqualTo("failforward.experiment.status.evaluating");
        assertThat(Decision.SCALE_UP.i18nKey()).isEqualTo("failforward.experiment.decision.scale_up");
        assertThat(Phase.EXPLORE.i18nKey()).isEqualTo("failforward.experiment.phase.explore");
        assertThat(Outcome.INCONCLUSIVE.i18nKey()).isEqualTo("failforward.experiment.outcome.inconclusive");
    }
}
