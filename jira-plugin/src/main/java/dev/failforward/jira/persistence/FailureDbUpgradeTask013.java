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
 * Failure database, model version 13: {@code AWARD.VOTING_OPENS_AT} and {@code AWARD.VOTING_CLOSES_AT}, the instants an
 * administrator's "advance" moved an award's voting window to (it used to move the whole-day dates, which could not end
 * nominations on a period's first day). Both columns are new and nullable, and null means "as the dates say", so every
 * existing award keeps its windows: the task only adds the columns, reads and writes no row, and a task interrupted
 * half-way is simply run again.
 *
 * <p>It migrates the <b>frozen</b> copy below, never the live entity. Do not edit it: the next schema change is a new
 * task with its own copies.
 */
public final class FailureDbUpgradeTask013 implements ActiveObjectsUpgradeTask {

    static final String MODEL_VERSION = "13";

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf(MODEL_VERSION);
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(AwardV13.class);
    }

    /** {@code AWARD} as of model version 13: model version 10's columns and the two instants. */
    @Preload
    @Table("AWARD")
    interface AwardV13 extends Entity {
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

        @NotNull
        long getVoters();

        void setVoters(long voters);

        Date getVotingOpensAt();

        void setVotingOpensAt(Date at);

        Date getVotingClosesAt();

        void setVotingClosesAt(Date at);
    }
}
