package dev.failforward.jira.failuredb;

import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemRepository;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.StaleEditException;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Follow-ups of action items: an action item handed to a Jira issue, new or existing, in a project the user chooses.
 * The issue is linked to the record's issue ("is a follow-up of"), its key stored on the item, and from then on the
 * item follows the issue's resolution ({@link #followResolution}: resolved → done, reopened → open), through the
 * projection that Jira's issue events drive. Editing the item's status directly stays allowed; the next resolution
 * change of the issue wins.
 *
 * <p>Permissions: Edit Issues on the record's project (as for any change of its action items), and the host's own
 * checks for the follow-up issue: Create Issues in the chosen project, Browse Projects for an existing issue.
 */
@Named
public class FollowUpService {

    /** Attempts when a concurrent edit moved the item's version on while the resolution was being applied. */
    static final int ATTEMPTS = 3;

    private final FailureDbService db;
    private final ActionItemRepository actions;
    private final FollowUpIssues issues;
    private final RecordChanges changes;
    private final Clock clock;

    @Inject
    public FollowUpService(FailureDbService db, ActionItemRepository actions, FollowUpIssues issues,
                           RecordChanges changes) {
        this(db, actions, issues, changes, Clock.systemUTC());
    }

    public FollowUpService(FailureDbService db, ActionItemRepository actions, FollowUpIssues issues,
                           RecordChanges changes, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.issues = Objects.requireNonNull(issues, "issues");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What a user asked for: a new issue in {@code project} (optionally of {@code issueType}, an issue type id), or
     * the existing {@code issue} (a key). Exactly one of {@code project} and {@code issue}.
     */
    public record Request(String project, String issueType, String issue) {
    }

    /**
     * Hands the action item to a Jira issue and returns the item as stored, naming its follow-up issue (and done at
     * once when an existing issue is already resolved).
     *
     * @throws FailureDbException.NotFound        the record or the item does not exist or is hidden
     * @throws FailureDbException.EditDenied      no Edit Issues on the record's project
     * @throws FailureDbException.FollowUpExists  the item already has a follow-up issue
     * @throws FailureDbException.BadField        {@code project} / {@code issue} / {@code issueType} cannot be used
     * @throws FailureDbException.FieldDenied     {@code project}: no Create Issues there
     */
    public ActionItem followUp(String recordIssueKey, long actionId, Request request) {
        Objects.requireNonNull(request, "request");
        FailureRecord record = db.editableRecord(recordIssueKey);
        ActionItem action = db.actionOf(record, actionId);
        if (action.hasFollowUp()) {
            throw new FailureDbException.FollowUpExists(action.followUpKey());
        }
        String project = blankToNull(request.project());
        String existing = blankToNull(request.issue());
        if (project != null && existing != null) {
            throw new FailureDbException.BadField("issue", "conflict", "failforward.followup.error.both");
        }
        if (project == null && existing == null) {
            throw new FailureDbException.BadField("project", "required", "failforward.followup.error.required");
        }
        FollowUpIssues.IssueRef issue;
        if (existing != null) {
            issue = issues.find(existing).orElseThrow(() -> new FailureDbException.BadField("issue", "unknown",
                    "failforward.followup.error.issue.unknown", existing));
            if (issue.id() == record.issueId()) {
                throw new FailureDbException.BadField("issue", "self", "failforward.followup.error.issue.self",
                        existing);
            }
            if (!actions.findByFollowUpIssue(issue.id()).stream()
                    .filter(other -> other.recordIssueId() == record.issueId()).toList().isEmpty()) {
                throw new FailureDbException.BadField("issue", "taken", "failforward.followup.error.issue.taken",
                        issue.key());
            }
        } else {
            issue = issues.create(new FollowUpIssues.NewIssue(project, blankToNull(request.issueType()),
                    FollowUpIssues.summaryOf(action.description()), action.ownerKey(), action.dueDate()));
        }
        ActionItem stored = actions.setFollowUp(action.id(), issue.id(), issue.key())
                .orElseThrow(() -> new FailureDbException.FollowUpExists(
                        actions.findById(action.id()).map(ActionItem::followUpKey).orElse(issue.key())));
        issues.link(issue.id(), record.issueId());
        // an existing issue may already be resolved: the item follows at once, as it will on every later change
        Optional<Boolean> resolved = existing == null ? Optional.empty() : issues.resolved(issue.id());
        ActionItem result = resolved.map(r -> apply(stored, r)).orElse(stored);
        changes.changed(record.issueId());
        return result;
    }

    /** The item's follow-up issue as the current user may see it, or empty when the item has none. */
    public Optional<FollowUpIssues.FollowUpView> view(ActionItem action) {
        if (!action.hasFollowUp()) {
            return Optional.empty();
        }
        return Optional.of(issues.view(action.followUpIssueId()).orElseGet(() -> new FollowUpIssues.FollowUpView(
                action.followUpKey(), issues.url(action.followUpKey()), null, null, false)));
    }

    /**
     * The projection's step for an issue Jira reported a change of: every action item whose follow-up it is becomes
     * done when it is resolved and open when it is not. Idempotent (an item already in that state is not written);
     * safe on every node at once (each write is optimistically locked, and the state written depends only on the
     * issue). Does nothing for an issue that is no item's follow-up (one indexed query) or that is gone.
     */
    public void followResolution(long issueId) {
        if (actions.findByFollowUpIssue(issueId).isEmpty()) {
            return;
        }
        Optional<Boolean> resolved = issues.resolved(issueId);
        if (resolved.isEmpty()) {
            return;
        }
        for (ActionItem item : actions.findByFollowUpIssue(issueId)) {
            ActionItem after = apply(item, resolved.get());
            if (after != item) {
                changes.changed(item.recordIssueId());
            }
        }
    }

    /** The item as the issue's resolution says, stored; re-read and tried again when someone saved meanwhile. */
    private ActionItem apply(ActionItem item, boolean resolved) {
        ActionItem current = item;
        for (int attempt = 1; ; attempt++) {
            ActionItem wanted = current.followingResolution(resolved, clock.instant());
            if (wanted == current) {
                return current;
            }
            try {
                return actions.update(wanted);
            } catch (StaleEditException e) {
                Optional<ActionItem> again = actions.findById(current.id());
                if (again.isEmpty() || attempt >= ATTEMPTS) {
                    throw e;
                }
                current = again.get();
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
