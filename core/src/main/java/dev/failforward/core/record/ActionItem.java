package dev.failforward.core.record;

import dev.failforward.core.text.IsoDate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A next step drawn from a failure, with an effectiveness check-in: on {@code checkInDate} someone looks whether the
 * fix worked and records {@code checkInResult} ({@code null} = not checked yet) with a note.
 *
 * @param id            the stored item's id
 * @param recordIssueId the issue id of the {@link FailureRecord} it belongs to
 * @param ownerKey      the Jira user key of who owns it
 * @param version       the stored version; an edit passes the version it was based on ({@link ActionItemRepository#update})
 * @param followUpIssueId the Jira issue that carries the work ({@link ActionItemRepository#setFollowUp}), or
 *                      {@code null}; while it has one, the item is done when that issue is resolved
 * @param followUpKey   that issue's key as it was when linked (Jira is asked for the current one when shown), or
 *                      {@code null}; set together with {@code followUpIssueId}
 */
public record ActionItem(long id, long recordIssueId, String description, String ownerKey, LocalDate dueDate,
                         ActionType type, ActionStatus status, LocalDate checkInDate, CheckInResult checkInResult,
                         String checkInNote, Instant createdAt, Instant updatedAt, long version, Long followUpIssueId,
                         String followUpKey) {

    public static final int DESCRIPTION_MAX_LENGTH = 2000;
    public static final int NOTE_MAX_LENGTH = 2000;
    public static final int USER_KEY_MAX_LENGTH = 255;
    /** Jira issue keys are at most 255 characters (project key, dash, number). */
    public static final int FOLLOW_UP_KEY_MAX_LENGTH = 255;

    public ActionItem {
        Checks.positive(id, "id");
        Checks.positive(recordIssueId, "recordIssueId");
        Checks.text(description, DESCRIPTION_MAX_LENGTH, "description");
        Checks.text(ownerKey, USER_KEY_MAX_LENGTH, "ownerKey");
        Checks.required(dueDate, "dueDate");
        Checks.required(type, "type");
        Checks.required(status, "status");
        checkInNote = Checks.optionalText(checkInNote, NOTE_MAX_LENGTH, "checkInNote");
        Checks.required(createdAt, "createdAt");
        Checks.required(updatedAt, "updatedAt");
        if (!IsoDate.storable(dueDate) || checkInDate != null && !IsoDate.storable(checkInDate)) {
            throw new IllegalArgumentException("dates must be within " + IsoDate.MIN + ".." + IsoDate.MAX + ": dueDate "
                    + dueDate + ", checkInDate " + checkInDate);
        }
        if (checkInDate != null && checkInDate.isBefore(dueDate)) {
            throw new IllegalArgumentException("checkInDate " + checkInDate + " is before dueDate " + dueDate);
        }
        if (checkInResult != null && status != ActionStatus.DONE) {
            throw new IllegalArgumentException("checkInResult needs status DONE, not " + status);
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt " + updatedAt + " is before createdAt " + createdAt);
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
        if ((followUpIssueId == null) != (followUpKey == null)) {
            throw new IllegalArgumentException("followUpIssueId and followUpKey are set together: " + followUpIssueId
                    + ", " + followUpKey);
        }
        if (followUpIssueId != null) {
            Checks.positive(followUpIssueId, "followUpIssueId");
            Checks.text(followUpKey, FOLLOW_UP_KEY_MAX_LENGTH, "followUpKey");
        }
    }

    /** An item without a follow-up issue. */
    public ActionItem(long id, long recordIssueId, String description, String ownerKey, LocalDate dueDate,
                      ActionType type, ActionStatus status, LocalDate checkInDate, CheckInResult checkInResult,
                      String checkInNote, Instant createdAt, Instant updatedAt, long version) {
        this(id, recordIssueId, description, ownerKey, dueDate, type, status, checkInDate, checkInResult, checkInNote,
                createdAt, updatedAt, version, null, null);
    }

    /** Whether a Jira issue carries this item's work. */
    public boolean hasFollowUp() {
        return followUpIssueId != null;
    }

    /**
     * This item as its follow-up issue says: done when {@code resolved}, open again when not (a check-in result, which
     * needs a done item, is then cleared; its date and note stay). The same item when nothing changes.
     */
    public ActionItem followingResolution(boolean resolved, Instant now) {
        ActionStatus wanted = resolved ? ActionStatus.DONE : ActionStatus.OPEN;
        if (status == wanted) {
            return this;
        }
        Instant updated = now.isBefore(createdAt) ? createdAt : now;
        return new ActionItem(id, recordIssueId, description, ownerKey, dueDate, type, wanted, checkInDate,
                resolved ? checkInResult : null, checkInNote, createdAt, updated, version, followUpIssueId,
                followUpKey);
    }

    /** An action item not stored yet: {@link ActionItemRepository#add(Draft)} gives it an id and version 0. */
    public record Draft(long recordIssueId, String description, String ownerKey, LocalDate dueDate, ActionType type,
                        LocalDate checkInDate, Instant createdAt) {
        public Draft {
            // the same checks as a stored OPEN item
            new ActionItem(1, recordIssueId, description, ownerKey, dueDate, type, ActionStatus.OPEN, checkInDate,
                    null, null, createdAt, createdAt, 0);
        }

        public ActionItem withId(long id) {
            return new ActionItem(id, recordIssueId, description, ownerKey, dueDate, type, ActionStatus.OPEN,
                    checkInDate, null, null, createdAt, createdAt, 0);
        }
    }
}
