package dev.failforward.jira.search.node;

import dev.failforward.jira.search.FailureSearchIndex;
import jakarta.inject.Named;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The search engine of this build: <b>the single switch point</b> for the index implementation, in the plugin and in
 * the preview alike. The embedded Lucene engine ({@code LuceneFailureIndex}, issue 14) is written on another branch;
 * until it is merged there is none, the node's index reports "unavailable" with {@link #REASON} and every search uses
 * SQL. Merging it means {@link #unavailable()} answering empty and {@link #open} returning the Lucene index.
 */
@Named
public class DefaultIndexEngine implements IndexEngine {

    static final String REASON = "no search engine in this build (the Lucene index of issue 14 is not merged yet)";

    @Override
    public Optional<String> unavailable() {
        return Optional.of(REASON);
    }

    @Override
    public FailureSearchIndex open(Path directory) throws IOException {
        throw new IOException(REASON);
    }
}
