package dev.failforward.jira.failuredb;

import dev.failforward.core.record.RecordPage;
import dev.failforward.core.record.RecordQuery;

import java.util.Optional;

/**
 * The record text search's view of this node's search index (implemented by {@code search.node.NodeSearchIndex}):
 * the answer from the index when it is ready and answers, else empty and the caller asks SQL. Owned here so the
 * failure database does not depend on the search packages, which depend on it.
 */
public interface RecordTextIndex {

    Optional<RecordPage> searchRecords(RecordQuery query);

    /** No index: always SQL. */
    RecordTextIndex NONE = query -> Optional.empty();
}
