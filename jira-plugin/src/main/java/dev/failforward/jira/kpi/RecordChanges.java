package dev.failforward.jira.kpi;

/**
 * Told after a failure record, its learnings or its action items changed (or the record was removed), so derived data
 * — the KPI events and roll-ups ({@link KpiIndex}) — follow. Called after the change is written, outside its
 * transaction; a call that fails leaves the derived data behind until the nightly reconcile repairs it.
 */
@FunctionalInterface
public interface RecordChanges {

    /** Nothing derives from records (tests of other things). */
    RecordChanges NONE = issueId -> { };

    void changed(long issueId);
}
