package dev.failforward.core.record;

import java.util.List;

/** Port to the "5 whys" of failure records. A chain is always written whole. */
public interface WhyStepRepository {

    /**
     * Replaces the record's chain with {@code steps} (positions 1..n, all of that record; may be empty to clear it),
     * in one transaction. Returns the stored chain.
     */
    List<WhyStep> replaceAll(long recordIssueId, List<WhyStep> steps);

    /** The record's chain by position. */
    List<WhyStep> findByRecord(long recordIssueId);
}
