package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * AO row of the monthly KPI roll-up of one project ({@code AO_xxxxxx_KPI_ROLLUP}): every tally of the project's events
 * in one UTC calendar month — count and sum per metric and dimension, the reporting-time histogram included — packed
 * in {@code TALLIES} ({@link dev.failforward.core.kpi.MonthTallies}), and a second row per month for the events near its
 * start, cut in hour slices ({@link #EDGE_KINDS}). What the KPI endpoint reads: a project's two years are about 50 to 100
 * rows, however many records it has. {@code ROLLUP_KEY} (kind, month, project) is unique, so two nodes can never create the same roll-up twice.
 * Only the KPI applier writes roll-ups, one node at a time ({@link KpiIndex}); request threads never do.
 */
@Preload
@Table("KPI_ROLLUP")
@Indexes(@Index(name = "kpi_rollup_project_month", methodNames = {"getProjectKey", "getUtcMonth"}))
public interface KpiRollupEntity extends Entity {

    String ROLLUP_KEY = "ROLLUP_KEY";
    String PROJECT_KEY = "PROJECT_KEY";
    String UTC_MONTH = "UTC_MONTH";
    String TALLIES = "TALLIES";
    String KIND = "KIND";
    /** {@link #getKind()}: every event of the month. */
    String MONTH = "M";
    /**
     * {@link #getKind()} of model version 4 (replaced by {@link #EDGE_KINDS} in version 5): every event near the month's
     * start, keyed by its minute from it, in one row. Not written any more.
     */
    String EDGE = "E";
    /**
     * The kinds of the edge rows, one per hour slice of the edge ({@link dev.failforward.core.kpi.MonthSlices#edgeHour},
     * 0 to 25): digits and lower-case letters, leaving out {@code e} and {@code m}, which a case-insensitive collation
     * (MySQL's and SQL Server's defaults) would take for {@link #EDGE} and {@link #MONTH}.
     */
    String EDGE_KINDS = "0123456789abcdfghijklnopqr";
    /**
     * {@link #getProjectKey()} of the cross-project roll-ups: the sum over every project, kept beside the projects' own
     * rows ({@code *} is no Jira project key). Read only for users who may browse every project with events
     * ({@link KpiProjectEntity}).
     */
    String ALL_PROJECTS = "*";

    @NotNull
    @Unique
    @StringLength(255)
    String getRollupKey();

    void setRollupKey(String key);

    @NotNull
    String getProjectKey();

    void setProjectKey(String projectKey);

    /** {@code yyyymm} of the UTC calendar month. */
    @NotNull
    int getUtcMonth();

    void setUtcMonth(int yyyymm);

    /**
     * {@link #MONTH}: the tallies of the UTC month's events. {@link #EDGE_KINDS}: the tallies of the events of one hour
     * of the 26 from 14 hours before to 12 hours after the month's start (where a time zone's local month boundary can
     * lie), with the minute from the start in front of each dimension ({@code "-125:BASIC"}) — what a local period adds
     * to or takes away from its UTC months, read in the same query, only the hours its windows touch.
     */
    @NotNull
    @StringLength(1)
    String getKind();

    void setKind(String kind);

    @NotNull
    @StringLength(StringLength.UNLIMITED)
    String getTallies();

    void setTallies(String tallies);
}
