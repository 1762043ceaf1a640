package dev.failforward.core.hypothesis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a hypothesis can fail: it names a condition, an expected outcome that can be measured, and ideally why
 * the team expects it.
 *
 * <p>Accepted forms, case-insensitive and tolerant of extra white space, line breaks and a trailing full stop:
 * <ul>
 *   <li>"If X, then Y", "If X then Y", "If X, Y"</li>
 *   <li>"We believe (that) X will result in / lead to / cause Y", "We believe X will reduce Y" (the verb phrase is
 *       the outcome); also "we think", "we expect", "I believe"</li>
 *   <li>"When X, Y", "When X then Y"</li>
 * </ul>
 * A rationale is a because-clause ("…, because Z", "… since Z", "…, as shown by Z") or a later sentence or line
 * starting with "Because", "We think this because" or a label such as "Rationale:".
 *
 * <p>Thread-safe and stateless; one instance can serve every request. Runs in time roughly linear in the text length
 * and never throws, whatever the string.
 */
public final class HypothesisLinter {

    /** The longest hypothesis callers accept; REST resources and workflow validators reject longer text first. */
    public static final int MAX_LENGTH = 2000;

    /** Fewer letters and digits than this is no condition: "If , then", "If x, then". */
    static final int MIN_CONDITION_CHARACTERS = 3;

    /** A linter with the built-in English vocabulary. */
    public HypothesisLinter() {
    }

    /**
     * Checks {@code text}. {@code null} or blank text yields exactly one finding, {@link FindingCode#EMPTY}; text
     * longer than {@link #MAX_LENGTH} is still checked.
     */
    public HypothesisCheck check(String text) {
        if (isBlank(text)) {
            return new HypothesisCheck(text == null ? "" : text, HypothesisForm.UNRECOGNISED, HypothesisParts.NONE,
                    Set.of(), List.of(Finding.wholeText(FindingCode.EMPTY)));
        }
        TokenizedText tokens = TokenizedText.of(text);
        HypothesisParser.Result parse = HypothesisParser.parse(tokens);
        List<Finding> findings = new ArrayList<>();
        Set<MeasureSignal> signals = EnumSet.noneOf(MeasureSignal.class);
        if (parse.form() == HypothesisForm.UNRECOGNISED) {
            // Without a form there is no condition or outcome to blame: one clear error, not a cascade.
            findings.add(Finding.wholeText(FindingCode.FORM_UNRECOGNISED));
        } else {
            HypothesisParser.Span condition = parse.condition();
            if (countLettersAndDigits(text, condition) < MIN_CONDITION_CHARACTERS) {
                HypothesisParser.Span where = condition != null ? condition : parse.keyword();
                findings.add(Finding.at(FindingCode.MISSING_CONDITION, where.start(), where.end()));
            }
            HypothesisParser.Span outcome = parse.outcome();
            if (countLettersAndDigits(text, outcome) == 0) {
                HypothesisParser.Span connector = parse.connector();
                findings.add(connector != null && !connector.isEmpty()
                        ? Finding.at(FindingCode.MISSING_OUTCOME, connector.start(), connector.end())
                        : Finding.wholeText(FindingCode.MISSING_OUTCOME));
            } else {
                signals = OutcomeSignals.detect(tokens, outcome.start(), outcome.end());
                if (!OutcomeSignals.measurable(signals)) {
                    findings.add(Finding.at(FindingCode.NOT_MEASURABLE, outcome.start(), outcome.end()));
                }
            }
            if (parse.rationale() == null) {
                findings.add(Finding.wholeText(FindingCode.MISSING_RATIONALE));
            }
        }
        findings.addAll(VagueWording.scan(tokens));
        return new HypothesisCheck(text, parse.form(), parts(text, parse), signals, findings);
    }

    private static HypothesisParts parts(String text, HypothesisParser.Result parse) {
        return new HypothesisParts(substring(text, parse.condition()), substring(text, parse.outcome()),
                substring(text, parse.rationale()));
    }

    /** The span's text with each run of white space (a wrapped line, a double space) made one space. */
    private static String substring(String text, HypothesisParser.Span span) {
        if (span == null) {
            return null;
        }
        StringBuilder part = new StringBuilder(span.end() - span.start());
        boolean inSpace = false;
        for (int i = span.start(); i < span.end(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (!space) {
                part.append(c);
            } else if (!inSpace) {
                part.append(' ');
            }
            inSpace = space;
        }
        return part.toString();
    }

    /** Blank includes no-break and other Unicode spaces, which {@link String#isBlank()} does not count. */
    private static boolean isBlank(String text) {
        return text == null
                || text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private static int countLettersAndDigits(String text, HypothesisParser.Span span) {
        if (span == null) {
            return 0;
        }
        int count = 0;
        for (int i = span.start(); i < span.end(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
