package dev.failforward.core.record;

import java.time.Instant;

/**
 * A learning drawn from an experiment or incident, stored with its record.
 *
 * @param id             the stored learning's id
 * @param recordIssueId  the issue id of the {@link FailureRecord} it belongs to
 * @param text           what was learned, at most {@link #TEXT_MAX_LENGTH} characters
 * @param authorKey      the Jira user key of who wrote it
 * @param source         the page it was written down on (a Confluence retro), or {@code null}
 */
public record Learning(long id, long recordIssueId, String text, LearningKind kind, String authorKey,
                       Instant createdAt, SourcePage source) {

    public static final int TEXT_MAX_LENGTH = 2000;
    public static final int USER_KEY_MAX_LENGTH = 255;

    public Learning {
        Checks.positive(id, "id");
        Checks.positive(recordIssueId, "recordIssueId");
        Checks.text(text, TEXT_MAX_LENGTH, "text");
        Checks.required(kind, "kind");
        Checks.text(authorKey, USER_KEY_MAX_LENGTH, "authorKey");
        Checks.required(createdAt, "createdAt");
    }

    /** A learning written in Jira itself (no source page). */
    public Learning(long id, long recordIssueId, String text, LearningKind kind, String authorKey, Instant createdAt) {
        this(id, recordIssueId, text, kind, authorKey, createdAt, null);
    }

    /** The same learning with new text and kind (the author, creation time and source page stay). */
    public Learning edited(String newText, LearningKind newKind) {
        return new Learning(id, recordIssueId, newText, newKind, authorKey, createdAt, source);
    }

    /**
     * A learning not stored yet: {@link LearningRepository#add(Draft)} gives it an id.
     */
    public record Draft(long recordIssueId, String text, LearningKind kind, String authorKey, Instant createdAt,
                        SourcePage source) {
        public Draft {
            Checks.positive(recordIssueId, "recordIssueId");
            Checks.text(text, TEXT_MAX_LENGTH, "text");
            Checks.required(kind, "kind");
            Checks.text(authorKey, USER_KEY_MAX_LENGTH, "authorKey");
            Checks.required(createdAt, "createdAt");
        }

        /** A draft written in Jira itself (no source page). */
        public Draft(long recordIssueId, String text, LearningKind kind, String authorKey, Instant createdAt) {
            this(recordIssueId, text, kind, authorKey, createdAt, null);
        }

        public Learning withId(long id) {
            return new Learning(id, recordIssueId, text, kind, authorKey, createdAt, source);
        }
    }
}
