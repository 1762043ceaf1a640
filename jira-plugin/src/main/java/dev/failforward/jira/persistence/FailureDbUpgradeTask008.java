package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * Failure database, model version 8: {@code IMPORT_SOURCE.STATE}, so an import claims a new source before it creates
 * the source's issue ({@code PENDING}) and a crash in between leaves a claim, never an issue nobody knows. The column is
 * nullable and {@code null} means a finished import, which is what every existing row is: the task only adds it (or
 * creates the table where no import ran yet); no row is read or written, and a task interrupted half-way is simply run
 * again.
 *
 * <p>It migrates the <b>frozen</b> copy below, never the live entity. Do not edit it: the next schema change is a new
 * task with its own copies.
 */
public final class FailureDbUpgradeTask008 implements ActiveObjectsUpgradeTask {

    static final String MODEL_VERSION = "8";

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf(MODEL_VERSION);
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(ImportSourceV8.class);
    }

    /** {@code IMPORT_SOURCE} before model version 8 (no state): what the tests upgrade from. */
    @Preload
    @Table("IMPORT_SOURCE")
    interface ImportSourceV7 extends Entity {
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
    }

    /** {@code IMPORT_SOURCE} as of model version 8: the columns before and the claim's state. */
    @Preload
    @Table("IMPORT_SOURCE")
    interface ImportSourceV8 extends ImportSourceV7 {
        @StringLength(16)
        String getState();

        void setState(String state);
    }
}
