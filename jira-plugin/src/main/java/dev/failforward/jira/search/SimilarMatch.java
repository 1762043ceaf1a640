package dev.failforward.jira.search;

import java.util.List;
import java.util.Objects;

/**
 * One similar past record.
 *
 * @param score   relevance, higher is more similar (comparable only within one answer)
 * @param reasons why it matched: shared terms as written in the record ("certificate", "expired") and fields
 *                ("same component", "same category"), most telling first
 */
public record SimilarMatch(long issueId, String issueKey, String projectKey, String summary, double score,
                           List<String> reasons) {

    public SimilarMatch {
        Objects.requireNonNull(issueKey, "issueKey");
        reasons = List.copyOf(reasons);
    }
}
