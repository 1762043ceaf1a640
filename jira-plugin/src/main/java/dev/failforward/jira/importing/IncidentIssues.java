package dev.failforward.jira.importing;

import dev.failforward.jira.failuredb.FollowUpIssues.IssueRef;
import dev.failforward.jira.fields.FailForwardField;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The Incident issues an import creates and updates, as the importing user, through the host's issue service (Jira's
 * {@code IssueService}: permissions, field validation, the issue-created event and its notifications).
 */
public interface IncidentIssues {

    /**
     * Creates an Incident issue in the project.
     *
     * @throws dev.failforward.jira.failuredb.FailureDbException.BadField    {@code project} unknown or hidden, or a
     *                                                                       field the host refused (named as it names it)
     * @throws dev.failforward.jira.failuredb.FailureDbException.FieldDenied {@code project}: no Create Issues there
     */
    IssueRef create(String projectKey, IncidentDraft draft);

    /** Writes the draft's fields over the issue's (a re-import of the same source). */
    void update(long issueId, IncidentDraft draft);

    /** Deletes an issue this import created and could not finish (nothing half-written stays). */
    void delete(long issueId);

    /**
     * Links a Confluence page to the issue as its retro page: a remote link with the relationship "Wiki Page" to a
     * Confluence application (what {@code RetroPageLinks} reads), unless the issue has a link to that address already.
     * Never fails the import: a link the host refuses (linking off, no Link Issues permission) is logged and skipped.
     */
    void linkRetroPage(long issueId, String url, String title);

    /** The issue's current key, when it still exists and the user may browse it. */
    java.util.Optional<String> key(long issueId);

    /**
     * What an import writes on an Incident issue.
     *
     * @param summary     the issue summary (at most 255 characters)
     * @param description Jira's description: the post-mortem's text that has no field of its own
     * @param texts       text fields (impact, 5 whys one per line, contributing factors)
     * @param times       date-time fields (discovered, reported, resolved)
     * @param options     select fields by their stable option value (failure category, failure type)
     */
    record IncidentDraft(String summary, String description, Map<FailForwardField, String> texts,
                         Map<FailForwardField, Instant> times, Map<FailForwardField, String> options) {

        public IncidentDraft {
            Objects.requireNonNull(summary, "summary");
            texts = Map.copyOf(texts);
            times = Map.copyOf(times);
            options = Map.copyOf(options);
        }
    }
}
