package dev.failforward.jira.archive;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.SourcePage;

import java.time.Instant;
import java.util.Objects;

/**
 * One learning found in the archive, with the few record fields a result list shows.
 *
 * @param retroPage the page the learning was captured on, or else the newest page another learning of the same record
 *                  was captured on (the record's retro); {@code null} when the record has none
 */
public record ArchivedLearning(long id, String text, LearningKind kind, Instant createdAt, RecordSummary record,
                               SourcePage retroPage) {

    public ArchivedLearning {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(record, "record");
    }

    /** The record a learning belongs to, as far as the archive shows it. */
    public record RecordSummary(String issueKey, String projectKey, String summary, RecordKind kind, String status,
                                FailureType failureType, FailureCategory category) {

        public RecordSummary {
            Objects.requireNonNull(issueKey, "issueKey");
            Objects.requireNonNull(projectKey, "projectKey");
        }
    }
}
