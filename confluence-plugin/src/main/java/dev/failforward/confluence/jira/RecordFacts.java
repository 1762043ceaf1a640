package dev.failforward.confluence.jira;

import java.time.Instant;
import java.util.List;

/**
 * The fields of an experiment or incident a Confluence page shows (a retro prefilled from Jira, an archive entry): a
 * subset of Jira's {@code Record} JSON. Names are Jira's lower-case spellings ({@code kind}: {@code experiment} or
 * {@code incident}); absent values are null, {@code labels} is never null. An incident's times: discovered, reported,
 * resolved; an experiment's: started, decided.
 */
public record RecordFacts(String issueKey, String projectKey, String kind, String summary, String status, String phase,
                          String hypothesis, String successCriteria, String stopCriteria, String outcome,
                          String decision, String failureType, String failureCategory, String failureMode, String team,
                          String component, List<String> labels, Instant discoveredAt, Instant reportedAt,
                          Instant resolvedAt, Instant startedAt, Instant decidedAt, Instant createdAt,
                          Instant updatedAt) {

    public RecordFacts {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
