package dev.failforward.jira.search;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.record.RecordKind;

import java.util.Objects;
import java.util.Set;

/**
 * "Have we failed like this before?": records whose weighted text (summary, description, hypothesis, 5 whys,
 * contributing factors, learnings) is most like {@code text}.
 *
 * @param projectKeys the projects the user may browse (a permission boundary: empty finds nothing)
 * @param project     boost records of this project, or {@code null}
 * @param kind        only records of this kind, or {@code null} for both
 * @param exclude     an issue key never to return (the issue being written), or {@code null}
 * @param component   boost records of this component, or {@code null}
 * @param category    boost records of this failure category, or {@code null}
 * @param max         1..{@link #MAX_RESULTS}
 */
public record SimilarQuery(String text, Set<String> projectKeys, String project, RecordKind kind, String exclude,
                           String component, FailureCategory category, int max) {

    public static final int MAX_RESULTS = 20;
    public static final int TEXT_MAX_LENGTH = 20_000;

    public SimilarQuery {
        Objects.requireNonNull(text, "text");
        projectKeys = Set.copyOf(projectKeys);
        if (max < 1 || max > MAX_RESULTS) {
            throw new IllegalArgumentException("max must be 1.." + MAX_RESULTS);
        }
    }
}
