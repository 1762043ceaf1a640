package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * AO row of one background import ({@code AO_xxxxxx_IMPORT_JOB}, model version 9): the job {@code JOB_KEY} imports
 * {@code FILES_TOTAL} files into {@code PROJECT_KEY} as {@code STARTED_BY}; {@code STATE} is {@code QUEUED},
 * {@code RUNNING} or {@code DONE}; {@code FILES_DONE} counts the files whose results are stored
 * ({@link ImportJobFileEntity}). Every node reads the same rows, so any node reports and resumes the job.
 */
@Preload
@Table("IMPORT_JOB")
public interface ImportJobEntity extends Entity {

    String JOB_KEY = "JOB_KEY";
    String PROJECT_KEY = "PROJECT_KEY";
    String STATE = "STATE";

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

    /** The column mapping the batch was started with, as {@code key=column} lines, or null. */
    @StringLength(StringLength.UNLIMITED)
    String getMapping();

    void setMapping(String mapping);
}
