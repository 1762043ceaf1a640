package dev.failforward.core.hypothesis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The text split into words and sentences in one linear pass, keeping every offset into the original.
 *
 * <p>Why not regular expressions over the whole text: the linter runs on every keystroke in the editor and in
 * workflow validators, so it must stay linear on any input; token scans cannot backtrack.
 */
final class TokenizedText {

    /** Words before a full stop that do not end a sentence ("e.g. Jira"), lower-case, inner dots kept. */
    private static final Set<String> ABBREVIATIONS =
            Set.of("e.g", "eg", "i.e", "ie", "vs", "approx", "incl", "cf", "ca", "dr", "mr", "mrs", "ms", "st", "no");

    private final String text;
    private final List<Token> tokens;
    /** Offsets where a sentence ends (exclusive), ascending; the last one is the text length. */
    private final int[] sentenceEnds;

    private TokenizedText(String text) {
        this.text = text;
        this.sentenceEnds = findSentenceEnds(text);
        this.tokens = tokenize(text, sentenceEnds);
    }

    static TokenizedText of(String text) {
        return new TokenizedText(text);
    }

    String text() {
        return text;
    }

    int size() {
        return tokens.size();
    }

    Token get(int index) {
        return tokens.get(index);
    }

    /** Whether the token at {@code index} is the word {@code word} (false past either end). */
    boolean is(int index, String word) {
        return word(index).equals(word);
    }

    /** The word at {@code index}, or {@code ""} past the end, so look-aheads need no bounds checks. */
    String word(int index) {
        return index >= 0 && index < tokens.size() ? tokens.get(index).word() : "";
    }

    /** The index of the first token starting at or after {@code offset}, or {@link #size()}. */
    int firstTokenFrom(int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).start() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The end of the sentence that contains offset {@code offset}: the first sentence end after it. */
    int sentenceEndAfter(int offset) {
        int index = Arrays.binarySearch(sentenceEnds, offset + 1);
        return sentenceEnds[index >= 0 ? index : Math.min(-index - 1, sentenceEnds.length - 1)];
    }

    /** The start of the sentence that contains {@code offset}: the last sentence end at or before it, or 0. */
    int sentenceStartBefore(int offset) {
        int index = Arrays.binarySearch(sentenceEnds, offset);
        if (index >= 0) {
            return sentenceEnds[index];
        }
        int before = -index - 2;
        return before >= 0 ? sentenceEnds[before] : 0;
    }

    /** The offset of the first character at or after {@code offset} that is not white space, or the text length. */
    int skipSpace(int offset) {
        int i = offset;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The offset of the last character before {@code offset} that is not white space, or -1. */
    int lastNonSpaceBefore(int offset) {
        int i = offset - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    private static List<Token> tokenize(String text, int[] sentenceEnds) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int nextEnd = 0;
        boolean newSentence = true;
        boolean newLine = true;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                newLine |= c == '\n';
                i++;
                continue;
            }
            while (nextEnd < sentenceEnds.length && sentenceEnds[nextEnd] <= i) {
                newSentence = true;
                nextEnd++;
            }
            int start = i;
            StringBuilder word = new StringBuilder();
            while (i < n) {
                char d = text.charAt(i);
                if (Character.isLetterOrDigit(d)) {
                    word.append(Character.toLowerCase(d));
                } else if (joinsWord(text, i)) {
                    word.append(d == '\u2019' ? '\'' : d);
                } else {
                    break;
                }
                i++;
            }
            tokens.add(new Token(start, i, word.toString(), newSentence, newLine));
            newSentence = false;
            newLine = false;
        }
        return tokens;
    }

    /** An apostrophe inside a word ("don't") or a decimal or thousands separator inside a number ("4.5", "1,000"). */
    private static boolean joinsWord(String text, int i) {
        if (i + 1 >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        char before = text.charAt(i - 1);
        char after = text.charAt(i + 1);
        if (c == '\'' || c == '\u2019') {
            return Character.isLetter(before) && Character.isLetter(after);
        }
        return (c == '.' || c == ',') && Character.isDigit(before) && Character.isDigit(after);
    }

    /**
     * A sentence ends at ". ", "! ", "? " or "… " unless the next word starts in lower case or the dot closes an
     * abbreviation, and at a blank line. A single line break does not end a sentence: hypotheses get wrapped.
     */
    private static int[] findSentenceEnds(String text) {
        int n = text.length();
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int end = -1;
            if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                boolean atWordEnd = i + 1 == n || Character.isWhitespace(text.charAt(i + 1));
                if (atWordEnd && !nextWordIsLowerCase(text, i + 1) && !(c == '.' && closesAbbreviation(text, i))) {
                    end = i + 1;
                }
            } else if (c == '\n' && startsBlankLine(text, i + 1)) {
                end = i;
            }
            if (end > 0 && (ends.isEmpty() || ends.get(ends.size() - 1) < end)) {
                ends.add(end);
            }
        }
        if (ends.isEmpty() || ends.get(ends.size() - 1) < n) {
            ends.add(n);
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean nextWordIsLowerCase(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && Character.isLowerCase(text.charAt(i));
    }

    private static boolean closesAbbreviation(String text, int dot) {
        int start = dot;
        // Bounded look-back: abbreviations are short, and a long run of letters must not make this quadratic.
        while (start > 0 && dot - start < 12
                && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        StringBuilder word = new StringBuilder();
        for (int i = start; i < dot; i++) {
            word.append(Character.toLowerCase(text.charAt(i)));
        }
        return ABBREVIATIONS.contains(word.toString());
    }

    private static boolean startsBlankLine(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '\n';
    }
}
