package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * AO row of one imported post-mortem source ({@code AO_xxxxxx_IMPORT_SOURCE}): the file or page with the stable
 * {@code SOURCE_KEY} in {@code PROJECT_KEY} became the Incident issue {@code ISSUE_ID}; {@code CONTENT_HASH} is the
 * SHA-256 of what was imported last. One row per (project, source key): the importer looks before it writes, under the
 * project's import lock.
 *
 * <p>{@code STATE} (model version 8) is {@code PENDING} while the issue of a new source is being created: the row is
 * written <em>before</em> the issue (with {@code ISSUE_ID} 0 and {@code IMPORTED_AT} the time of the claim), so a node
 * that dies in between leaves a claim the next import resolves instead of an issue nobody knows. {@code null} (every row
 * written before version 8) is a finished import.
 */
@Preload
@Table("IMPORT_SOURCE")
public interface ImportSourceEntity extends Entity {

    String PROJECT_KEY = "PROJECT_KEY";
    String SOURCE_KEY = "SOURCE_KEY";
    String ISSUE_ID = "ISSUE_ID";
    String CONTENT_HASH = "CONTENT_HASH";
    String IMPORTED_BY = "IMPORTED_BY";
    String IMPORTED_AT = "IMPORTED_AT";
    String STATE = "STATE";
    /** {@link #STATE} of a claim whose issue may or may not exist yet. */
    String PENDING = "PENDING";

    @NotNull
    @Indexed
    @StringLength(255)
    String getProjectKey();

    void setProjectKey(String projectKey);

    @NotNull
    @Indexed
    @StringLength(255)
    String getSourceKey();

    void setSourceKey(String sourceKey);

    @NotNull
    long getIssueId();

    void setIssueId(long issueId);

    @NotNull
    @StringLength(64)
    String getContentHash();

    void setContentHash(String contentHash);

    @StringLength(255)
    String getImportedBy();

    void setImportedBy(String importedBy);

    @NotNull
    Date getImportedAt();

    void setImportedAt(Date importedAt);

    /** {@link #PENDING}, or {@code null} for a finished import. */
    @StringLength(16)
    String getState();

    void setState(String state);
}
