package dev.failforward.core.record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to the action items of failure records, with optimistic locking of edits. */
public interface ActionItemRepository {

    /** Stores a new, open item and returns it with its id and version 0. */
    ActionItem add(ActionItem.Draft draft);

    Optional<ActionItem> findById(long id);

    /** The record's items, by due date, then id. */
    List<ActionItem> findByRecord(long recordIssueId);

    /** When the record's {@code limit} earliest items were created, earliest first (fewer when it has fewer). */
    List<Instant> earliestCreatedTimes(long recordIssueId, int limit);

    /**
     * Stores an edit. {@code edited.version()} is the version the edit was based on; when the stored item has another
     * version (someone else saved in between) or is gone, nothing is written and {@link StaleEditException} is thrown.
     * Returns the stored item, its version one higher. Creation time and record cannot be changed.
     */
    ActionItem update(ActionItem edited);

    boolean delete(long id);

    /**
     * Names the Jira issue that carries the item's work, unless it already has one. Returns the stored item (its
     * version one higher), or empty when the item is gone or already has a follow-up issue: the first of two
     * concurrent calls wins.
     */
    Optional<ActionItem> setFollowUp(long id, long followUpIssueId, String followUpKey);

    /** The items whose follow-up issue is this one (usually one), by id. */
    List<ActionItem> findByFollowUpIssue(long followUpIssueId);
}
