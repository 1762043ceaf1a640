package dev.failforward.core.record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to the learnings of failure records. */
public interface LearningRepository {

    /** Stores a new learning and returns it with its id. */
    Learning add(Learning.Draft draft);

    Optional<Learning> findById(long id);

    /** The record's learnings, oldest first. */
    List<Learning> findByRecord(long recordIssueId);

    int countByRecord(long recordIssueId);

    /**
     * When the record's {@code limit} earliest learnings were recorded, earliest first (fewer when it has fewer): what
     * the 24-hour rule and the first-learning time need, read without loading every learning.
     */
    List<Instant> earliestTimes(long recordIssueId, int limit);

    /** Replaces text and kind of a stored learning; empty when it no longer exists. */
    Optional<Learning> update(Learning edited);

    boolean delete(long id);
}
