package dev.failforward.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WhyChainTest {

    @Test
    void numberedWhysWithAnswersOnTheSameLine() {
        WhyChain chain = WhyChain.parse("""
                1. Why did the release fail? Because the database migration timed out.
                2. Why did it time out? Because the table had 40 million rows.
                3. Why was that not caught? Because staging holds 1% of production data.
                4. Why? Because refreshing staging data was never anyone's job.
                """);

        assertThat(chain.size()).isEqualTo(4);
        assertThat(chain.whys().get(0)).isEqualTo("Why did the release fail? Because the database migration timed out.");
        assertThat(chain.rootCause()).contains("Why? Because refreshing staging data was never anyone's job.");
        assertThat(chain.reachesRootCause()).isTrue();
    }

    @Test
    void answersOnTheirOwnLineJoinTheirWhy() {
        WhyChain chain = WhyChain.parse("""
                Problem: a patient fell on ward 7 at night.
                Why did the patient fall?
                Because they walked to the bathroom alone.
                Why alone?
                Because the call bell was out of reach.
                """);

        assertThat(chain.whys()).containsExactly(
                "Why did the patient fall? Because they walked to the bathroom alone.",
                "Why alone? Because the call bell was out of reach.");
        assertThat(chain.reachesRootCause()).isFalse();
        assertThat(chain.reachesRootCause(2)).isTrue();
    }

    @Test
    void severalWhysOnOneLine() {
        WhyChain chain = WhyChain.parse("Why did line 3 stop? The sensor failed. Why? It was never calibrated. "
                + "why not? Calibration is not in the maintenance plan; Why? Nobody owns the plan.");

        assertThat(chain.whys()).containsExactly("Why did line 3 stop? The sensor failed.",
                "Why? It was never calibrated.", "why not? Calibration is not in the maintenance plan;",
                "Why? Nobody owns the plan.");
    }

    @Test
    void answersOnlyCountOnePerLine() {
        WhyChain chain = WhyChain.parse("""
                - The invoice run sent duplicates
                - The job was started twice
                - The scheduler has no lock
                """);

        assertThat(chain.size()).isEqualTo(3);
        assertThat(chain.reachesRootCause()).isTrue();
        assertThat(chain.rootCause()).contains("The scheduler has no lock");
    }

    @Test
    void whyInsideASentenceOrWordDoesNotSplit() {
        WhyChain chain = WhyChain.parse("""
                Why did we miss the target? Nobody knew why the forecast was wrong.
                Whyte Ltd delivered late, which is why we missed it.
                """);

        assertThat(chain.whys()).containsExactly(
                "Why did we miss the target? Nobody knew why the forecast was wrong. "
                        + "Whyte Ltd delivered late, which is why we missed it.");
    }

    @Test
    void aWhyWithoutAnAnswerIsNoStep() {
        WhyChain chain = WhyChain.parse("""
                Why 1: the build broke
                Why 2: a dependency changed
                Why 3:
                Why?
                """);

        assertThat(chain.whys()).containsExactly("Why 1: the build broke", "Why 2: a dependency changed");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "5 whys:", "-\n*\n", "Why?\nWhy 2:"})
    void nothingWrittenIsAnEmptyChain(String text) {
        WhyChain chain = WhyChain.parse(text);

        assertThat(chain.size()).isZero();
        assertThat(chain.rootCause()).isEmpty();
        assertThat(chain.reachesRootCause()).isFalse();
        assertThat(chain.reachesRootCause(0)).isTrue();
    }

    @Test
    void valueIsValidatedAndImmutable() {
        assertThatThrownBy(() -> new WhyChain(List.of("a", " "))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WhyChain(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> WhyChain.parse("a").whys().add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(WhyChain.DEFAULT_ROOT_CAUSE_DEPTH).isEqualTo(3);
    }
}
