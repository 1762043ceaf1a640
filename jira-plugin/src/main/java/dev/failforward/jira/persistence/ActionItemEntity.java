package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Default;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * AO row of an action item ({@code AO_xxxxxx_ACTION_ITEM}). Dates without time (due, check-in) are ISO text
 * {@code yyyy-MM-dd}: they sort correctly as text and no database time zone can shift them by a day.
 * {@code VERSION} carries the optimistic lock. {@code FOLLOW_UP_ISSUE_ID} / {@code FOLLOW_UP_KEY} (model version 6,
 * {@link FailureDbUpgradeTask006}) name the Jira issue that carries the item's work; the id is indexed because every
 * issue event of Jira looks items up by it.
 */
@Preload
@Table("ACTION_ITEM")
public interface ActionItemEntity extends Entity {

    String RECORD_ISSUE_ID = "RECORD_ISSUE_ID";
    String DESCRIPTION = "DESCRIPTION";
    String OWNER_KEY = "OWNER_KEY";
    String DUE_DATE = "DUE_DATE";
    String ITEM_TYPE = "ITEM_TYPE";
    String STATUS = "STATUS";
    String CHECK_IN_DATE = "CHECK_IN_DATE";
    String CHECK_IN_RESULT = "CHECK_IN_RESULT";
    String CHECK_IN_NOTE = "CHECK_IN_NOTE";
    String CREATED_AT = "CREATED_AT";
    String UPDATED_AT = "UPDATED_AT";
    String VERSION = "VERSION";
    String FOLLOW_UP_ISSUE_ID = "FOLLOW_UP_ISSUE_ID";
    String FOLLOW_UP_KEY = "FOLLOW_UP_KEY";

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
