package dev.failforward.jira.persistence;

import net.java.ao.Preload;
import net.java.ao.RawEntity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.PrimaryKey;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * AO row that says "someone voted in this award" ({@code AO_xxxxxx_AWARD_BALLOT_GUARD}): the keyed hash
 * {@code BallotGuard} of (award, voter) as primary key, and the award. Its primary key refuses a second vote of the
 * same person, also when two nodes receive it at once. Nothing in it names the nominee voted for, and nothing in
 * {@link AwardNominationEntity} names a guard.
 */
@Preload
@Table("AWARD_BALLOT_GUARD")
public interface AwardGuardEntity extends RawEntity<String> {

    String GUARD_HASH = "GUARD_HASH";
    String AWARD_KEY = "AWARD_KEY";

    @PrimaryKey(GUARD_HASH)
    @NotNull
    @StringLength(64)
    String getGuardHash();

    @NotNull
    @Indexed
    @StringLength(64)
    String getAwardKey();

    void setAwardKey(String awardKey);
}
