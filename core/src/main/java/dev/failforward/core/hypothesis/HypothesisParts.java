package dev.failforward.core.hypothesis;

/**
 * The pieces of a hypothesis "If <i>condition</i>, then <i>expected outcome</i>, because <i>rationale</i>".
 * Each is trimmed text, or {@code null} when absent; the constructor trims and turns blank into {@code null}, so
 * callers never have to tell "" from {@code null}. The linter also folds line breaks and runs of spaces inside a part
 * into single spaces, so a part reads as one line; finding offsets, not parts, point into the original text.
 */
public record HypothesisParts(String condition, String expectedOutcome, String rationale) {

    /** Nothing recognised. */
    public static final HypothesisParts NONE = new HypothesisParts(null, null, null);

    public HypothesisParts {
        condition = clean(condition);
        expectedOutcome = clean(expectedOutcome);
        rationale = clean(rationale);
    }

    private static String clean(String part) {
        if (part == null) {
            return null;
        }
        String stripped = part.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
