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

    /** The finished import of the source ({@code null}-state row), never a pending claim. */
    Optional<Source> find(String projectKey, String sourceKey);

    /** Records (or replaces) the source's issue and content; a pending claim of the source becomes this finished row. */
    void save(Source source);

    /**
     * Claims a source never imported before, <em>before</em> its issue is created: a row in the pending state with the
     * content's hash, who claims it and when ({@code issueId} 0). A node that dies before {@link #save} leaves the claim
     * for the next import to resolve ({@link PendingImports}).
     *
     * @return {@code false} when the source already has a row (claimed or imported): nothing was written
     */
    boolean claim(String projectKey, String sourceKey, String contentHash, String importedBy, java.time.Instant at);

    /** The pending claim of the source ({@code issueId} 0, {@code importedAt} the time of the claim), if any. */
    Optional<Source> pending(String projectKey, String sourceKey);

    /** Forgets a source whose issue is gone (deleted in Jira), so the next import creates it again. */
    void forget(String projectKey, String sourceKey);
}
