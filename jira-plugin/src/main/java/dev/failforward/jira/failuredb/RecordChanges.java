package dev.failforward.jira.failuredb;

import java.util.Collection;

/**
 * Told after a failure record, its learnings or its action items changed (or the record was removed), so derived data
 * — the KPI events and roll-ups — follows. The change itself was logged by the repository in the same transaction
 * ({@link dev.failforward.jira.persistence.RecordChangeLog}); this call only says "catch up soon" and returns at once:
 * it never waits for a lock or does other writers' work on the caller's thread.
 *
 * <p>A port of the failure database, owned here: the writers (this package's service, the issue projection) tell it,
 * and the KPI package implements it ({@code KpiApplier}). So {@code kpi} depends on {@code failuredb}, never the
 * other way round.
 */
public interface RecordChanges {

    /** Nothing derives from records (tests of other things). */
    RecordChanges NONE = new RecordChanges() {
        @Override
        public void changed(long issueId) {
        }

        @Override
        public void recheck(Collection<Long> issueIds) {
        }
    };

    void changed(long issueId);

    /** Everything derived from these records is recomputed from scratch (the nightly reconcile's repair of drift). */
    void recheck(Collection<Long> issueIds);
}
