package dev.failforward.jira.search.node;

import dev.failforward.jira.search.FailureSearchIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the search index implementation in a directory: the one place where the engine is chosen
 * ({@link DefaultIndexEngine}). {@link NodeSearchIndex} opens it at start, again after a failure, and on a fresh
 * directory when the old one could not be opened.
 */
public interface IndexEngine {

    /** Why this build cannot keep an index at all (searches then always use SQL), or empty. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /**
     * Opens (creating if needed) the index in {@code directory}. An index of an older format, or one that cannot be
     * read, opens with status {@code NEEDS_REBUILD} or throws; the caller then starts afresh in an empty directory.
     */
    FailureSearchIndex open(Path directory) throws IOException;
}
