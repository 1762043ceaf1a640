package dev.failforward.core.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Words and sentences, with offsets into the original text. */
class TokenizedTextTest {

    @Test
    void keepsOffsetsAndLowerCasesEachCharacter() {
        TokenizedText text = TokenizedText.of("  If WE don’t, 4.5% of 1,000 İs p95.");

        // Character by character, so "İ" (which String#toLowerCase makes two chars) stays one and offsets hold.
        assertThat(words(text)).containsExactly("if", "we", "don't", "4.5", "of", "1,000", "is", "p95");
        Token dont = text.get(2);
        assertThat(text.text().substring(dont.start(), dont.end())).isEqualTo("don’t");
        assertThat(text.get(0).start()).isEqualTo(2);
    }

    @Test
    void hyphensAndSlashesSplitWords() {
        assertThat(words(TokenizedText.of("pre-deploy A/B sign-ups")))
                .containsExactly("pre", "deploy", "a", "b", "sign", "ups");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            One. Two.                        | One.,Two.
            One! Two? Three                  | One!,Two?,Three
            Rises to 4.5. Then more          | Rises to 4.5.,Then more
            Use e.g. Jira. Then more         | Use e.g. Jira.,Then more
            Stuff etc. and more              | Stuff etc. and more
            Ends. lower case continues       | Ends. lower case continues
            Line one\\nline two              | Line one\\nline two
            Para one\\n\\nPara two           | Para one,Para two
            """)
    void splitsSentences(String input, String expected) {
        String raw = input.replace("\\n", "\n");
        TokenizedText text = TokenizedText.of(raw);

        List<String> sentences = new ArrayList<>();
        int start = 0;
        while (start < raw.length()) {
            int end = text.sentenceEndAfter(start);
            sentences.add(raw.substring(start, end).strip());
            start = end;
        }
        sentences.removeIf(String::isEmpty);
        assertThat(String.join(",", sentences)).isEqualTo(expected.replace("\\n", "\n"));
    }

    @Test
    void marksSentenceAndLineStarts() {
        TokenizedText text = TokenizedText.of("If we pair. Bugs drop\n- because reviews");

        assertThat(text.get(0).sentenceStart()).isTrue();
        assertThat(text.get(3).word()).isEqualTo("bugs");
        assertThat(text.get(3).sentenceStart()).isTrue();
        assertThat(text.get(4).sentenceStart()).isFalse();
        assertThat(text.get(5).word()).isEqualTo("because");
        assertThat(text.get(5).lineStart()).isTrue();
        assertThat(text.get(5).sentenceStart()).isFalse();
    }

    @Test
    void findsTokensAndSentenceBoundsByOffset() {
        TokenizedText text = TokenizedText.of("Ab cd. Ef");

        assertThat(text.firstTokenFrom(0)).isZero();
        assertThat(text.firstTokenFrom(1)).isEqualTo(1);
        assertThat(text.firstTokenFrom(99)).isEqualTo(3);
        assertThat(text.sentenceEndAfter(0)).isEqualTo(6);
        assertThat(text.sentenceEndAfter(6)).isEqualTo(9);
        assertThat(text.sentenceStartBefore(8)).isEqualTo(6);
        assertThat(text.sentenceStartBefore(2)).isZero();
        assertThat(text.word(-1)).isEmpty();
        assertThat(text.word(3)).isEmpty();
    }

    @Test
    void recognisesNumeralsButNotOrdinalsOrCodes() {
        TokenizedText text = TokenizedText.of("15 4.5 2x 10k 2nd 3rd q3 p95 2026 1999 2100");

        assertThat(text.get(0).isNumeral()).isTrue();
        assertThat(text.get(1).isNumeral()).isTrue();
        assertThat(text.get(2).isNumeral()).isTrue();
        assertThat(text.get(3).isNumeral()).isTrue();
        assertThat(text.get(4).isNumeral()).isFalse();
        assertThat(text.get(5).isNumeral()).isFalse();
        assertThat(text.get(6).isNumeral()).isFalse();
        assertThat(text.get(7).isNumeral()).isFalse();
        assertThat(text.get(8).isYear()).isTrue();
        assertThat(text.get(9).isYear()).isTrue();
        assertThat(text.get(10).isYear()).isFalse();
        assertThat(text.get(0).isYear()).isFalse();
    }

    private static List<String> words(TokenizedText text) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            words.add(text.word(i));
        }
        return words;
    }
}
