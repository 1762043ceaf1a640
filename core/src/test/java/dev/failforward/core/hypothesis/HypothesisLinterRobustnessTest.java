package dev.failforward.core.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The linter never throws, keeps its invariants on any string, and stays fast on long or hostile input. */
class HypothesisLinterRobustnessTest {

    /** Pieces that exercise every branch of the parser when glued together at random. */
    private static final List<String> PIECES = List.of(
            "If", "if", "IF", "When", "We believe", "we think that", "I believe", "Hypothesis:", "then", "Then",
            ", then", ",", ".", ". ", "!", "?", "…", ";", ":", " - ", "\n", "\n\n", "\r\n", "\t", "  ",
            "because", "Because", "since", "since March", "ever since", "as shown by", "Rationale:", "Why:",
            "We think this because", "the reason is", "will", "will result in", "would lead to", "reduces",
            "we", "add", "a checklist", "failures", "drop", "below", "at least", "2", "15%", "4.5", "1,000", "2nd",
            "per month", "within 30 days", "by Q3", "in two sprints", "FY26", "2026", "by the end of the",
            "better", "a lot", "significantly", "more efficient", "state-of-the-art", "over time", "e.g.", "etc.",
            "don't", "’", "'", "\"", "“", "”", "<", ">", "≥", "%", "(", ")", "-", "–", "—",
            "😀", "İ", "ß", "ﬁ", "Ä", "中文", "مرحبا", "e\u0301", "\u00a0", "\u200b",
            "\ud83d", "\udc4d", "\u0000");

    private final HypothesisLinter linter = new HypothesisLinter();

    @ParameterizedTest
    @ValueSource(strings = {
            "If", "if", "When", "then", "Then", "If then", "If ,", "If , then", "If,then", "When,", "We believe",
            "We believe that", "We believe that will", "I believe", "Hypothesis:", "Hypothesis: If",
            ".", "...", "?!.,;:", "---", ",,,,", "\"\"", "()", "%", "<>", "…",
            "If if if, then then", "If if we pair, then if bugs drop, then 5%", "If (if (if x)), then (then y)",
            "If we pair, because", "If we pair, bugs drop 5% because", "Rationale:", "If x. Then", "If x.\nThen.",
            "If we pair, bugs drop 5%.\nBecause", "If we pair, bugs drop 5%. Why:", "Why: If",
            "If 😀, then 😀", "If 中文, then 中文 5%", "Wenn wir pairen, dann sinken Bugs um 5%",
            "İf we pair, bugs drop 5%",
            "\ud83d", "If \udc4d, then \ud83d", "\u0000If\u0000,\u0000then\u0000", "If\u200b,\u200bthen\u200b5%"})
    void handlesEdgeCases(String text) {
        assertThatCode(() -> linter.check(text)).doesNotThrowAnyException();
        assertInvariants(linter.check(text));
    }

    @Test
    void ifAloneMissesConditionAndOutcome() {
        assertThat(linter.check("If").codes()).containsExactly(
                FindingCode.MISSING_OUTCOME, FindingCode.MISSING_CONDITION, FindingCode.MISSING_RATIONALE);
    }

    @Test
    void thenAloneIsNoForm() {
        assertThat(linter.check("then").codes()).containsExactly(FindingCode.FORM_UNRECOGNISED);
    }

    @Test
    void punctuationOnlyIsNoFormRatherThanEmpty() {
        assertThat(linter.check("?!.,;:").codes()).containsExactly(FindingCode.FORM_UNRECOGNISED);
    }

    @Test
    void nestedIfsAreSplitAtTheFirstCommaThen() {
        HypothesisCheck check = linter.check("If if we pair, then if bugs drop, then 5%");

        assertThat(check.parts()).isEqualTo(new HypothesisParts("if we pair", "if bugs drop, then 5%", null));
    }

