package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * AO row of one reuse of a learning ({@code AO_xxxxxx_LEARNING_REUSE}): a retro page cited it, or a newer experiment
 * or incident was linked to it because it applied there. The showcase lists the most reused learnings and the team
 * learning index (a KPI) counts the learnings of a failure that were reused later.
 *
 * <p>One row per learning and target: {@code REUSE_KEY} (unique) is {@code <learning id>:<kind>:<target>}, so
 * recording the same reuse twice, from two nodes at once, leaves one row.
 */
@Preload
@Table("LEARNING_REUSE")
public interface LearningReuseEntity extends Entity {

    String REUSE_KEY = "REUSE_KEY";
    String LEARNING_ID = "LEARNING_ID";
    String RECORD_ISSUE_ID = "RECORD_ISSUE_ID";
    String PROJECT_KEY = "PROJECT_KEY";
    String KIND = "KIND";
    String TARGET = "TARGET";
    String REUSED_BY = "REUSED_BY";
    String REUSED_AT = "REUSED_AT";

    /** {@code <learning id>:<kind>:<target>}: one row per learning, kind and target. */
    @NotNull
    @Unique
    @StringLength(255)
    String getReuseKey();

    void setReuseKey(String reuseKey);

    /** The reused learning ({@code LEARNING.ID}). */
    @NotNull
    @Indexed
    long getLearningId();

    void setLearningId(long learningId);

    /** The issue id of the learning's record (the failure it was learnt from). */
    @NotNull
    @Indexed
    long getRecordIssueId();

    void setRecordIssueId(long recordIssueId);

    /** The project of the learning's record. */
    @NotNull
    @Indexed
    @StringLength(255)
    String getProjectKey();

    void setProjectKey(String projectKey);

    /** {@code retro} (a retro page cited it), {@code experiment} or {@code incident} (a newer record applied it). */
    @NotNull
    @StringLength(16)
    String getKind();

    void setKind(String kind);

    /** What reused it: the newer record's issue key, or {@code page:<id>} for a Confluence page. */
    @NotNull
    @StringLength(255)
    String getTarget();

    void setTarget(String target);

    /** The user key of whoever recorded the reuse. */
    @StringLength(255)
    String getReusedBy();

    void setReusedBy(String userKey);

    @NotNull
    @Indexed
    Date getReusedAt();

    void setReusedAt(Date at);
}
