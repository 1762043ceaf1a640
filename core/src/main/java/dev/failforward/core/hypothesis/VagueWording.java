package dev.failforward.core.hypothesis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds weasel words anywhere in the text, one finding per occurrence, with the vocabulary phrase as the message
 * argument (the exact characters are {@code text.substring(start, end)}).
 */
final class VagueWording {

    private VagueWording() {
    }

    static List<Finding> scan(TokenizedText t) {
        List<Finding> findings = new ArrayList<>();
        boolean[] numberInSentence = numberInSentence(t);
        for (int i = 0; i < t.size(); ) {
            int length = Vocabulary.VAGUE.matchAt(t, i, t.size());
            if (length == 0) {
                length = Vocabulary.VAGUE_WITHOUT_NUMBER.matchAt(t, i, t.size());
                if (length > 0 && numberInSentence[i]) {
                    length = 0;
                }
            }
            if (length == 0) {
                i++;
                continue;
            }
            StringBuilder phrase = new StringBuilder(t.word(i));
            for (int k = i + 1; k < i + length; k++) {
                phrase.append(' ').append(t.word(k));
            }
            findings.add(Finding.at(FindingCode.VAGUE_WORDING, t.get(i).start(), t.get(i + length - 1).end(),
                    phrase.toString()));
            i += length;
        }
        return findings;
    }

    /**
     * For each token, whether its sentence contains a number: "significantly (by 30%)" commits to a figure, and the
     * figure may stand anywhere in the same sentence. One pass, so a text full of intensifiers stays linear.
     */
    private static boolean[] numberInSentence(TokenizedText t) {
        boolean[] result = new boolean[t.size()];
        int first = 0;
        while (first < t.size()) {
            int sentenceEnd = t.sentenceEndAfter(t.get(first).start());
            int next = first;
            boolean number = false;
            while (next < t.size() && t.get(next).start() < sentenceEnd) {
                number |= t.get(next).isNumeral() || Vocabulary.NUMBER_WORDS.contains(t.word(next));
                next++;
            }
            Arrays.fill(result, first, next, number);
            first = next;
        }
        return result;
    }
}