    @Test
    void randomPiecesNeverBreakTheInvariants() {
        Random random = new Random(20240521L);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES.get(random.nextInt(PIECES.size()))).append(random.nextInt(3) == 0 ? "" : " ");
            }
            String input = text.toString();
            assertThatCode(() -> assertInvariants(linter.check(input))).as(input).doesNotThrowAnyException();
        }
    }

    @Test
    void randomCharactersNeverBreakTheInvariants() {
        Random random = new Random(7L);
        String alphabet = " .,;:!?ifthenwbluc%0123456789\n-'";
        for (int round = 0; round < 2000; round++) {
            char[] chars = new char[random.nextInt(HypothesisLinter.MAX_LENGTH)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = random.nextInt(4) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1)
                        : alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String input = new String(chars);
            assertThatCode(() -> assertInvariants(linter.check(input))).doesNotThrowAnyException();
        }
    }

    @Test
    @Timeout(10)
    void maximumLengthTextIsCheckedQuickly() {
        String sentence = "If we add a checklist, then failures drop below 2 per month because steps get skipped. ";
        String text = sentence.repeat(HypothesisLinter.MAX_LENGTH / sentence.length() + 1)
                .substring(0, HypothesisLinter.MAX_LENGTH);

        assertThat(text).hasSize(HypothesisLinter.MAX_LENGTH);
        assertThat(linter.check(text).form()).isEqualTo(HypothesisForm.IF_THEN);
        assertThat(timeOfChecks(text, 200)).isLessThan(Duration.ofSeconds(2));
    }

    /** Inputs that would make a backtracking regex explode; a linear scan handles them at once. */
    @ParameterizedTest
    @ValueSource(strings = {"If ", "then ", ", ", "because ", "a ", "significantly ", "1,", "within the next ", "e.g.",
            "If we, then ", ". Because ", "\n", "If we pair then ", "in 2 ", "per ", "since ", "Why: "})
    @Timeout(10)
    void longRepetitiveTextStaysLinear(String unit) {
        String text = "If " + unit.repeat(100_000 / unit.length());

        assertThat(timeOfChecks(text, 1)).isLessThan(Duration.ofSeconds(3));
        assertInvariants(linter.check(text));
    }

    @Test
    void isStatelessAcrossCalls() {
        String text = "When support replies within 1 hour, CSAT rises above 4.5";
        HypothesisCheck first = linter.check(text);
        linter.check("If , then");
        linter.check(null);

        assertThat(linter.check(text)).isEqualTo(first);
        assertThat(new HypothesisLinter().check(text)).isEqualTo(first);
    }

    private Duration timeOfChecks(String text, int times) {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            linter.check(text);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** What must hold for every result, whatever the input. */
    static void assertInvariants(HypothesisCheck check) {
        String text = check.text();
        for (Finding finding : check.findings()) {
            if (!finding.isWholeText()) {
                assertThat(finding.end()).as("end of %s", finding).isLessThanOrEqualTo(text.length());
                assertThat(finding.start()).as("start of %s", finding).isLessThan(finding.end());
            }
            if (finding.code() == FindingCode.VAGUE_WORDING) {
                assertThat(finding.arguments()).hasSize(1);
            }
        }
        assertThat(check.findings()).isSortedAccordingTo(Finding.ORDER);
        assertThat(check.acceptable()).isEqualTo(check.errors().isEmpty());
        assertThat(check.errors().size() + check.warnings().size()).isEqualTo(check.findings().size());
        for (String part : new String[] {check.parts().condition(), check.parts().expectedOutcome(),
                check.parts().rationale()}) {
            if (part != null) {
                assertThat(part).isNotBlank().isEqualTo(part.strip()).doesNotContain("\n", "  ");
            }
        }
        if (check.has(FindingCode.EMPTY)) {
            assertThat(check.findings()).hasSize(1);
        }
        if (check.form() == HypothesisForm.UNRECOGNISED) {
            assertThat(check.parts()).isEqualTo(HypothesisParts.NONE);
            assertThat(check.signals()).isEmpty();
            assertThat(check.codes()).doesNotContain(FindingCode.MISSING_CONDITION, FindingCode.MISSING_OUTCOME,
                    FindingCode.NOT_MEASURABLE, FindingCode.MISSING_RATIONALE);
            assertThat(check.has(FindingCode.EMPTY) || check.has(FindingCode.FORM_UNRECOGNISED)).isTrue();
        } else {
            assertThat(check.has(FindingCode.FORM_UNRECOGNISED)).isFalse();
            assertThat(check.has(FindingCode.MISSING_OUTCOME)).isEqualTo(check.parts().expectedOutcome() == null
                    || check.parts().expectedOutcome().chars().noneMatch(Character::isLetterOrDigit));
            assertThat(check.has(FindingCode.MISSING_RATIONALE)).isEqualTo(check.parts().rationale() == null);
            if (check.has(FindingCode.MISSING_OUTCOME)) {
                assertThat(check.has(FindingCode.NOT_MEASURABLE)).isFalse();
                assertThat(check.signals()).isEmpty();
            }
        }
    }
}
