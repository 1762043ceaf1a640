package dev.failforward.jira.pulse;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * AO row of the pulse answers ({@code AO_xxxxxx_PULSE_COUNT}): how many people answered {@code SCORE} for one project
 * and pulse period. Answers are stored only as these counts: there is no row per answer, so there is no answer row to
 * tie to a person — no user, no time, no insertion order. The five rows of a project's period (scores 1..5) are created
 * together by the period's first answer, so not even their creation order says which score came first.
 */
@Preload
@Table("PULSE_COUNT")
@Indexes(@Index(name = "pulse_count_project_period", methodNames = {"getProjectKey", "getPeriodStart"}))
public interface PulseCountEntity extends Entity {

    String COUNT_KEY = "COUNT_KEY";
    String PROJECT_KEY = "PROJECT_KEY";
    String PERIOD_START = "PERIOD_START";
    String SCORE = "SCORE";
    String ANSWERS = "ANSWERS";

    /** Project, period start and score: unique, so two nodes cannot create the same count twice. */
    @NotNull
    @Unique
    @StringLength(255)
    String getCountKey();

    void setCountKey(String key);

    @NotNull
    @Indexed
    String getProjectKey();

    void setProjectKey(String projectKey);

    /** First day of the pulse period, ISO {@code yyyy-mm-dd} (a calendar date, no time, no zone). */
    @NotNull
    @Indexed
    @StringLength(10)
    String getPeriodStart();

    void setPeriodStart(String isoDate);

    @NotNull
    int getScore();

    void setScore(int score);

    @NotNull
    long getAnswers();

    void setAnswers(long answers);
}
