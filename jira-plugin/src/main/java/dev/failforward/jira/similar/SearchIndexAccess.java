package dev.failforward.jira.similar;

import dev.failforward.jira.search.FailureSearchIndex;
import dev.failforward.jira.search.IndexStatus;

import java.util.Optional;

/** This node's search index as the features built on it see it: there and ready, or not (with why and how far). */
public interface SearchIndexAccess {

    /** The index when it can answer searches now. */
    Optional<FailureSearchIndex> whenReady();

    IndexStatus status();
}
