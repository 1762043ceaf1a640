package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.Query;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Failure database, model version 11: the reuses of learnings ({@code LEARNING_REUSE}) and the failure huddles teams
 * held ({@code HUDDLE}), both new and empty. The KPIs gained events for existing records (check-ins, learnings reused),
 * so the task also asks for a full recompute of every record: one {@code RECORD_CHANGE} row of kind {@code F} each,
 * which the KPI applier works off in the background like any other change (as model version 4 did). Interrupted
 * half-way and run again, it logs some records twice, which recomputes them twice and changes nothing.
 *
 * <p>It migrates the <b>frozen</b> copies below, never the live entities. Do not edit them: the next schema change is a
 * new task with its own copies.
 */
public final class FailureDbUpgradeTask011 implements ActiveObjectsUpgradeTask {

    static final String MODEL_VERSION = "11";

    /** Records per transaction of change rows. */
    private static final int BATCH = 500;

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf(MODEL_VERSION);
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(LearningReuseV11.class, HuddleV11.class);
        int lastId = 0;
        while (true) {
            int after = lastId;
            // the frozen copies of models 2 and 4: FAILURE_RECORD's ID and ISSUE_ID and RECORD_CHANGE never changed
            FailureDbUpgradeTask002.FailureRecordV2[] rows = ao.find(FailureDbUpgradeTask002.FailureRecordV2.class,
                    Query.select("ID, ISSUE_ID").where("ID > ?", after).order("ID ASC").limit(BATCH));
            if (rows.length == 0) {
                return;
            }
            List<Map<String, Object>> changes = new ArrayList<>(rows.length);
            for (FailureDbUpgradeTask002.FailureRecordV2 row : rows) {
                Map<String, Object> change = new HashMap<>();
                change.put("RECORD_ISSUE_ID", row.getIssueId());
                change.put("CHANGE_KIND", "F");
                changes.add(change);
            }
            ao.executeInTransaction(() -> {
                ao.create(FailureDbUpgradeTask004.RecordChangeV4.class, changes);
                return null;
            });
            lastId = rows[rows.length - 1].getID();
        }
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
