package dev.failforward.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every pair of statuses, allowed or not. */
class IncidentTransitionsTest {

    private final IncidentRules rules = IncidentRules.defaults();

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            REPORTED        | REPORTED        |
            REPORTED        | ANALYSING       | START_ANALYSIS
            REPORTED        | LEARNING_REVIEW |
            REPORTED        | CLOSED          |
            ANALYSING       | REPORTED        |
            ANALYSING       | ANALYSING       |
            ANALYSING       | LEARNING_REVIEW | REVIEW_LEARNINGS
            ANALYSING       | CLOSED          |
            LEARNING_REVIEW | REPORTED        |
            LEARNING_REVIEW | ANALYSING       | REOPEN_ANALYSIS
            LEARNING_REVIEW | LEARNING_REVIEW |
            LEARNING_REVIEW | CLOSED          | CLOSE
            CLOSED          | REPORTED        |
            CLOSED          | ANALYSING       |
            CLOSED          | LEARNING_REVIEW |
            CLOSED          | CLOSED          |
            """)
    void everyPairOfStatuses(IncidentStatus from, IncidentStatus to, IncidentTransition expected) {
        assertThat(rules.transition(from, to)).isEqualTo(Optional.ofNullable(expected));
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
            REPORTED        | START_ANALYSIS
            ANALYSING       | REVIEW_LEARNINGS
            LEARNING_REVIEW | REOPEN_ANALYSIS, CLOSE
            CLOSED          |
            """)
    void allowedFromEachStatus(IncidentStatus status, String transitions) {
        Set<IncidentTransition> expected = EnumSet.noneOf(IncidentTransition.class);
        if (transitions != null) {
            Arrays.stream(transitions.split(",")).map(String::strip).map(IncidentTransition::valueOf)
                    .forEach(expected::add);
        }

        assertThat(rules.allowedFrom(status)).containsExactlyElementsOf(expected);
    }

    @Test
    void everyTransitionIsReachableOnceAndTheSetIsImmutable() {
        Set<IncidentTransition> seen = new HashSet<>();
        for (IncidentStatus status : IncidentStatus.values()) {
            seen.addAll(rules.allowedFrom(status));
        }

        assertThat(seen).containsExactlyInAnyOrder(IncidentTransition.values());
        assertThatThrownBy(() -> rules.allowedFrom(IncidentStatus.REPORTED).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void displayKeys() {
        assertThat(IncidentStatus.LEARNING_REVIEW.i18nKey()).isEqualTo("failforward.incident.status.learning_review");
        assertThat(IncidentTransition.REVIEW_LEARNINGS.i18nKey())
                .isEqualTo("failforward.incident.transition.review_learnings");
        assertThat(FailureType.INTELLIGENT.i18nKey()).isEqualTo("failforward.incident.failuretype.intelligent");
        assertThat(FailureType.BASIC.descriptionKey()).isEqualTo("failforward.incident.failuretype.basic.description");
        assertThat(FailureCategory.DATA_GAP.i18nKey()).isEqualTo("failforward.incident.failurecategory.data_gap");
        assertThat(FailureMode.OUTCOME.i18nKey()).isEqualTo("failforward.incident.failuremode.outcome");
        assertThat(RuleResult.Status.MISSED.i18nKey()).isEqualTo("failforward.incident.rule24h.missed");
    }
}
