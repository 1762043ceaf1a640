package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Model version 12 creates {@code REMINDER_SENT} and {@code DIGEST_SUBSCRIBER}; run twice it changes nothing, the live
 * entities then fit the tables it made, and their unique keys hold: one claim per key, one row per subscriber. The
 * stores on top: a claim is taken once and can be released and taken again; opting in twice leaves one subscriber.
 */
class FailureDbUpgradeTask012Test {

    private AoDatabase db;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createsTheClaimAndSubscriberTablesWithTheirUniqueKeys() {
        assertThat(new FailureDbUpgradeTask012().getModelVersion()).isEqualTo(ModelVersion.valueOf("12"));
        new FailureDbUpgradeTask012().upgrade(ModelVersion.valueOf("11"), db.activeObjects());
        new FailureDbUpgradeTask012().upgrade(ModelVersion.valueOf("11"), db.activeObjects());
        db.activeObjects().migrate(FailureDbSchema.entities());

        Map<String, Object> claim = Map.of(ReminderSentEntity.SENT_KEY, "7:overdue:2026-12-07",
                ReminderSentEntity.ITEM_ID, 7L, ReminderSentEntity.KIND, "overdue",
                ReminderSentEntity.RECIPIENT_KEY, "anna", ReminderSentEntity.SENT_ON, "2026-12-07",
                ReminderSentEntity.CLAIMED_AT, new Date(0));
        db.activeObjects().create(ReminderSentEntity.class, claim);
        assertThatThrownBy(() -> db.activeObjects().create(ReminderSentEntity.class, claim))
                .as("one claim per item, kind and day").isInstanceOf(RuntimeException.class);
        Map<String, Object> subscriber = Map.of(DigestSubscriberEntity.USER_KEY, "anna",
                DigestSubscriberEntity.SUBSCRIBED_AT, new Date(0));
        db.activeObjects().create(DigestSubscriberEntity.class, subscriber);
        assertThatThrownBy(() -> db.activeObjects().create(DigestSubscriberEntity.class, subscriber))
                .as("one row per subscriber").isInstanceOf(RuntimeException.class);
    }

    @Test
    void aClaimIsTakenOnceAndCanBeReleasedAndTakenAgain() {
        db.activeObjects().migrate(FailureDbSchema.entities());
        AoReminderClaims claims = new AoReminderClaims(db.activeObjects());
        AoReminderClaims.Claim claim = AoReminderClaims.Claim.reminder(7, "due", "anna", LocalDate.of(2026, 12, 7));
        Instant at = Instant.parse("2026-12-07T06:00:00Z");
        assertThat(claim.key()).isEqualTo("7:due:2026-12-07");
        assertThat(claims.claim(claim, at)).isTrue();
        assertThat(claims.claim(claim, at)).isFalse();
        assertThat(claims.claimed(claim.key())).isTrue();
        claims.release(claim.key());
        assertThat(claims.claimed(claim.key())).isFalse();
        assertThat(claims.claim(claim, at)).isTrue();
        assertThat(claims.claim(AoReminderClaims.Claim.reminder(7, "due", "anna", LocalDate.of(2026, 12, 8)), at))
                .as("the next day is a new claim").isTrue();
        AoReminderClaims.Claim lead = AoReminderClaims.Claim.reminder(7, "lead", "boss", LocalDate.of(2026, 11, 1));
        assertThat(claims.claim(lead, at)).isTrue();
        assertThat(claims.forgetBefore(LocalDate.of(2026, 12, 8), "lead")).isEqualTo(1);
        assertThat(claims.claimed(claim.key())).isFalse();
        assertThat(claims.claimed(lead.key())).as("the lead's claim stays").isTrue();
        assertThat(claims.claimed("7:due:2026-12-08")).isTrue();

        AoDigestSubscribers subscribers = new AoDigestSubscribers(db.activeObjects());
        subscribers.set("ben", true, at);
        subscribers.set("ben", true, at);
        subscribers.set("anna", true, at);
        assertThat(subscribers.all()).containsExactly("anna", "ben");
        subscribers.set("ben", false, at);
        assertThat(subscribers.subscribed("ben")).isFalse();
        assertThat(subscribers.all()).containsExactly("anna");
    }
}
