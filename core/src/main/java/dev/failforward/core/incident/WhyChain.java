package dev.failforward.core.incident;

import dev.failforward.core.text.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A "5 whys" analysis: each why asks what caused the answer before it, until the chain reaches a cause the team can
 * change. Written one why per line, "1. Why did the deploy fail? Because the config was stale." or "Why? …"; a
 * why's answer may also follow on its own line ("Because …"), and one line may hold several whys ("Why X? Because Y.
 * Why Y? Because Z."). When no line opens with "why", the team wrote the answers only, and each line is one why.
 * Text before the first why (a problem statement) is not a why, nor is a why without an answer ("Why 4:").
 *
 * @param whys each why with its answer, trimmed, in order
 */
public record WhyChain(List<String> whys) {

    /** How many whys reach a root cause by default: fewer usually stop at the symptom. */
    public static final int DEFAULT_ROOT_CAUSE_DEPTH = 3;

    public WhyChain {
        whys = List.copyOf(Objects.requireNonNull(whys, "whys"));
        for (String why : whys) {
            if (why.isBlank()) {
                throw new IllegalArgumentException("a why must not be blank");
            }
        }
    }

    /** The chain written in {@code text}; empty for {@code null} or blank text. Never throws. */
    public static WhyChain parse(String text) {
        List<String> segments = new ArrayList<>();
        for (String item : Lines.items(text)) {
            segments.addAll(splitAtWhy(item));
        }
        boolean asked = segments.stream().anyMatch(WhyChain::opensWithWhy);
        if (!asked) {
            return new WhyChain(segments);
        }
        List<String> whys = new ArrayList<>();
        for (String segment : segments) {
            if (opensWithWhy(segment)) {
                whys.add(segment);
            } else if (!whys.isEmpty()) {
                whys.set(whys.size() - 1, whys.get(whys.size() - 1) + " " + segment);
            }
        }
        whys.removeIf(why -> !answered(why));
        return new WhyChain(whys);
    }

    public int size() {
        return whys.size();
    }

    /** At least {@link #DEFAULT_ROOT_CAUSE_DEPTH} whys. */
    public boolean reachesRootCause() {
        return reachesRootCause(DEFAULT_ROOT_CAUSE_DEPTH);
    }

    public boolean reachesRootCause(int depth) {
        return whys.size() >= depth;
    }

    /** The last why, where the chain stopped; empty when there is none. */
    public Optional<String> rootCause() {
        return whys.isEmpty() ? Optional.empty() : Optional.of(whys.get(whys.size() - 1));
    }

    /** Splits before each "why" that opens a sentence: at the start, or after ". ", "? ", "! " or "; ". */
    private static List<String> splitAtWhy(String item) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < item.length(); i++) {
            if (startsWhy(item, i) && sentenceBreakBefore(item, i)) {
                addTrimmed(parts, item.substring(start, i));
                start = i;
            }
        }
        addTrimmed(parts, item.substring(start));
        return parts;
    }

    private static boolean sentenceBreakBefore(String text, int i) {
        int j = i - 1;
        if (j < 0 || !Character.isWhitespace(text.charAt(j))) {
            return false;
        }
        while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
            j--;
        }
        return j >= 0 && ".?!;".indexOf(text.charAt(j)) >= 0;
    }

    /** "Why?" or "Why 4:" alone asks but answers nothing, so it is no step of the chain. */
    private static boolean answered(String why) {
        return why.substring(3).codePoints().anyMatch(Character::isLetter);
    }

    private static boolean opensWithWhy(String segment) {
        return startsWhy(segment, 0);
    }

    /** "why" as a whole word at {@code i}: "Why?", "Why did", "Why 2:", not "Whyte". */
    private static boolean startsWhy(String text, int i) {
        if (!text.regionMatches(true, i, "why", 0, 3)) {
            return false;
        }
        return i + 3 == text.length() || !Character.isLetter(text.charAt(i + 3));
    }

    private static void addTrimmed(List<String> parts, String part) {
        String trimmed = Lines.strip(part);
        if (trimmed.codePoints().anyMatch(Character::isLetterOrDigit)) {
            parts.add(trimmed);
        }
    }
}
