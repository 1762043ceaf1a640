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
 * Failure database, model version 9: the background imports ({@code IMPORT_JOB}) and their files with each one's
 * results ({@code IMPORT_JOB_FILE}). Both tables are new and start empty, so the task only creates them: no row is
 * read or written, and a task interrupted half-way is simply run again.
 *
 * <p>It migrates the <b>frozen</b> copies below, never the live entities. Do not edit them: the next schema change is a
 * new task with its own copies.
 */
public final class FailureDbUpgradeTask009 implements ActiveObjectsUpgradeTask {

    static final String MODEL_VERSION = "9";

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf(MODEL_VERSION);
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(ImportJobV9.class, ImportJobFileV9.class);
    }

    /** {@code IMPORT_JOB} as of model version 9. */
    @Preload
    @Table("IMPORT_JOB")
    interface ImportJobV9 extends Entity {
        @NotNull
        @Indexed
        @StringLength(64)
        String getJobKey();

        void setJobKey(String jobKey);

        @NotNull
        @Indexed
        @StringLength(255)
        String getProjectKey();

        void setProjectKey(String projectKey);

        @StringLength(255)
        String getStartedBy();

        void setStartedBy(String userKey);

        @NotNull
        Date getStartedAt();

        void setStartedAt(Date at);

        Date getFinishedAt();

        void setFinishedAt(Date at);

        @NotNull
        @Indexed
        @StringLength(16)
        String getState();

        void setState(String state);

        @NotNull
        int getFilesTotal();

        void setFilesTotal(int files);

        @NotNull
        int getFilesDone();

        void setFilesDone(int files);

        @NotNull
        @StringLength(64)
        String getZone();

        void setZone(String zone);

        @StringLength(StringLength.UNLIMITED)
        String getMapping();

        void setMapping(String mapping);
    }

    /** {@code IMPORT_JOB_FILE} as of model version 9. */
    @Preload
    @Table("IMPORT_JOB_FILE")
    interface ImportJobFileV9 extends Entity {
        @NotNull
        @Indexed
        @StringLength(64)
        String getJobKey();

        void setJobKey(String jobKey);

        @NotNull
        int getSeq();

        void setSeq(int seq);

        @NotNull
        @StringLength(StringLength.UNLIMITED)
        String getName();

        void setName(String name);

        @NotNull
        @StringLength(StringLength.UNLIMITED)
        String getContent();

        void setContent(String base64);

        @StringLength(StringLength.UNLIMITED)
        String getResultJson();

        void setResultJson(String json);
    }
}
