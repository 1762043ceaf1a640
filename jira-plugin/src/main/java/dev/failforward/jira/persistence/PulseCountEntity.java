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
 * AO row of the pulse answers ({@code AO_xxxxxx_PULSE_COUNT}): how many people of one project gave each score (1..5)
 * in one pulse period. Counted answers are stored only as these counts: there is no row per counted answer, so none
 * to tie to a person — no user, no time, no insertion order. Answers reach these counts only from the sealed pool
 * ({@link PulsePoolEntity}), at least k at a time, and {@link AoPulseStore} replaces the row (delete by id, then insert)
 * rather than updating it, so that two nodes folding at once cannot both succeed.
 */
@Preload
@Table("PULSE_COUNT")
@Indexes(@Index(name = "pulse_count_project_period", methodNames = {"getProjectKey", "getPeriodStart"}))
public interface PulseCountEntity extends Entity {

    String COUNT_KEY = "COUNT_KEY";
    String PROJECT_KEY = "PROJECT_KEY";
    String PERIOD_START = "PERIOD_START";
    String WITHHELD = "WITHHELD";
    /** Column of the count of answers with score {@code s}, 1..5. */
    static String scoreColumn(int s) {
        return "SCORE" + s;
    }

    /** Project and period start: unique, so two nodes cannot create the same counts twice. */
    @NotNull
    @Unique
    @StringLength(255)
    String getCountKey();

    void setCountKey(String key);

    @NotNull
    String getProjectKey();

    void setProjectKey(String projectKey);

    /** First day of the pulse period, ISO {@code yyyy-mm-dd} (a calendar date, no time, no zone). */
    @NotNull
    @StringLength(10)
    String getPeriodStart();

    void setPeriodStart(String isoDate);

    @NotNull
    long getScore1();

    void setScore1(long answers);

    @NotNull
    long getScore2();

    void setScore2(long answers);

    @NotNull
    long getScore3();

    void setScore3(long answers);

    @NotNull
    long getScore4();

    void setScore4(long answers);

    @NotNull
    long getScore5();

    void setScore5(long answers);

    /**
     * Answers given but never counted: a closed period's pool that held fewer than k (deleted without being counted),
     * and pool rows that did not open under the period's key (altered, forged, or sealed under a key that was lost).
     * Null in rows written before the pool existed. Shown only as part of "N people answered".
     */
    Long getWithheld();

    void setWithheld(Long answers);
}
