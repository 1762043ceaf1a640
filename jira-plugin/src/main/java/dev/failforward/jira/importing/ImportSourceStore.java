package dev.failforward.jira.importing;

import java.time.Instant;
import java.util.Optional;

/**
 * Which issue each imported source became: a re-import of the same source (same project, same stable source key)
 * updates that issue instead of creating another. Implemented on Active Objects ({@code IMPORT_SOURCE}).
 */
public interface ImportSourceStore {

    /**
     * @param contentHash SHA-256 of what was imported last, so an unchanged file is left alone
     */
    record Source(String projectKey, String sourceKey, long issueId, String contentHash, String importedBy,
                  Instant importedAt) {
    }

    Optional<Source> find(String projectKey, String sourceKey);

    /** Records (or replaces) the source's issue and content. */
    void save(Source source);

    /** Forgets a source whose issue is gone (deleted in Jira), so the next import creates it again. */
    void forget(String projectKey, String sourceKey);
}
