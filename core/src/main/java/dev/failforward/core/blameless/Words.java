package dev.failforward.core.blameless;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The text split into words in one linear pass, keeping every offset into the original.
 *
 * <p>Why a tokenizer of its own rather than {@code hypothesis.TokenizedText}: that one is package-private and knows
 * sentences only; this check also needs clause starts (to bound look-backs) and where capitalisation is weak evidence
 * of a name (after a full stop, a colon, a line break or an opening quote). Token scans cannot backtrack, so the check
 * stays linear on any input.
 */
final class Words {

    /**
     * One word.
     *
     * @param start       offset of its first character in the original text
     * @param end         offset after its last character
     * @param text        lower-cased, with typographic apostrophes made plain ("anna's", "didn't")
     * @param capitalised whether it starts with a capital followed by at least one lower-case letter ("Anna", not
     *                    "CI" or "anna")
     * @param weakStart   whether it opens a sentence, line, colon clause or quotation, where a capital proves nothing
     * @param clauseStart whether punctuation (or {@code weakStart}) separates it from the previous word
     */
    record Word(int start, int end, String text, boolean capitalised, boolean weakStart, boolean clauseStart) {
    }

    /** Words whose full stop does not end a sentence ("Dr. Okafor"); single letters ("e.g.", "J. Smith") too. */
    private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "prof", "st", "vs", "approx");

    private final List<Word> words = new ArrayList<>();
    private final Set<String> lowerCase = new HashSet<>();
    private final Set<String> capitalisedInside = new HashSet<>();

    private Words(String text) {
        tokenize(text);
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (Character.isLowerCase(text.charAt(w.start()))) {
                lowerCase.add(w.text());
            } else if (w.capitalised() && !w.weakStart() && !Lexicon.DETERMINERS.contains(word(i - 1))) {
                capitalisedInside.add(w.text());
            }
        }
    }

    static Words of(String text) {
        return new Words(text);
    }

    int size() {
        return words.size();
    }

    Word get(int index) {
        return words.get(index);
    }

    /** The word at {@code index}, or {@code ""} past either end, so look-arounds need no bounds checks. */
    String word(int index) {
        return index >= 0 && index < words.size() ? words.get(index).text() : "";
    }

    /** Whether the word occurs somewhere in the text starting with a lower-case letter: then it is no name. */
    boolean seenLowerCase(String word) {
        return lowerCase.contains(word);
    }

    /** Whether the word occurs capitalised inside a sentence (not after "the"): strong evidence of a name. */
    boolean seenCapitalisedInside(String word) {
        return capitalisedInside.contains(word);
    }

    private void tokenize(String text) {
        int n = text.length();
        boolean weak = true;
        boolean clause = true;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                StringBuilder word = new StringBuilder();
                while (i < n) {
                    char d = text.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        word.append(Character.toLowerCase(d));
                    } else if ((d == '\'' || d == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                        word.append('\'');
                    } else {
                        break;
                    }
                    i++;
                }
                words.add(new Word(start, i, word.toString(), capitalised(text, start, i), weak, clause));
                // A time or number opening a line ("09:12 Anna deleted…") leaves the next word at the line start.
                boolean number = Character.isDigit(c) && word.chars().allMatch(Character::isDigit);
                weak &= number;
                clause &= number;
                continue;
            }
            boolean opening = i == 0 || Character.isWhitespace(text.charAt(i - 1));
            switch (c) {
                case '.', '!', '?', '\u2026' -> {
                    if (endsSentence(text, i)) {
                        weak = true;
                        clause = true;
                    }
                }
                case '\n', ':', ';', '(', '[', '\u201c', '\u2018' -> {
                    weak = true;
                    clause = true;
                }
                case '"', '\'' -> {
                    weak |= opening;
                    clause |= c == '"' || opening;
                }
                case ',', ')', ']', '\u201d', '\u2013', '\u2014' -> clause = true;
                case '-' -> clause |= opening;
                default -> {
                }
            }
            i++;
        }
    }

    /** A stop, bang or ellipsis followed by space or the end, unless it closes an abbreviation or an initial. */
    private boolean endsSentence(String text, int i) {
        if (i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
            return false;
        }
        if (text.charAt(i) != '.' || words.isEmpty()) {
            return true;
        }
        Word last = words.get(words.size() - 1);
        return last.end() != i || !(last.text().length() == 1 || ABBREVIATIONS.contains(last.text()));
    }

    private static boolean capitalised(String text, int start, int end) {
        if (!Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        for (int i = start + 1; i < end; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
