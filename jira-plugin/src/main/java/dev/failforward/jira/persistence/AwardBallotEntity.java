package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * AO row of one sealed ballot waiting for its award's close ({@code AO_xxxxxx_AWARD_BALLOT}): the award and the
 * choice <em>sealed</em> under the award's pool key ({@code SealedBox}: format, the nominee's row id and random
 * padding, bound to the award), every value the same length, equal choices sealing differently. No voter, no time, no
 * guard. {@link AoAwards#fold} moves the whole pool into {@link AwardNominationEntity#getVotes()} at once when voting
 * has closed and deletes these rows.
 */
@Preload
@Table("AWARD_BALLOT")
public interface AwardBallotEntity extends Entity {

    String AWARD_KEY = "AWARD_KEY";
    String SEALED = "SEALED";

    @NotNull
    @Indexed
    @StringLength(64)
    String getAwardKey();

    void setAwardKey(String awardKey);

    /** Base64url without padding of the sealed choice, {@value AoAwards#SEALED_CHARS} characters. */
    @NotNull
    @StringLength(128)
    String getSealed();

    void setSealed(String sealed);
}
