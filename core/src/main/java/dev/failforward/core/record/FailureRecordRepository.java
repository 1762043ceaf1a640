package dev.failforward.core.record;

import java.util.List;
import java.util.Optional;

/**
 * Port to the failure database. Implementations store records by {@link FailureRecord#issueId()}; every method is
 * safe to repeat (the Jira projection may see the same event twice).
 */
public interface FailureRecordRepository {

    /** Inserts the record, or replaces the stored one with the same issue id. Returns what is stored. */
    FailureRecord upsert(FailureRecord record);

    Optional<FailureRecord> findByIssueId(long issueId);

    Optional<FailureRecord> findByIssueKey(String issueKey);

    /** Records of one project, newest first (by creation time, then issue id). */
    List<FailureRecord> findByProject(String projectKey, PageRequest page);

    int countByProject(String projectKey);

    /** Removes the record of a deleted issue; returns whether one was there. */
    boolean deleteByIssueId(long issueId);
}
