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
 * AO row of one most-valuable-failure award ({@code AO_xxxxxx_AWARD}): its scope and its dates, frozen when the
 * award is first used, so a later change of the administrators' period setting leaves running and past awards alone.
 * Dates are ISO {@code yyyy-mm-dd} strings (they order as dates), each starting at midnight in {@code ZONE}: the period
 * the award is for. {@code VOTING_OPENS_AT} and {@code VOTING_CLOSES_AT} (model version 13) are empty while the windows
 * run as the dates say, and hold the instants an administrator's "advance" moved them to ({@code AwardRules#advance}).
 */
@Preload
@Table("AWARD")
public interface AwardEntity extends Entity {

    String AWARD_KEY = "AWARD_KEY";
    String SCOPE_KEY = "SCOPE_KEY";
    String SCOPE_NAME = "SCOPE_NAME";
    String PROJECT_KEYS = "PROJECT_KEYS";
    String PERIOD_START = "PERIOD_START";
    String PERIOD_END = "PERIOD_END";
    String VOTING_ENDS = "VOTING_ENDS";
    String ZONE = "ZONE";
    String VOTERS = "VOTERS";
    String VOTING_OPENS_AT = "VOTING_OPENS_AT";
    String VOTING_CLOSES_AT = "VOTING_CLOSES_AT";

    /** The award id, {@code <scope key>@<period start>}: unique, so two nodes cannot create the same award twice. */
    @NotNull
    @Unique
    @StringLength(64)
    String getAwardKey();

    void setAwardKey(String awardKey);

    @NotNull
    @Indexed
    @StringLength(32)
    String getScopeKey();

    void setScopeKey(String scopeKey);

    @NotNull
    @StringLength(255)
    String getScopeName();

    void setScopeName(String name);

    /** The group's project keys, comma-separated and sorted; empty for the instance. */
    @StringLength(StringLength.UNLIMITED)
    String getProjectKeys();

    void setProjectKeys(String projectKeys);

    @NotNull
    @Indexed
    @StringLength(10)
    String getPeriodStart();

    void setPeriodStart(String isoDate);

    @NotNull
    @StringLength(10)
    String getPeriodEnd();

    void setPeriodEnd(String isoDate);

    @NotNull
    @StringLength(10)
    String getVotingEnds();

    void setVotingEnds(String isoDate);

    @NotNull
    @StringLength(64)
    String getZone();

    void setZone(String zoneId);

    /**
     * How many ballots were counted: 0 while voting is open (like every count, it moves only when the pool is folded
     * at the close), then the number of people who voted. Kept here because the guards are deleted an hour after the
     * close; award participation (a KPI) reads it.
     */
    @NotNull
    long getVoters();

    void setVoters(long voters);

    /** When nominations ended and voting opened, if an administrator moved it; null: midnight of {@code PERIOD_END}. */
    Date getVotingOpensAt();

    void setVotingOpensAt(Date at);

    /** When voting closes, if an administrator moved it; null: midnight of {@code VOTING_ENDS}. */
    Date getVotingClosesAt();

    void setVotingClosesAt(Date at);
}
