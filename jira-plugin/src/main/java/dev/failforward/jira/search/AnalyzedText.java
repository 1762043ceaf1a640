package dev.failforward.jira.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A text value analyzed once and indexed into several fields: a record's summary goes into its own field (positions,
 * for phrases) and into the combined {@link IndexSchema#SIMILAR_TEXT} field; a learning's text into the learning's
 * document, the record's {@code learnings} field and the combined field. Analysis (above all the stemmer) is most of
 * the cost of indexing, so each value is analyzed once and its tokens replayed for each field. The replay carries what
 * those fields index (term, position increment, so stop-word gaps and phrases come out as if analyzed again); no
 * offsets, which no text field indexes (highlighting re-analyzes the stored text).
 *
 * <p>Every text field but the issue key has the same analysis chain ({@link FailureAnalyzer}), which is what makes
 * the tokens of one field good for another.
 */
final class AnalyzedText {

    private final String[] terms;
    private final int[] increments;
    private final int count;

    private AnalyzedText(String[] terms, int[] increments, int count) {
        this.terms = terms;
        this.increments = increments;
        this.count = count;
    }

    static AnalyzedText of(Analyzer analyzer, String field, String text) {
        String[] terms = new String[16];
        int[] increments = new int[16];
        int count = 0;
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (count == terms.length) {
                    terms = Arrays.copyOf(terms, count * 2);
                    increments = Arrays.copyOf(increments, count * 2);
                }
                terms[count] = term.toString();
                increments[count] = increment.getPositionIncrement();
                count++;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return new AnalyzedText(terms, increments, count);
    }

    /** The tokens again, for one field (a new stream each time: indexing consumes it). */
    TokenStream replay() {
        return new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
            private int next;

            @Override
            public boolean incrementToken() {
                if (next == count) {
                    return false;
                }
                clearAttributes();
                term.setEmpty().append(terms[next]);
                increment.setPositionIncrement(increments[next]);
                next++;
                return true;
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                next = 0;
            }
        };
    }
}
