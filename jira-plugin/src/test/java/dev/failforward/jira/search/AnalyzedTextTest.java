package dev.failforward.jira.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzedTextTest {

    private final FailureAnalyzer analyzer = new FailureAnalyzer();

    @Test
    void replaysWhatTheAnalyzerMakesOfTheTextEveryTime() throws IOException {
        String text = "The deployments of the certificate's renewal were skipped, and the pager didn't fire at 3:15.";
        List<String> analyzed = tokens(analyzer.tokenStream(IndexSchema.SUMMARY, text));
        AnalyzedText once = AnalyzedText.of(analyzer, IndexSchema.SUMMARY, text);

        assertThat(analyzed).as("stemmed, stop words dropped with their gaps kept")
                .contains("deploy+2", "certif+3", "pager+3");
        assertThat(tokens(once.replay())).isEqualTo(analyzed);
        assertThat(tokens(once.replay())).as("a second field gets the same tokens").isEqualTo(analyzed);
    }

    @Test
    void anEmptyOrStopWordOnlyTextHasNoTokens() throws IOException {
        assertThat(tokens(AnalyzedText.of(analyzer, IndexSchema.WHYS, "the and of").replay())).isEmpty();
        assertThat(tokens(AnalyzedText.of(analyzer, IndexSchema.WHYS, "").replay())).isEmpty();
    }

    /** Each token as term+position increment. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term + "+" + increment.getPositionIncrement());
            }
            stream.end();
        }
        return out;
    }
}
