package dev.failforward.core.record;

import java.util.List;
import java.util.Optional;

/**
 * Port to the failure database. Implementations store records by {@link FailureRecord#issueId()}; every method is
 * safe to repeat (the Jira projection may see the same event twice).
 */
public interface FailureRecordRepository {

    /**
     * Inserts the record, or replaces the stored one with the same issue id (also when the issue moved to another
     * project and changed its key). The incoming {@link FailureRecord#version()} is ignored: Jira is the system of
     * record, so the projection's write always wins. Returns what is stored: its version is 0 when inserted, one more
     * than before when a field changed, and unchanged when the same record is written again.
     */
    FailureRecord upsert(FailureRecord record);

    Optional<FailureRecord> findByIssueId(long issueId);

    Optional<FailureRecord> findByIssueKey(String issueKey);

    /**
     * The records whose {@link FailureRecord#pivotedFrom()} is {@code issueKey} (the experiments that pivoted from it),
     * oldest first (by issue id), at most {@code limit}.
     */
    List<FailureRecord> findPivotedFrom(String issueKey, int limit);

    /** Records of one project, newest first (by creation time, then issue id). */
    List<FailureRecord> findByProject(String projectKey, PageRequest page);

    int countByProject(String projectKey);

    /** One page of the records matching the query, in its order, with the total over all pages. */
    RecordPage search(RecordQuery query);

    /** How many records match the query (its sort and page are ignored). */
    int count(RecordQuery query);

    /**
     * Issue ids of the stored records, ascending, greater than {@code afterIssueId}, at most {@code limit}
     * ({@code 1..}{@link PageRequest#MAX_LIMIT}); {@code projectKey} {@code null} = all projects. For the backfill:
     * walk all ids in batches (pass the last id seen) and delete the records whose issue no longer exists.
     */
    List<Long> issueIds(String projectKey, long afterIssueId, int limit);

    /**
     * Removes the record of a deleted issue together with its learnings, action items and why steps; returns whether
     * a record was there.
     */
    boolean deleteByIssueId(long issueId);
}
