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
 * Failure database, model version 12: the claims of the follow-up reminders and the weekly digest
 * ({@code REMINDER_SENT}) and the digest's subscribers ({@code DIGEST_SUBSCRIBER}). Both tables are new and start empty,
 * so the task only creates them: no row is read or written, and a task interrupted half-way is simply run again.
 *
 * <p>It migrates the <b>frozen</b> copies below, never the live entities. Do not edit them: the next schema change is a
 * new task with its own copies.
 */
public final class FailureDbUpgradeTask012 implements ActiveObjectsUpgradeTask {

    static final String MODEL_VERSION = "12";

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf(MODEL_VERSION);
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(ReminderSentV12.class, DigestSubscriberV12.class);
    }

    /** {@code REMINDER_SENT} as of model version 12. */
    @Preload
    @Table("REMINDER_SENT")
    interface ReminderSentV12 extends Entity {
        @NotNull
        @Unique
        @StringLength(255)
        String getSentKey();

        void setSentKey(String key);

        @NotNull
        @Indexed
        long getItemId();

        void setItemId(long itemId);

        @NotNull
        @StringLength(16)
        String getKind();

        void setKind(String kind);

        @NotNull
        @StringLength(255)
        String getRecipientKey();

        void setRecipientKey(String userKey);

        @NotNull
        @Indexed
        @StringLength(10)
        String getSentOn();

        void setSentOn(String isoDate);

        @NotNull
        Date getClaimedAt();

        void setClaimedAt(Date at);
    }

    /** {@code DIGEST_SUBSCRIBER} as of model version 12. */
    @Preload
    @Table("DIGEST_SUBSCRIBER")
    interface DigestSubscriberV12 extends Entity {
        @NotNull
        @Unique
        @StringLength(255)
        String getUserKey();

        void setUserKey(String userKey);

        @NotNull
        Date getSubscribedAt();

        void setSubscribedAt(Date at);
    }
}
