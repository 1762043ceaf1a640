package dev.failforward.jira.recurrence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * "Recurrence of OPS-12?": the incident {@code issueId} may repeat the earlier failure {@code pastIssueKey}.
 *
 * @param score   the similarity that raised it (0..1)
 * @param reasons shared terms and fields, most telling first
 */
public record RecurrenceSuggestion(long id, long issueId, String projectKey, long pastIssueId, String pastIssueKey,
                                   double score, List<String> reasons, State state, String decidedBy,
                                   Instant decidedAt, Instant createdAt) {

    public enum State { PENDING, CONFIRMED, DISMISSED }

    public RecurrenceSuggestion {
        Objects.requireNonNull(pastIssueKey, "pastIssueKey");
        Objects.requireNonNull(state, "state");
        reasons = List.copyOf(reasons);
    }

    /** A suggestion about to be stored. */
    public record Draft(long issueId, String projectKey, long pastIssueId, String pastIssueKey, double score,
                        List<String> reasons, Instant createdAt) {

        public Draft {
            reasons = List.copyOf(reasons);
        }
    }
}
