package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.Query;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
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
 * Failure database, model version 4: KPI events name their source ({@code KPI_EVENT.ACTION_ID}: the action item an
 * event comes from, {@code null} for the record's own), the record change log {@code RECORD_CHANGE} appears (written
 * with every change, applied to the KPI tables off the request path), and {@code KPI_PROJECT} lists the projects with
 * KPI events (for the cross-project roll-ups, project key {@code *}).
 *
 * <p>Events stored by version 2 do not say which action item they came from, so they cannot be replaced item by item:
 * the task empties the KPI events and roll-ups and logs a full recomputation of every record. The KPI applier then
 * rebuilds the tables in the background (the charts fill within minutes; nothing is lost: the records, learnings and
 * action items are the source). Frozen copies below, as in {@link FailureDbUpgradeTask002}; do not edit them.
 */
public final class FailureDbUpgradeTask004 implements ActiveObjectsUpgradeTask {

    static final String MODEL_VERSION = "4";
    private static final int BATCH = 500;

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf(MODEL_VERSION);
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(FailureDbUpgradeTask002.FailureRecordV2.class, KpiEventV4.class, KpiRollupV4.class,
                RecordChangeV4.class, KpiProjectV4.class);
        ao.executeInTransaction(() -> {
            ao.deleteWithSQL(KpiEventV4.class, "ID > ?", 0);
            ao.deleteWithSQL(KpiRollupV4.class, "ID > ?", 0);
            ao.deleteWithSQL(KpiProjectV4.class, "ID > ?", 0);
            return null;
        });
        int lastId = 0;
        while (true) {
            int after = lastId;
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
                ao.create(RecordChangeV4.class, changes);
                return null;
            });
            lastId = rows[rows.length - 1].getID();
        }
    }

    @Preload
    @Table("KPI_EVENT")
    @Indexes({@Index(name = "kpi_event_metric_at", methodNames = {"getMetric", "getEventAt"}),
            @Index(name = "kpi_event_source", methodNames = {"getRecordIssueId", "getActionId"})})
    interface KpiEventV4 extends Entity {
        @NotNull
        @Indexed
        long getRecordIssueId();

        void setRecordIssueId(long issueId);

        Integer getActionId();

        void setActionId(Integer actionId);

        @NotNull
        String getProjectKey();

        void setProjectKey(String projectKey);

        @NotNull
        @StringLength(20)
        String getMetric();

        void setMetric(String metric);

        @StringLength(40)
        String getDim();

        void setDim(String dim);

        @NotNull
        Date getEventAt();

        void setEventAt(Date at);

        @NotNull
        long getAmount();

        void setAmount(long amount);
    }

    @Preload
    @Table("KPI_ROLLUP")
    @Indexes(@Index(name = "kpi_rollup_project_month", methodNames = {"getProjectKey", "getUtcMonth"}))
    interface KpiRollupV4 extends Entity {
        @NotNull
        @Unique
        @StringLength(255)
        String getRollupKey();

        void setRollupKey(String key);

        @NotNull
        String getProjectKey();

        void setProjectKey(String projectKey);

        @NotNull
        int getUtcMonth();

        void setUtcMonth(int yyyymm);

        @NotNull
        @StringLength(1)
        String getKind();

        void setKind(String kind);

        @NotNull
        @StringLength(StringLength.UNLIMITED)
        String getTallies();

        void setTallies(String tallies);
    }

    @Preload
    @Table("RECORD_CHANGE")
    interface RecordChangeV4 extends Entity {
        @NotNull
        long getRecordIssueId();

        void setRecordIssueId(long issueId);

        Integer getActionId();

        void setActionId(Integer actionId);

        @NotNull
        @StringLength(1)
        String getChangeKind();

        void setChangeKind(String kind);
    }

    @Preload
    @Table("KPI_PROJECT")
    interface KpiProjectV4 extends Entity {
        @NotNull
        @Unique
        @StringLength(255)
        String getProjectKey();

        void setProjectKey(String projectKey);

        @NotNull
        long getEvents();

        void setEvents(long events);
    }
}
