package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The claims that make a reminder (or a week's digest) go out once, whichever node runs the job and however many run
 * it at once ({@link ReminderSentEntity}). {@link #claim} inserts the row in a transaction of its own and answers
 * whether this caller got it: the unique {@code SENT_KEY} lets exactly one of two concurrent inserts commit (the other
 * waits for it and then fails on the key, on every database AO supports), and the loser answers {@code false}.
 * The winner queues the mail and, when queueing fails, {@linkplain #release releases} the claim so that the next run
 * tries again. A node that dies between claim and queue loses that one reminder: at most once, never twice.
 */
@Named
public class AoReminderClaims {

    private final ActiveObjects ao;

    @Inject
    public AoReminderClaims(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    /** A claim's identity: the key, and what it stands for (kept for the admin and for tests). */
    public record Claim(String key, long itemId, String kind, String recipientKey, LocalDate day) {

        public Claim {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(recipientKey, "recipientKey");
            Objects.requireNonNull(day, "day");
            if (key.length() > 255) {
                throw new IllegalArgumentException("claim key longer than 255 characters: " + key);
            }
        }

        /** {@code <item id>:<kind>:<yyyy-mm-dd>}: one reminder of this kind for this item on this day. */
        public static Claim reminder(long itemId, String kind, String recipientKey, LocalDate day) {
            return new Claim(itemId + ":" + kind + ":" + day, itemId, kind, recipientKey, day);
        }
    }

    /** Inserts the claim; {@code true} when this caller got it, {@code false} when someone had it already. */
    public boolean claim(Claim claim, Instant at) {
        Objects.requireNonNull(claim, "claim");
        Map<String, Object> row = new HashMap<>();
        row.put(ReminderSentEntity.SENT_KEY, claim.key());
        row.put(ReminderSentEntity.ITEM_ID, claim.itemId());
        row.put(ReminderSentEntity.KIND, claim.kind());
        row.put(ReminderSentEntity.RECIPIENT_KEY, claim.recipientKey());
        row.put(ReminderSentEntity.SENT_ON, claim.day().toString());
        row.put(ReminderSentEntity.CLAIMED_AT, Date.from(at));
        try {
            return Transactions.write(ao, () -> {
                // SENT_KEY = ? on the unique index: a claim taken earlier (a second run the same day) answers without
                // an insert that fails; two inserts at once are settled by the key itself
                if (ao.count(ReminderSentEntity.class, ReminderSentEntity.SENT_KEY + " = ?", claim.key()) > 0) {
                    return false;
                }
                ao.create(ReminderSentEntity.class, row);
                return true;
            });
        } catch (RuntimeException e) {
            if (DatabaseErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes the claim (its mail could not be queued), so that the next run tries again. */
    public void release(String key) {
        // DELETE … WHERE SENT_KEY = ?: portable
        Transactions.write(ao, () -> ao.deleteWithSQL(ReminderSentEntity.class, ReminderSentEntity.SENT_KEY + " = ?",
                key));
    }

    /** Whether the claim is held (sent, or being sent). */
    public boolean claimed(String key) {
        return ao.count(ReminderSentEntity.class, ReminderSentEntity.SENT_KEY + " = ?", key) > 0;
    }

    /**
     * Deletes the claims of days before {@code day}, except those of {@code keptKind}: a claim keyed by a day that has
     * passed can never be claimed again, so it only takes room. The kept kind's claims are keyed by something else
     * that has passed too (the lead's by the item's due date) and must stay, or the lead would be told again.
     * Returns how many went.
     */
    public int forgetBefore(LocalDate day, String keptKind) {
        // SENT_ON < ? AND KIND <> ?: VARCHAR(10) "YYYY-MM-DD" compares as dates under every collation
        return Transactions.write(ao, () -> ao.deleteWithSQL(ReminderSentEntity.class,
                ReminderSentEntity.SENT_ON + " < ? AND " + ReminderSentEntity.KIND + " <> ?", day.toString(), keptKind));
    }
}
