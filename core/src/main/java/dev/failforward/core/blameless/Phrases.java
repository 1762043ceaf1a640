package dev.failforward.core.blameless;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An immutable set of words and multi-word phrases matched against {@link Words}, longest first. Phrases are lower
 * case with single spaces; hyphens split words in the text, so "double checked" also matches "double-checked".
 */
final class Phrases {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+(?:'[\\p{L}]+)?");

    private final Set<String> phrases;
    /** Phrases by their first word, each list longest first. */
    private final Map<String, List<String[]>> byFirstWord;

    private Phrases(Set<String> phrases) {
        this.phrases = Set.copyOf(phrases);
        Map<String, List<String[]>> index = new HashMap<>();
        for (String phrase : phrases) {
            String[] words = phrase.split(" ");
            index.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
        }
        index.values().forEach(list -> list.sort(Comparator.comparingInt((String[] w) -> w.length).reversed()));
        index.replaceAll((k, list) -> List.copyOf(list));
        this.byFirstWord = Map.copyOf(index);
    }

    /** Built-in lists: phrases must already be normalised; a typo fails the class initialisation loudly. */
    static Phrases of(String... phrases) {
        return of(Arrays.asList(phrases), false);
    }

    /**
     * @param normalise lower-case, turn hyphens into spaces and collapse white space first (for callers' phrases)
     * @throws IllegalArgumentException for a phrase that is not words separated by spaces (it could never match)
     */
    static Phrases of(Collection<String> phrases, boolean normalise) {
        Set<String> set = new LinkedHashSet<>();
        for (String raw : phrases) {
            String phrase = normalise && raw != null ? normalise(raw) : raw;
            if (phrase == null || !Arrays.stream(phrase.split(" ", -1)).allMatch(w -> WORD.matcher(w).matches())
                    || !phrase.equals(phrase.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not a phrase of lower-case words: '" + raw + "'");
            }
            set.add(phrase);
        }
        return new Phrases(set);
    }

    private static String normalise(String raw) {
        return raw.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('-', ' ').strip().replaceAll("\\s+", " ");
    }

    Phrases plus(Phrases more) {
        Set<String> all = new LinkedHashSet<>(phrases);
        all.addAll(more.phrases);
        return new Phrases(all);
    }

    boolean contains(String word) {
        return phrases.contains(word);
    }

    /** The number of words of the longest phrase that starts at word {@code index}, or 0 when none does. */
    int match(Words words, int index) {
        List<String[]> candidates = byFirstWord.get(words.word(index));
        if (candidates == null) {
            return 0;
        }
        for (String[] phrase : candidates) {
            if (matches(words, index, phrase)) {
                return phrase.length;
            }
        }
        return 0;
    }

    private static boolean matches(Words words, int index, String[] phrase) {
        for (int k = 1; k < phrase.length; k++) {
            if (!words.word(index + k).equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }
}
