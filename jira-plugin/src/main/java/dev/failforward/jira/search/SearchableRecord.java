package dev.failforward.jira.search;

import dev.failforward.jira.failuredb.RecordDetails;

import java.util.Objects;

/**
 * What the search index holds of one record: its failure-database details (record, learnings, action items, 5 whys)
 * plus the issue's free text that the projection does not keep as columns.
 *
 * @param description         the issue's description, or {@code null}
 * @param contributingFactors the incident's "Contributing factors" field (one per line), or {@code null}
 */
public record SearchableRecord(RecordDetails details, String description, String contributingFactors) {

    public SearchableRecord {
        Objects.requireNonNull(details, "details");
    }

    public long issueId() {
        return details.record().issueId();
    }
}
