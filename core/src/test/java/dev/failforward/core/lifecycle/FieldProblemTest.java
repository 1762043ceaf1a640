package dev.failforward.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldProblemTest {

    @Test
    void copiesArgumentsImmutably() {
        List<String> arguments = new ArrayList<>(List.of("3", "1"));
        FieldProblem problem = new FieldProblem(FieldKeys.LEARNINGS, "tooFew", "failforward.incident.learnings.tooFew",
                arguments);
        arguments.set(0, "changed");

        assertThat(problem.arguments()).containsExactly("3", "1");
        assertThatThrownBy(() -> problem.arguments().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(FieldProblem.of("budget", "overCeiling", "failforward.x", "1", "2").arguments())
                .containsExactly("1", "2");
    }

    @Test
    void rejectsMissingPartsAndForeignKeys() {
        assertThatThrownBy(() -> FieldProblem.of(" ", "required", "failforward.x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field");
        assertThatThrownBy(() -> FieldProblem.of("phase", null, "failforward.x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code");
        assertThatThrownBy(() -> FieldProblem.of("phase", "required", "jira.error.required"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failforward.");
        assertThatThrownBy(() -> new FieldProblem("phase", "required", "failforward.x", null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FieldProblem.of("phase", "required", "failforward.x", (String) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void fieldKeysAreTheContractsKeysInFormOrder() {
        assertThat(FieldKeys.ALL).containsExactly("hypothesis", "successCriteria", "stopCriteria", "learningGoals",
                "phase", "budget", "budgetSpent", "timeBoxDays", "startedAt", "outcome", "decision",
                "decisionRationale", "observedResults", "decidedAt", "pivotedFrom", "discoveredAt", "reportedAt", "resolvedAt", "impact",
                "failureType", "failureCategory", "failureMode", "fiveWhys", "contributingFactors", "learnings",
                "nextSteps");
        assertThat(FieldKeys.ALL).doesNotHaveDuplicates();
    }

    @Test
    void fieldDisplayKeys() {
        assertThat(FieldKeys.i18nKey(FieldKeys.TIME_BOX_DAYS)).isEqualTo("failforward.field.timeBoxDays");
        assertThat(FieldKeys.isKnown("fiveWhys")).isTrue();
        assertThat(FieldKeys.isKnown("summary")).isFalse();
        assertThat(FieldKeys.isKnown(null)).isFalse();
        assertThatThrownBy(() -> FieldKeys.i18nKey("summary")).isInstanceOf(IllegalArgumentException.class);
    }
}
