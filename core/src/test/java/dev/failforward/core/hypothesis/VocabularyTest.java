package dev.failforward.core.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The word lists stay consistent with each other, and deliberate omissions stay omitted. */
class VocabularyTest {

    @Test
    void verbsThatOpenABeliefOutcomeAlsoCountAsDirection() {
        assertThat(Vocabulary.DIRECTIONS.phrases()).containsAll(Vocabulary.DIRECTION_VERBS.phrases());
    }

    @Test
    void intensifiersAreNotAlsoAlwaysVague() {
        assertThat(intersection(Vocabulary.VAGUE.phrases(), Vocabulary.VAGUE_WITHOUT_NUMBER.phrases())).isEmpty();
    }

    @Test
    void beliefConnectorsStartWithAModalOrAResultVerb() {
        assertThat(Vocabulary.BELIEF_CONNECTORS.phrases())
                .allMatch(p -> Vocabulary.MODALS.contains(p.split(" ")[0])
                        || p.startsWith("result") || p.startsWith("lead"));
    }

    @Test
    void ambiguousWordsAreLeftOutOnPurpose() {
        assertThat(Vocabulary.TIME_POINTS.contains("may")).as("'may' is mostly the verb").isFalse();
        assertThat(Vocabulary.NUMBER_WORDS.contains("one")).as("'one' is mostly a pronoun").isFalse();
        assertThat(Vocabulary.TIME_UNITS.contains("hours")).as("hours measure, they do not date").isFalse();
        assertThat(Vocabulary.VAGUE.contains("improve")).as("'improve' is a direction; only 'improve things' is vague")
                .isFalse();
    }

    @Test
    void thresholdPhrasesWinOverTheirDirectionWords() {
        TokenizedText text = TokenizedText.of("lower than more than");

        assertThat(Vocabulary.THRESHOLDS.matchAt(text, 0, text.size()))
                .isGreaterThan(Vocabulary.DIRECTIONS.matchAt(text, 0, text.size()));
        assertThat(Vocabulary.THRESHOLDS.matchAt(text, 2, text.size()))
                .isGreaterThan(Vocabulary.DIRECTIONS.matchAt(text, 2, text.size()));
    }

    @Test
    void becauseIsAMarkerNotALabel() {
        assertThat(Vocabulary.RATIONALE_MARKERS.contains("since")).isTrue();
        assertThat(Vocabulary.RATIONALE_MARKERS.contains("because")).isTrue();
        assertThat(Vocabulary.RATIONALE_LABELS.contains("because")).as("'Because:' is matched as a marker").isFalse();
    }

    @Test
    void theSpecifiedWordsArePresent() {
        assertThat(Vocabulary.THRESHOLDS.phrases()).contains("below", "above", "at least", "at most", "under", "over",
                "more than", "fewer than", "less than", "within", "exceeds");
        assertThat(Vocabulary.DIRECTIONS.phrases()).contains("increase", "decrease", "drop", "rise", "reduce", "grow",
                "fall", "improve", "double", "halve", "cut");
        assertThat(Vocabulary.METRICS.phrases()).contains("rate", "time", "count", "number of", "conversion", "latency",
                "errors", "failures", "churn", "revenue", "nps", "tickets", "p95");
        assertThat(Vocabulary.VAGUE.phrases()).contains("better", "improve things", "somehow", "some", "a lot",
                "maybe", "probably", "hopefully", "etc", "stuff", "nicer", "good", "optimal", "synergy", "seamless");
        assertThat(Vocabulary.VAGUE_WITHOUT_NUMBER.phrases()).contains("significantly", "more efficient");
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
