package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@link RecordChangeEntity} rows. Every method must run inside the transaction of the change it logs (the
 * repositories call it within {@link ActiveObjects#executeInTransaction}): the row and the change commit together.
 * An insert takes no lock that another writer waits for, so concurrent writers never queue behind one another here.
 */
public final class RecordChangeLog {

    private static final int BATCH = 500;

    private final ActiveObjects ao;

    public RecordChangeLog(ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    /** The record row or one of its learnings changed. */
    public void record(long issueId) {
        ao.create(RecordChangeEntity.class, row(issueId, RecordChangeEntity.RECORD, null));
    }

    /** One action item of the record changed (added, edited, deleted). */
    public void action(long issueId, int actionId) {
        ao.create(RecordChangeEntity.class, row(issueId, RecordChangeEntity.ACTION, actionId));
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
