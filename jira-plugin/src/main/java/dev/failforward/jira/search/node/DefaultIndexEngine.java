package dev.failforward.jira.search.node;

import dev.failforward.jira.search.FailureSearchIndex;
import dev.failforward.jira.search.LuceneFailureIndex;
import jakarta.inject.Named;

import java.nio.file.Path;

/**
 * The search engine of this build: <b>the single switch point</b> for the index implementation, in the plugin and in
 * the preview alike: the embedded Lucene index ({@link LuceneFailureIndex}), inlined privately into the bundle.
 * Opening never throws for what is in the directory: a missing, corrupt or older-format index opens with status
 * {@code NEEDS_REBUILD}, and {@link NodeSearchIndex} rebuilds it from the database.
 */
@Named
public class DefaultIndexEngine implements IndexEngine {

    @Override
    public FailureSearchIndex open(Path directory) {
        return LuceneFailureIndex.open(directory);
    }
}
