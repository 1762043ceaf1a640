package dev.failforward.jira.archive;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.SourcePage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One learning found in the archive, with the few record fields a result list shows.
 *
 * @param retroPage the page the learning was captured on, or else the newest page another learning of the same record
 *                  was captured on (the record's retro); {@code null} when the record has none
 * @param highlight the learning's whole text cut into segments, those that matched the free text marked (their
 *                  concatenation is {@code text}); {@code null} when the search had no free text or its path does not
 *                  highlight (the SQL path). Plain text segments, never markup: whoever renders them escapes each one.
 */
public record ArchivedLearning(long id, String text, LearningKind kind, Instant createdAt, RecordSummary record,
                               SourcePage retroPage, List<Segment> highlight) {

    public ArchivedLearning {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(record, "record");
        highlight = highlight == null ? null : List.copyOf(highlight);
    }

    /** Without highlight. */
    public ArchivedLearning(long id, String text, LearningKind kind, Instant createdAt, RecordSummary record,
                            SourcePage retroPage) {
        this(id, text, kind, createdAt, record, retroPage, null);
    }

    /** A piece of the learning's text, and whether it matched the search. */
    public record Segment(String text, boolean match) {

        public Segment {
            Objects.requireNonNull(text, "text");
        }
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
