package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.RawEntity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.PrimaryKey;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * Failure database, model version 10: the most valuable failure award ({@code AWARD}), its nominees with their vote
 * counts ({@code AWARD_NOMINATION}), the ballot guards ({@code AWARD_BALLOT_GUARD}) and the sealed ballots waiting for
 * the close ({@code AWARD_BALLOT}). All four tables are new and
 * start empty, so the task only creates them: no row is read or written, and a task interrupted half-way is simply run
 * again.
 *
 * <p>It migrates the <b>frozen</b> copies below, never the live entities. Do not edit them: the next schema change is a
 * new task with its own copies.
 */
public final class FailureDbUpgradeTask010 implements ActiveObjectsUpgradeTask {

    static final String MODEL_VERSION = "10";

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf(MODEL_VERSION);
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(AwardV10.class, AwardNominationV10.class, AwardGuardV10.class, AwardBallotV10.class);
    }

    /** {@code AWARD} as of model version 10. */
    @Preload
    @Table("AWARD")
    interface AwardV10 extends Entity {
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
    }

    /** {@code AWARD_NOMINATION} as of model version 10. */
    @Preload
    @Table("AWARD_NOMINATION")
    interface AwardNominationV10 extends Entity {
        @NotNull
        @Unique
        @StringLength(255)
        String getNominationKey();

        void setNominationKey(String key);

        @NotNull
        @Indexed
        @StringLength(64)
        String getAwardKey();

        void setAwardKey(String awardKey);

        @NotNull
        @Indexed
        @StringLength(255)
        String getRecordKey();

        void setRecordKey(String recordKey);

        @NotNull
        @StringLength(255)
        String getNominator();

        void setNominator(String userKey);

        @NotNull
        @StringLength(StringLength.UNLIMITED)
        String getReason();

        void setReason(String reason);

        @NotNull
        Date getNominatedAt();

        void setNominatedAt(Date at);

        @NotNull
        long getVotes();

        void setVotes(long votes);
    }

    /** {@code AWARD_BALLOT_GUARD} as of model version 10. */
    @Preload
    @Table("AWARD_BALLOT_GUARD")
    interface AwardGuardV10 extends RawEntity<String> {
        @PrimaryKey("GUARD_HASH")
        @NotNull
        @StringLength(64)
        String getGuardHash();

        @NotNull
        @Indexed
        @StringLength(64)
        String getAwardKey();

        void setAwardKey(String awardKey);
    }

    /** {@code AWARD_BALLOT} as of model version 10. */
    @Preload
    @Table("AWARD_BALLOT")
    interface AwardBallotV10 extends Entity {
        @NotNull
        @Indexed
        @StringLength(64)
        String getAwardKey();

        void setAwardKey(String awardKey);

        @NotNull
        @StringLength(128)
        String getSealed();

        void setSealed(String sealed);
    }
}
