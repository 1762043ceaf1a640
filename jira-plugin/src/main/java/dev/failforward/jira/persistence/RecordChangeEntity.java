package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * AO row of the record change log ({@code AO_xxxxxx_RECORD_CHANGE}): "the data of this record changed", written by the
 * repositories in the same transaction as the change itself, so a change is never committed without its row and a
 * rolled-back change leaves none. Derived data (the KPI events and roll-ups, {@link KpiIndex})
 * catches up from this log off the request path, in batches, and deletes the rows it applied.
 *
 * <p>Why a queue that its consumer deletes rather than a log tailed by position: ids are handed out when a transaction
 * inserts, not when it commits, so a reader that remembered "everything up to id n is done" would skip a row whose
 * transaction commits after a later one. A row that is deleted once applied cannot be skipped: it stays until read.
 *
 * <p>{@link #getChangeKind()}: {@link #RECORD} (the record row or one of its learnings changed: its own events),
 * {@link #ACTION} (one action item, {@link #getActionId()}, changed: its events and the record's), {@link #FULL} (the
 * record was removed or moved to another project, or a repair asks for everything of it to be recomputed).
 */
@Preload
@Table("RECORD_CHANGE")
public interface RecordChangeEntity extends Entity {

    String RECORD_ISSUE_ID = "RECORD_ISSUE_ID";
    String ACTION_ID = "ACTION_ID";
    String CHANGE_KIND = "CHANGE_KIND";

    String RECORD = "R";
    String ACTION = "A";
    String FULL = "F";

    @NotNull
    long getRecordIssueId();

    void setRecordIssueId(long issueId);

    /** The action item's id for {@link #ACTION}; {@code null} otherwise. */
    Integer getActionId();

    void setActionId(Integer actionId);

    @NotNull
    @StringLength(1)
    String getChangeKind();

    void setChangeKind(String kind);
}
