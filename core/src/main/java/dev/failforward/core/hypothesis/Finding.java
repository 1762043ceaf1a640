package dev.failforward.core.hypothesis;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One thing the linter found.
 *
 * @param code      what was found
 * @param start     offset of the first character it is about in the original text (a UTF-16 index, as in
 *                  {@link String#substring(int, int)}), or {@code -1} when the finding is about the whole text
 * @param end       offset after the last character (exclusive), or {@code -1} with {@code start}
 * @param arguments i18n message arguments, e.g. the vague word found; never {@code null}
 */
public record Finding(FindingCode code, int start, int end, List<String> arguments) {

    /** Errors before warnings, then by position; whole-text findings come first in their group. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.code.severity())
            .thenComparingInt(Finding::start)
            .thenComparingInt(Finding::end)
            .thenComparing(Finding::code);

    public Finding {
        Objects.requireNonNull(code, "code");
        arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
        boolean wholeText = start == -1 && end == -1;
        if (!wholeText && (start < 0 || end < start)) {
            throw new IllegalArgumentException(
                    "need 0 <= start <= end, or -1/-1 for the whole text: " + start + "/" + end);
        }
    }

    /** A finding about the whole text, without message arguments. */
    public static Finding wholeText(FindingCode code) {
        return new Finding(code, -1, -1, List.of());
    }

    /** A finding about {@code text.substring(start, end)}. */
    public static Finding at(FindingCode code, int start, int end, String... arguments) {
        return new Finding(code, start, end, List.of(arguments));
    }

    public boolean isWholeText() {
        return start == -1;
    }

    public Severity severity() {
        return code.severity();
    }

    public String i18nKey() {
        return code.i18nKey();
    }
}
