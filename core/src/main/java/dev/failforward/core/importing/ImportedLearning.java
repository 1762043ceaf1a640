package dev.failforward.core.importing;

import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import java.util.Objects;

/**
 * A learning found in a source: "what went well" gives {@link LearningKind#WENT_WELL}, "where we got lucky"
 * {@link LearningKind#GOT_LUCKY}, "what went wrong" and surprises {@link LearningKind#SURPRISE}, lessons learned and
 * takeaways {@link LearningKind#INSIGHT}.
 *
 * @param text   the learning, at most {@link Learning#TEXT_MAX_LENGTH} characters (longer text is cut by the importer)
 * @param source where it was found, e.g. {@code section "What went well" line 31}
 */
public record ImportedLearning(String text, LearningKind kind, String source) {

    public ImportedLearning {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is required");
        }
        if (text.length() > Learning.TEXT_MAX_LENGTH) {
            throw new IllegalArgumentException("text is longer than " + Learning.TEXT_MAX_LENGTH + " characters");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }
}
