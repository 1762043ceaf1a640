package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Default;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * Failure database, model version 6: an action item can name the Jira issue that carries its work (its follow-up,
 * {@code FOLLOW_UP_ISSUE_ID} indexed and {@code FOLLOW_UP_KEY}). Both columns are nullable and start empty, so the
 * task only adds them: no row is read or written, and a task interrupted half-way is simply run again.
 *
 * <p>It migrates the <b>frozen</b> copy below, never the live entity. Do not edit it: the next schema change is a new
 * task with its own copies.
 */
public final class FailureDbUpgradeTask006 implements ActiveObjectsUpgradeTask {

    static final String MODEL_VERSION = "6";

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf(MODEL_VERSION);
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(ActionItemV6.class);
    }

    /** {@code ACTION_ITEM} as of model version 6: version 2's columns and the follow-up issue. */
    @Preload
    @Table("ACTION_ITEM")
    interface ActionItemV6 extends Entity {
        @NotNull
        @Indexed
        long getRecordIssueId();

        void setRecordIssueId(long issueId);

        @NotNull
        @StringLength(StringLength.UNLIMITED)
        String getDescription();

        void setDescription(String description);

        @NotNull
        @Indexed
        String getOwnerKey();

        void setOwnerKey(String userKey);

        @NotNull
        @Indexed
        @StringLength(10)
        String getDueDate();

        void setDueDate(String isoDate);

        @NotNull
        @StringLength(20)
        String getItemType();

        void setItemType(String type);

        @NotNull
        @Indexed
        @StringLength(20)
        String getStatus();

        void setStatus(String status);

        @Indexed
        @StringLength(10)
        String getCheckInDate();

        void setCheckInDate(String isoDate);

        @StringLength(20)
        String getCheckInResult();

        void setCheckInResult(String result);

        @StringLength(StringLength.UNLIMITED)
        String getCheckInNote();

        void setCheckInNote(String note);

        @NotNull
        Date getCreatedAt();

        void setCreatedAt(Date createdAt);

        @NotNull
        Date getUpdatedAt();

        void setUpdatedAt(Date updatedAt);

        @NotNull
        @Default("0")
        long getVersion();

        void setVersion(long version);

        @Indexed
        Long getFollowUpIssueId();

        void setFollowUpIssueId(Long issueId);

        @StringLength(255)
        String getFollowUpKey();

        void setFollowUpKey(String issueKey);
    }
}
