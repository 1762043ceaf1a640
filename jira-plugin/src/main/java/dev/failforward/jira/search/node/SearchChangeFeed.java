package dev.failforward.jira.search.node;

import java.util.List;

/**
 * The cluster's search change log as a node reads it (implemented on Active Objects by
 * {@code persistence.AoSearchChangeLog}): rows "this record's searchable data changed", in the order of their ids,
 * each with the writing node's clock. Readers never delete rows; {@link #purgeBefore} drops old ones.
 */
public interface SearchChangeFeed {

    /** One logged change. */
    record Change(long id, long issueId, long createdAt) {
    }

    /** Rows with an id above {@code afterId}, lowest first, at most {@code limit}. */
    List<Change> after(long afterId, int limit);

    /**
     * Rows created at or after {@code createdFrom} (epoch ms) with an id above {@code afterId} and at most {@code maxId}:
     * the ones the tail may have passed over because their transaction committed after a later one's. At most
     * {@code limit}, lowest id first.
     */
    List<Change> recentBetween(long createdFrom, long afterId, long maxId, int limit);

    /** The highest id in the log, or 0 when it is empty. */
    long maxId();

    /** Deletes rows created before {@code epochMillis}; returns how many. Idempotent, safe from several nodes at once. */
    int purgeBefore(long epochMillis);
}
