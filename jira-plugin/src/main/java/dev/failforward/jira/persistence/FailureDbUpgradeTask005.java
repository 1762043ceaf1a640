package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.core.kpi.MonthSlices;
import dev.failforward.core.kpi.MonthTallies;
import net.java.ao.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Failure database, model version 5: the edge roll-ups (the KPI events near each UTC month start, minute by minute)
 * are cut into hour slices. Version 4 kept one row per project and month start with every minute of the 26 hours
 * (14 before, 12 after) where a zone's local month boundary can lie; a chart in Berlin needs one or two of those hours,
 * yet read and decoded all 26 — at a million records the organisation-wide view spent most of its time there. From
 * version 5 each hour is a row of its own ({@link KpiRollupEntity#EDGE_KINDS}) and the reader asks only for the hours
 * its windows touch.
 *
 * <p>The task splits each version-4 edge row ({@code KIND = 'E'}) into its hours, with the same entries, and deletes it,
 * one row per transaction: a task interrupted half-way leaves whole rows, split or not, and the next start finishes the
 * rest. No KPI event is read and no chart is empty meanwhile. The table itself is unchanged (same columns), so the
 * frozen copy of version 4 ({@link FailureDbUpgradeTask004.KpiRollupV4}) serves.
 *
 * <p>Queries: {@code SELECT … FROM KPI_ROLLUP WHERE KIND = ? AND ID > ? ORDER BY ID LIMIT 100}; AO quotes {@code KIND}
 * and {@code ID} (each followed by an operator) as PostgreSQL needs and renders the limit per database. {@code 'E'}
 * differs from every hour kind without regard to case (MySQL, SQL Server).
 */
public final class FailureDbUpgradeTask005 implements ActiveObjectsUpgradeTask {

    static final String MODEL_VERSION = "5";
    /** Edge rows per read: each holds up to 26 hours of minutes, so a batch stays a few megabytes at most. */
    private static final int BATCH = 100;

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf(MODEL_VERSION);
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(FailureDbUpgradeTask004.KpiRollupV4.class);
        int lastId = 0;
        while (true) {
            FailureDbUpgradeTask004.KpiRollupV4[] rows = ao.find(FailureDbUpgradeTask004.KpiRollupV4.class,
                    Query.select().where("KIND = ? AND ID > ?", KpiRollupEntity.EDGE, lastId).order("ID ASC")
                            .limit(BATCH));
            if (rows.length == 0) {
                return;
            }
            for (FailureDbUpgradeTask004.KpiRollupV4 row : rows) {
                List<Map<String, Object>> hours = split(row);
                ao.executeInTransaction(() -> {
                    ao.delete(row);
                    ao.create(FailureDbUpgradeTask004.KpiRollupV4.class, hours);
                    return null;
                });
            }
            lastId = rows[rows.length - 1].getID();
        }
    }

    /** The hour rows of one version-4 edge row: the same entries, each in the hour of its minute. */
    static List<Map<String, Object>> split(FailureDbUpgradeTask004.KpiRollupV4 row) {
        Map<Integer, MonthTallies> byHour = new TreeMap<>();
        MonthTallies.decode(row.getTallies()).forEach((metric, minuteAndDim, count, sum) -> {
            int colon = minuteAndDim.indexOf(':');
            int hour = MonthSlices.edgeHour(Long.parseLong(minuteAndDim.substring(0, colon)));
            byHour.computeIfAbsent(hour, h -> new MonthTallies()).add(metric, minuteAndDim, count, sum);
        });
        List<Map<String, Object>> hours = new ArrayList<>();
        byHour.forEach((hour, tallies) -> {
            String kind = KpiIndex.edgeKind(hour);
            Map<String, Object> columns = new HashMap<>();
            columns.put(KpiRollupEntity.ROLLUP_KEY, KpiIndex.rollupKey(kind, row.getProjectKey(), row.getUtcMonth()));
            columns.put(KpiRollupEntity.PROJECT_KEY, row.getProjectKey());
            columns.put(KpiRollupEntity.UTC_MONTH, row.getUtcMonth());
            columns.put(KpiRollupEntity.KIND, kind);
            columns.put(KpiRollupEntity.TALLIES, tallies.encode());
            hours.add(columns);
        });
        return hours;
    }
}
