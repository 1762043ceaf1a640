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
import net.java.ao.schema.Unique;

/**
 * Failure database, model version 7: the search change log ({@code SEARCH_CHANGE}, tailed by every node's search
 * index) and the issue text the index needs ({@code RECORD_TEXT}: description and contributing factors). Both tables
 * are new and start empty, so the task only creates them: no row is read or written, and a task interrupted half-way
 * is simply run again. The texts fill in as the projection sees issue events and at the next backfill; each node's
 * index rebuilds from the database on its first start with this version (it has no position in the new log).
 *
 * <p>It migrates the <b>frozen</b> copies below, never the live entities. Do not edit them: the next schema change is a
 * new task with its own copies.
 */
public final class FailureDbUpgradeTask007 implements ActiveObjectsUpgradeTask {

    static final String MODEL_VERSION = "7";

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf(MODEL_VERSION);
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(SearchChangeV7.class, RecordTextV7.class);
    }

    /** {@code SEARCH_CHANGE} as of model version 7. */
    @Preload
    @Table("SEARCH_CHANGE")
    interface SearchChangeV7 extends Entity {
        @NotNull
        long getRecordIssueId();

        void setRecordIssueId(long issueId);

        @NotNull
        @Indexed
        long getCreatedAt();

        void setCreatedAt(long epochMillis);
    }

    /** {@code RECORD_TEXT} as of model version 7. */
    @Preload
    @Table("RECORD_TEXT")
    interface RecordTextV7 extends Entity {
        @NotNull
        @Unique
        @Indexed
        long getRecordIssueId();

        void setRecordIssueId(long issueId);

        @StringLength(StringLength.UNLIMITED)
        String getDescription();

        void setDescription(String description);

        @StringLength(StringLength.UNLIMITED)
        String getContributingFactors();

        void setContributingFactors(String factors);
    }
}
