package dev.failforward.core.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public value types: stable codes, validated constructors, immutable results. */
class HypothesisValuesTest {

    /** JSON and stored data use these codes: changing one is a breaking change, so they are pinned here. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            EMPTY             | empty                 | failforward.hypothesis.empty                 | ERROR
            FORM_UNRECOGNISED | form.unrecognised     | failforward.hypothesis.form.unrecognised     | ERROR
            MISSING_CONDITION | condition.missing     | failforward.hypothesis.condition.missing     | ERROR
            MISSING_OUTCOME   | outcome.missing       | failforward.hypothesis.outcome.missing       | ERROR
            NOT_MEASURABLE    | outcome.notmeasurable | failforward.hypothesis.outcome.notmeasurable | ERROR
            MISSING_RATIONALE | rationale.missing     | failforward.hypothesis.rationale.missing     | WARNING
            VAGUE_WORDING     | wording.vague         | failforward.hypothesis.wording.vague         | WARNING
            """)
    void findingCodesAreStable(FindingCode value, String code, String i18nKey, Severity severity) {
        assertThat(value.code()).isEqualTo(code);
        assertThat(value.i18nKey()).isEqualTo(i18nKey);
        assertThat(value.severity()).isEqualTo(severity);
        assertThat(FindingCode.fromCode(code)).contains(value);
    }

    @Test
    void everyFindingCodeIsPinned() {
        assertThat(FindingCode.values()).hasSize(7);
        assertThat(FindingCode.fromCode("condition.Missing")).isEmpty();
        assertThat(FindingCode.fromCode("MISSING_CONDITION")).isEmpty();
    }

    @Test
    void findingTakesSeverityAndKeyFromItsCode() {
        Finding finding = Finding.at(FindingCode.VAGUE_WORDING, 3, 9, "better");

        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.i18nKey()).isEqualTo("failforward.hypothesis.wording.vague");
        assertThat(finding.arguments()).containsExactly("better");
        assertThat(finding.isWholeText()).isFalse();
        assertThat(Finding.wholeText(FindingCode.EMPTY).isWholeText()).isTrue();
    }

    @Test
    void findingRejectsInvalidOffsetsAndNulls() {
        assertThatThrownBy(() -> Finding.at(FindingCode.EMPTY, 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Finding.at(FindingCode.EMPTY, -1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Finding.at(FindingCode.EMPTY, -2, -2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Finding(null, 0, 0, List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Finding(FindingCode.EMPTY, 0, 0, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void findingCopiesItsArguments() {
        List<String> arguments = new ArrayList<>(List.of("better"));
        Finding finding = new Finding(FindingCode.VAGUE_WORDING, 0, 6, arguments);
        arguments.add("worse");

        assertThat(finding.arguments()).containsExactly("better");
        assertThatThrownBy(() -> finding.arguments().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void partsAreTrimmedAndBlankBecomesNull() {
        HypothesisParts parts = new HypothesisParts("  we pair ", " ", "\n");

        assertThat(parts.condition()).isEqualTo("we pair");
        assertThat(parts.expectedOutcome()).isNull();
        assertThat(parts.rationale()).isNull();
        assertThat(new HypothesisParts("", null, " ")).isEqualTo(HypothesisParts.NONE);
    }

    @Test
    void checkSortsFindingsErrorsFirstThenByOffset() {
        Finding vagueLate = Finding.at(FindingCode.VAGUE_WORDING, 30, 36, "better");
        Finding vagueEarly = Finding.at(FindingCode.VAGUE_WORDING, 2, 8, "maybe");
        Finding rationale = Finding.wholeText(FindingCode.MISSING_RATIONALE);
        Finding measurable = Finding.at(FindingCode.NOT_MEASURABLE, 20, 36);
        Finding outcome = Finding.wholeText(FindingCode.MISSING_OUTCOME);

        HypothesisCheck check = new HypothesisCheck("text", HypothesisForm.IF_THEN, HypothesisParts.NONE, Set.of(),
                List.of(vagueLate, rationale, measurable, vagueEarly, outcome));

        assertThat(check.findings()).containsExactly(outcome, measurable, rationale, vagueEarly, vagueLate);
        assertThat(check.errors()).containsExactly(outcome, measurable);
        assertThat(check.warnings()).containsExactly(rationale, vagueEarly, vagueLate);
        assertThat(check.acceptable()).isFalse();
    }

    @Test
    void checkWithWarningsOnlyIsAcceptable() {
        HypothesisCheck check = new HypothesisCheck("text", HypothesisForm.WHEN, HypothesisParts.NONE, Set.of(),
                List.of(Finding.wholeText(FindingCode.MISSING_RATIONALE)));

        assertThat(check.acceptable()).isTrue();
        assertThat(check.has(FindingCode.MISSING_RATIONALE)).isTrue();
        assertThat(check.has(FindingCode.VAGUE_WORDING)).isFalse();
    }

    @Test
    void checkIsImmutable() {
        EnumSet<MeasureSignal> signals = EnumSet.of(MeasureSignal.NUMBER);
        List<Finding> findings = new ArrayList<>(List.of(Finding.wholeText(FindingCode.MISSING_RATIONALE)));
        HypothesisCheck check = new HypothesisCheck("t", HypothesisForm.IF_THEN, HypothesisParts.NONE, signals,
                findings);
        signals.add(MeasureSignal.METRIC);
        findings.clear();

        assertThat(check.signals()).containsExactly(MeasureSignal.NUMBER);
        assertThat(check.findings()).hasSize(1);
        assertThatThrownBy(() -> check.signals().add(MeasureSignal.DIRECTION))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> check.findings().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void checkRejectsNulls() {
        HypothesisParts none = HypothesisParts.NONE;
        assertThatThrownBy(() -> new HypothesisCheck(null, HypothesisForm.IF_THEN, none, Set.of(), List.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new HypothesisCheck("t", null, none, Set.of(), List.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new HypothesisCheck("t", HypothesisForm.IF_THEN, null, Set.of(), List.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new HypothesisCheck("t", HypothesisForm.IF_THEN, none, null, List.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new HypothesisCheck("t", HypothesisForm.IF_THEN, none, Set.of(), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void maxLengthMatchesTheFailureRecordLimit() {
        assertThat(HypothesisLinter.MAX_LENGTH).isEqualTo(2000);
    }
}
