package dev.failforward.jira.search.node;

import dev.failforward.jira.search.SearchableRecord;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads what the search index holds of records, from the failure database as it is now (implemented on Active Objects
 * by {@code persistence.AoSearchableRecordSource}): one query per table per call, never one per record.
 */
public interface SearchableRecordSource {

    /** Records per {@link #page} the rebuild asks for (and the most {@link #load} takes at once). */
    int BATCH = 500;

    /** The current state of these records; an id without a record (removed, never ours) is absent from the map. */
    Map<Long, SearchableRecord> load(Collection<Long> issueIds);

    /** Up to {@code limit} records with an issue id above {@code afterIssueId}, by issue id. */
    List<SearchableRecord> page(long afterIssueId, int limit);

    /** How many records there are (for a rebuild's percentage). */
    int count();
}
