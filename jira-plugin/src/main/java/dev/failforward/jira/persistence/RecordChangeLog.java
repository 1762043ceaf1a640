package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Writes the change logs of the failure database: {@link RecordChangeEntity} rows (the KPI applier's queue) and, for
 * every one of them, a {@link SearchChangeEntity} row (the log every node's search index tails). Every method must run
 * inside the transaction of the change it logs (the repositories call it within {@link ActiveObjects#executeInTransaction}):
 * the rows and the change commit together. An insert takes no lock that another writer waits for, so concurrent writers
 * never queue behind one another here.
 *
 * <p>The search row is written here, next to the KPI row, so that no path that logs a change for the KPIs (upserts,
 * moves, deletes, learnings, action items, follow-ups, the backfill's repair, the legacy-text migration) can miss the
 * search index; changes only the index cares about (the 5 whys, the issue text) log {@link #searchOnly}.
 */
public final class RecordChangeLog {

    private static final int BATCH = 500;

    private final ActiveObjects ao;
    private final LongSupplier clock;

    public RecordChangeLog(ActiveObjects ao) {
        this(ao, System::currentTimeMillis);
    }

    /** @param clock epoch milliseconds for {@link SearchChangeEntity#getCreatedAt()} */
    RecordChangeLog(ActiveObjects ao, LongSupplier clock) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The record row or one of its learnings changed. */
    public void record(long issueId) {
        ao.create(RecordChangeEntity.class, row(issueId, RecordChangeEntity.RECORD, null));
        searchOnly(issueId);
    }

    /** One action item of the record changed (added, edited, deleted). */
    public void action(long issueId, int actionId) {
        ao.create(RecordChangeEntity.class, row(issueId, RecordChangeEntity.ACTION, actionId));
        searchOnly(issueId);
    }

    /** Everything derived from these records is to be recomputed (removed, moved, or repaired). */
    public void full(Collection<Long> issueIds) {
        List<Map<String, Object>> rows = new ArrayList<>(Math.min(issueIds.size(), BATCH));
        for (long issueId : issueIds) {
            rows.add(row(issueId, RecordChangeEntity.FULL, null));
            if (rows.size() == BATCH) {
                ao.create(RecordChangeEntity.class, rows);
                rows = new ArrayList<>(BATCH);
            }
        }
        if (!rows.isEmpty()) {
            ao.create(RecordChangeEntity.class, rows);
        }
        search(issueIds);
    }

    /** Something only the search index holds changed (the 5 whys, the description, the contributing factors). */
    public void searchOnly(long issueId) {
        ao.create(SearchChangeEntity.class, searchRow(issueId, clock.getAsLong()));
    }

    private void search(Collection<Long> issueIds) {
        long now = clock.getAsLong();
        List<Map<String, Object>> rows = new ArrayList<>(Math.min(issueIds.size(), BATCH));
        for (long issueId : issueIds) {
            rows.add(searchRow(issueId, now));
            if (rows.size() == BATCH) {
                ao.create(SearchChangeEntity.class, rows);
                rows = new ArrayList<>(BATCH);
            }
        }
        if (!rows.isEmpty()) {
            ao.create(SearchChangeEntity.class, rows);
        }
    }

    private static Map<String, Object> searchRow(long issueId, long createdAt) {
        Map<String, Object> row = new HashMap<>();
        row.put(SearchChangeEntity.RECORD_ISSUE_ID, issueId);
        row.put(SearchChangeEntity.CREATED_AT, createdAt);
        return row;
    }

    private static Map<String, Object> row(long issueId, String kind, Integer actionId) {
        Map<String, Object> row = new HashMap<>();
        row.put(RecordChangeEntity.RECORD_ISSUE_ID, issueId);
        row.put(RecordChangeEntity.CHANGE_KIND, kind);
        if (actionId != null) {
            row.put(RecordChangeEntity.ACTION_ID, actionId);
        }
        return row;
    }
}
