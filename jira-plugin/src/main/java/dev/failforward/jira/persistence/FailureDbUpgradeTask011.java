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

import java.util.Date;

/**
 * Failure database, model version 11: the reuses of learnings ({@code LEARNING_REUSE}) and the failure huddles teams
 * held ({@code HUDDLE}). Both tables are new and start empty, so the task only creates them: no row is read or written,
 * and a task interrupted half-way is simply run again.
 *
 * <p>It migrates the <b>frozen</b> copies below, never the live entities. Do not edit them: the next schema change is a
 * new task with its own copies.
 */
public final class FailureDbUpgradeTask011 implements ActiveObjectsUpgradeTask {

    static final String MODEL_VERSION = "11";

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf(MODEL_VERSION);
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(LearningReuseV11.class, HuddleV11.class);
    }

    /** {@code LEARNING_REUSE} as of model version 11. */
    @Preload
    @Table("LEARNING_REUSE")
    interface LearningReuseV11 extends Entity {
        @NotNull
        @Unique
        @StringLength(255)
        String getReuseKey();

        void setReuseKey(String reuseKey);

        @NotNull
        @Indexed
        long getLearningId();

        void setLearningId(long learningId);

        @NotNull
        @Indexed
        long getRecordIssueId();

        void setRecordIssueId(long recordIssueId);

        @NotNull
        @Indexed
        @StringLength(255)
        String getProjectKey();

        void setProjectKey(String projectKey);

        @NotNull
        @StringLength(16)
        String getKind();

        void setKind(String kind);

        @NotNull
        @StringLength(255)
        String getTarget();

        void setTarget(String target);

        @StringLength(255)
        String getReusedBy();

        void setReusedBy(String userKey);

        @NotNull
        @Indexed
        Date getReusedAt();

        void setReusedAt(Date at);
    }

    /** {@code HUDDLE} as of model version 11. */
    @Preload
    @Table("HUDDLE")
    interface HuddleV11 extends Entity {

        @NotNull
        @Unique
        @StringLength(255)
        String getHuddleKey();

        void setHuddleKey(String huddleKey);

        @NotNull
        @Indexed
        @StringLength(255)
        String getTeamKey();

        void setTeamKey(String teamKey);

        @NotNull
        @StringLength(StringLength.UNLIMITED)
        String getProjectKeys();

        void setProjectKeys(String projectKeys);

        @NotNull
        @Indexed
        Date getHeldAt();

        void setHeldAt(Date at);

        @StringLength(255)
        String getHeldBy();

        void setHeldBy(String userKey);

        @NotNull
        int getFailuresReviewed();

        void setFailuresReviewed(int count);

        Long getCelebratedLearningId();

        void setCelebratedLearningId(Long learningId);

        @StringLength(StringLength.UNLIMITED)
        String getNote();

        void setNote(String note);
    }
}
