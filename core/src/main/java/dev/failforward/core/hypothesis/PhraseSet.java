package dev.failforward.core.hypothesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An immutable set of words and multi-word phrases ("at least", "number of") matched against tokens, longest first.
 * Phrases are written in lower case with single spaces between words; hyphens split words in the text, so
 * "user-friendly" is written "user friendly" and matches both spellings.
 */
final class PhraseSet {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+(?:'[\\p{L}]+)?");

    private final Set<String> phrases;
    /** Phrases by their first word, each list longest first. */
    private final Map<String, List<String[]>> byFirstWord;

    private PhraseSet(Set<String> phrases) {
        this.phrases = Collections.unmodifiableSet(phrases);
        Map<String, List<String[]>> index = new HashMap<>();
        for (String phrase : phrases) {
            String[] words = phrase.split(" ");
            index.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
        }
        index.values().forEach(list -> list.sort(Comparator.comparingInt((String[] words) -> words.length).reversed()));
        index.replaceAll((k, list) -> List.copyOf(list));
        this.byFirstWord = Map.copyOf(index);
    }

    /**
     * @throws IllegalArgumentException for a duplicate, or a phrase that is not lower-case words separated by single
     *                                  spaces (it could never match a token)
     */
    static PhraseSet of(String... phrases) {
        Set<String> set = new LinkedHashSet<>();
        for (String phrase : phrases) {
            for (String word : phrase.split(" ", -1)) {
                if (!WORD.matcher(word).matches() || !word.equals(word.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("not a lower-case phrase of words: '" + phrase + "'");
                }
            }
            if (!set.add(phrase)) {
                throw new IllegalArgumentException("duplicate phrase: '" + phrase + "'");
            }
        }
        return new PhraseSet(set);
    }

    Set<String> phrases() {
        return phrases;
    }

    boolean contains(String word) {
        return phrases.contains(word);
    }

    /**
     * The number of tokens of the longest phrase that starts at token {@code index} and ends before token
     * {@code limit}, or 0 when none does.
     */
    int matchAt(TokenizedText text, int index, int limit) {
        List<String[]> candidates = byFirstWord.get(text.word(index));
        if (candidates == null) {
            return 0;
        }
        for (String[] words : candidates) {
            if (index + words.length <= limit && matches(text, index, words)) {
                return words.length;
            }
        }
        return 0;
    }

    private static boolean matches(TokenizedText text, int index, String[] words) {
        for (int k = 1; k < words.length; k++) {
            if (!text.word(index + k).equals(words[k])) {
                return false;
            }
        }
        return true;
    }
}
