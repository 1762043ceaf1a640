package dev.failforward.jira.importing;

import dev.failforward.core.incident.IncidentStatus;
import dev.failforward.core.incident.IncidentTransition;
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

    /**
     * The incident workflow's actions an import walks, by their ids in {@code workflows/failforward-incident.xml}
     * (Jira keeps a loaded workflow's action ids).
     */
    Map<IncidentTransition, Integer> ACTIONS = Map.of(IncidentTransition.START_ANALYSIS, 11,
            IncidentTransition.REVIEW_LEARNINGS, 21, IncidentTransition.CLOSE, 31);

    /**
     * Moves an imported incident forward through its workflow as far as what it holds allows, as a user would on the
     * issue: Start analysis, Review learnings, then Close when the source says it was resolved (a past incident whose
     * end is unknown stays open). Each action's conditions and validators decide (the 5 whys and classification for
     * the review, the learnings and next steps for Close); the first refusal stops the walk. Never moves an issue back;
     * a re-import (only of a changed source) walks on from wherever the issue is, as far as the validators allow.
     *
     * @return the status reached and, when an action was refused, what it said
     */
    Advance advance(long issueId, boolean resolved);

    /** Where {@link #advance} left the incident, and why it stopped there (null when nothing refused). */
    record Advance(IncidentStatus status, String stoppedBy) {
    }

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
