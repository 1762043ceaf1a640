package dev.failforward.core.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhraseSetTest {

    private final PhraseSet set = PhraseSet.of("at", "at least", "at least one", "lead time", "don't");

    @Test
    void matchesTheLongestPhraseAtAToken() {
        TokenizedText text = TokenizedText.of("At least one, at least, at most, At-Least-One");

        assertThat(set.matchAt(text, 0, text.size())).isEqualTo(3);
        assertThat(set.matchAt(text, 3, text.size())).isEqualTo(2);
        assertThat(set.matchAt(text, 5, text.size())).isEqualTo(1);
        assertThat(set.matchAt(text, 7, text.size())).isEqualTo(3);
    }

    @Test
    void doesNotMatchAcrossTheLimit() {
        TokenizedText text = TokenizedText.of("at least one");

        assertThat(set.matchAt(text, 0, 2)).isEqualTo(2);
        assertThat(set.matchAt(text, 0, 1)).isEqualTo(1);
    }

    @Test
    void returnsZeroWhenNothingStartsThere() {
        TokenizedText text = TokenizedText.of("lead lag time");

        assertThat(set.matchAt(text, 0, text.size())).isZero();
        assertThat(set.matchAt(text, 2, text.size())).isZero();
        assertThat(set.matchAt(text, 9, text.size())).isZero();
    }

    @Test
    void matchesApostrophesOfEitherKind() {
        assertThat(set.matchAt(TokenizedText.of("Don’t"), 0, 1)).isEqualTo(1);
        assertThat(set.matchAt(TokenizedText.of("don't"), 0, 1)).isEqualTo(1);
    }

    @Test
    void exposesItsPhrasesReadOnly() {
        assertThat(set.phrases()).containsExactly("at", "at least", "at least one", "lead time", "don't");
        assertThat(set.contains("lead time")).isTrue();
        assertThat(set.contains("lead")).isFalse();
        assertThatThrownBy(() -> set.phrases().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "At least", "at  least", "at least ", "user-friendly", "e.g.", "50%"})
    void rejectsPhrasesThatCouldNeverMatch(String phrase) {
        assertThatThrownBy(() -> PhraseSet.of(phrase)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsDuplicates() {
        assertThatThrownBy(() -> PhraseSet.of("rate", "rate")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rate");
    }
}
