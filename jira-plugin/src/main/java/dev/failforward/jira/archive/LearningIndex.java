package dev.failforward.jira.archive;

import java.util.Optional;

/**
 * The archive's view of this node's search index (implemented by {@code search.node.NodeSearchIndex}): the answer
 * from the index when it is ready and answers, else empty and the caller asks SQL ({@link LearningArchive}). Owned
 * here so the archive does not depend on the search packages, which depend on it.
 */
public interface LearningIndex {

    Optional<LearningArchivePage> searchLearnings(LearningQuery query);

    /** No index: always SQL. */
    LearningIndex NONE = query -> Optional.empty();
}
