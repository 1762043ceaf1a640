package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/**
 * AO row of the search change log ({@code AO_xxxxxx_SEARCH_CHANGE}, model version 7): "what the search index holds of
 * this record changed" — the record, a learning, an action item, its 5 whys or its text ({@link RecordTextEntity}).
 * Written by {@link RecordChangeLog} in the same transaction as the change, so no change commits without its row.
 *
 * <p>Unlike {@link RecordChangeEntity} (a queue that one node's KPI applier consumes and deletes), this log is
 * <b>tailed by every node</b>: each keeps its own position inside its own index
 * ({@code dev.failforward.jira.search.node.ChangeCursor}), and no reader deletes what it read. Rows older than the
 * retention are purged by any node ({@link AoSearchChangeLog#purgeBefore}, idempotent); a node whose position is older
 * than that rebuilds its index from the database.
 *
 * <p>{@link #getCreatedAt()} is the writing node's clock in epoch milliseconds at insert (a number, not a
 * {@code TIMESTAMP}: no time-zone conversion on PostgreSQL, no second rounding on MySQL/SQL Server), indexed because
 * every poll re-reads a window of recent rows by it and the purge deletes by it. Ids are handed out at insert, not at
 * commit, so a tail by id alone could skip a row whose transaction commits late: the window re-read covers that
 * ({@code dev.failforward.jira.search.node.ChangeTail}).
 */
@Preload
@Table("SEARCH_CHANGE")
public interface SearchChangeEntity extends Entity {

    String RECORD_ISSUE_ID = "RECORD_ISSUE_ID";
    String CREATED_AT = "CREATED_AT";

    @NotNull
    long getRecordIssueId();

    void setRecordIssueId(long issueId);

    @NotNull
    @Indexed
    long getCreatedAt();

    void setCreatedAt(long epochMillis);
}
