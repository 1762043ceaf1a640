package dev.failforward.core.award;

import java.time.Instant;
import java.util.Objects;

/**
 * A record put forward for an award. Nominations are public (who nominated what, and why, is shown with the
 * nominees); votes are not.
 *
 * @param recordKey   the issue key of the experiment or incident
 * @param nominator   the nominator's user key
 * @param reason      why it is the most valuable failure, stripped, 1..{@value AwardRules#REASON_MAX} characters
 * @param nominatedAt when; the earlier nomination wins a tie
 */
public record Nomination(String recordKey, String nominator, String reason, Instant nominatedAt) {

    public Nomination {
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(nominator, "nominator");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(nominatedAt, "nominatedAt");
    }
}
