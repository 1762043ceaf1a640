package dev.failforward.jira.search.node;

import java.util.Optional;

/**
 * The issue text the failure database keeps for the search index only (implemented on Active Objects by
 * {@code persistence.AoRecordTextStore}): an experiment's or incident's description and "Contributing factors".
 */
public interface RecordTextStore {

    /** The text of one record. */
    record RecordText(String description, String contributingFactors) {
        public static final RecordText NONE = new RecordText(null, null);
    }

    /**
     * Stores the record's text when it differs from what is stored, with a search change row in the same transaction;
     * returns whether it wrote. Blank text is stored as absent.
     */
    boolean write(long issueId, RecordText text);

    Optional<RecordText> find(long issueId);

    /** Nothing is stored, nothing is written: for hosts and tests without the search index's text. */
    RecordTextStore NONE = new RecordTextStore() {
        @Override
        public boolean write(long issueId, RecordText text) {
            return false;
        }

        @Override
        public Optional<RecordText> find(long issueId) {
            return Optional.empty();
        }
    };
}
