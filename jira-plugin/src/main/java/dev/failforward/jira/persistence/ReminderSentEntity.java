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
 * AO row of one reminder claimed for sending ({@code AO_xxxxxx_REMINDER_SENT}, model version 12,
 * {@link FailureDbUpgradeTask012}): the follow-up reminders and the weekly digest insert it, in a transaction of its
 * own, <em>before</em> they queue the mail, and delete it again when queueing fails. {@code SENT_KEY} is unique, so of
 * two nodes running the same job at once only one inserts it and only that one mails: once per item, kind and day.
 *
 * <p>Keys: {@code <action item id>:<kind>:<yyyy-mm-dd>} for reminders (kinds {@code due}, {@code overdue},
 * {@code checkin}, {@code lead}), {@code digest:<yyyy-mm-dd of the week's Monday>:<user key>} for the digest.
 */
@Preload
@Table("REMINDER_SENT")
public interface ReminderSentEntity extends Entity {

    String SENT_KEY = "SENT_KEY";
    String ITEM_ID = "ITEM_ID";
    String KIND = "KIND";
    String RECIPIENT_KEY = "RECIPIENT_KEY";
    String SENT_ON = "SENT_ON";
    String CLAIMED_AT = "CLAIMED_AT";

    @NotNull
    @Unique
    @StringLength(255)
    String getSentKey();

    void setSentKey(String key);

    /** The action item reminded of; 0 for a digest. */
    @NotNull
    @Indexed
    long getItemId();

    void setItemId(long itemId);

    @NotNull
    @StringLength(16)
    String getKind();

    void setKind(String kind);

    /** The user key the mail went to. */
    @NotNull
    @StringLength(255)
    String getRecipientKey();

    void setRecipientKey(String userKey);

    /** The day (or the week's Monday) the claim is for, {@code yyyy-mm-dd}. */
    @NotNull
    @Indexed
    @StringLength(10)
    String getSentOn();

    void setSentOn(String isoDate);

    @NotNull
    Date getClaimedAt();

    void setClaimedAt(Date at);
}
