package dev.failforward.jira.search;

import dev.failforward.jira.archive.ArchivedLearning;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into plain segments, marking the words whose analyzed form the query looks for: "Deployments failed"
 * with a search for {@code deploy} gives [{"Deployments", match}, {" failed", no match}]. Segments are never markup;
 * concatenated they are the text, unchanged.
 */
final class Highlights {

    private Highlights() {
    }

    static List<ArchivedLearning.Segment> segments(Analyzer analyzer, String field, String text,
                                                   QueryLanguage.Matches matches) {
        List<ArchivedLearning.Segment> segments = new ArrayList<>();
        int done = 0;
        if (!matches.isEmpty()) {
            try (TokenStream tokens = analyzer.tokenStream(field, text)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    int start = offset.startOffset();
                    int end = offset.endOffset();
                    if (start < done || end > text.length() || !matches.matches(term.toString())) {
                        continue;
                    }
                    if (start > done) {
                        segments.add(new ArchivedLearning.Segment(text.substring(done, start), false));
                    }
                    segments.add(new ArchivedLearning.Segment(text.substring(start, end), true));
                    done = end;
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (done < text.length()) {
            segments.add(new ArchivedLearning.Segment(text.substring(done), false));
        }
        return segments;
    }
}
