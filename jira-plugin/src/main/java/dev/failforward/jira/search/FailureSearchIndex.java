package dev.failforward.jira.search;

import dev.failforward.core.record.RecordPage;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.jira.archive.LearningArchivePage;
import dev.failforward.jira.archive.LearningQuery;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One node's full-text index of the failure database (an embedded Lucene index in the node's local home). The
 * database stays the source of truth: the index is rebuilt from it when missing, corrupt or of an older format, and
 * kept current by {@link #apply} from the cluster's change log. Thread-safe: searches run concurrently with one writer.
 *
 * <p>Every search takes the projects the user may browse inside the query (a permission boundary: an empty set finds
 * nothing). Searches are only to be asked while {@link #status()} is ready; callers fall back to SQL otherwise.
 */
public interface FailureSearchIndex extends Closeable {

    IndexStatus status();

    /**
     * Replaces the whole index by {@code records} and commits {@code cursor} with them. While it runs,
     * {@link #status()} is building with the percentage of {@code expected} done; {@code progress} receives the count
     * indexed so far.
     */
    void rebuild(Iterator<SearchableRecord> records, int expected, String cursor, IntConsumer progress)
            throws IOException;

    /**
     * Re-indexes each record as given (its current state) and removes {@code removedIssueIds}, then commits with
     * {@code cursor}, all or nothing; applying the same change twice is harmless.
     */
    void apply(List<SearchableRecord> current, Collection<Long> removedIssueIds, String cursor) throws IOException;

    /** The cursor committed with the index's last commit, or {@code null} for an empty or new index. */
    String cursor();

    /** The archive: learnings matching the query, newest first, with total, facets and highlighted snippets. */
    LearningArchivePage searchLearnings(LearningQuery query);

    /** Records whose text matches {@code query.text()} (the other filters as the SQL path applies them). */
    RecordPage searchRecords(RecordQuery query);

    /** Past records most like the query's text, best first. */
    List<SimilarMatch> similar(SimilarQuery query);
}
