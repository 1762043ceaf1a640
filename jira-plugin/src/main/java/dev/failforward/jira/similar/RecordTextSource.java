package dev.failforward.jira.similar;

import dev.failforward.jira.search.SearchableRecord;

import java.util.Optional;

/** A record's searchable text as the database holds it now (details, description, contributing factors). */
public interface RecordTextSource {

    Optional<SearchableRecord> load(long issueId);
}
