package dev.failforward.jira.similar;

import dev.failforward.jira.search.SearchableRecord;
import dev.failforward.jira.search.node.SearchableRecordSource;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A record's searchable text as the failure database holds it now: the same rows the index is built from. */
@Named
public class DatabaseRecordText implements RecordTextSource {

    private final SearchableRecordSource source;

    @Inject
    public DatabaseRecordText(SearchableRecordSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Optional<SearchableRecord> load(long issueId) {
        return Optional.ofNullable(source.load(List.of(issueId)).get(issueId));
    }
}
