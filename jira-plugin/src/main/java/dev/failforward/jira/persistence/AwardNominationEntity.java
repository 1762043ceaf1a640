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
 * AO row of one nominee of an award ({@code AO_xxxxxx_AWARD_NOMINATION}): the record, who nominated it and why (public),
 * and {@code VOTES}, how many people voted for it — a count only, with no voter, no vote time and no row per vote.
 * {@link AoAwards#vote} raises it by one in the transaction that inserts the voter's {@link AwardGuardEntity}.
 */
@Preload
@Table("AWARD_NOMINATION")
public interface AwardNominationEntity extends Entity {

    String NOMINATION_KEY = "NOMINATION_KEY";
    String AWARD_KEY = "AWARD_KEY";
    String RECORD_KEY = "RECORD_KEY";
    String NOMINATOR = "NOMINATOR";
    String REASON = "REASON";
    String NOMINATED_AT = "NOMINATED_AT";
    String VOTES = "VOTES";

    /** {@code <award key>|<record key>}: unique, so a record is nominated once per award even when two nodes race. */
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

    /** The nominator's user key: nominations are public. */
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
