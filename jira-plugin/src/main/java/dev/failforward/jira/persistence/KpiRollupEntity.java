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
 * start ({@link #EDGE}). What the KPI endpoint reads: a project's two years are about 50 rows, however many records it
 * has. {@code ROLLUP_KEY} (kind, month, project) is unique, so two nodes can never create the same roll-up twice.
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
    /** {@link #getKind()}: the events near the month's start, keyed by their minute from it. */
    String EDGE = "E";
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
     * {@link #MONTH}: the tallies of the UTC month's events. {@link #EDGE}: the tallies of the events from 14 hours
     * before to 12 hours after the month's start (where a time zone's local month boundary can lie), with the minute
     * from the start in front of each dimension ({@code "-125:BASIC"}) — what a local period adds to or takes away
     * from its UTC months, read in the same query.
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
