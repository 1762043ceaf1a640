package dev.failforward.jira.kpi;

import dev.failforward.core.kpi.MonthTallies;
import dev.failforward.core.record.ActionItemRepository;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.LearningRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test access to the KPI index's full recompute, for tests outside its package. */
public final class KpiIndexes {

    private KpiIndexes() {
    }

    /** The roll-ups as stored. */
    public static Map<String, MonthTallies> storedRollups(KpiIndex index) {
        return index.storedRollups();
    }

    /** The roll-ups a full recomputation of records 1..{@code lastIssueId} gives. */
    public static Map<String, MonthTallies> recomputed(KpiIndex index, FailureRecordRepository records,
                                                       LearningRepository learnings, ActionItemRepository actions,
                                                       long lastIssueId) {
        List<KpiIndex.Stored> events = new ArrayList<>();
        for (long id = 1; id <= lastIssueId; id++) {
            records.findByIssueId(id).ifPresent(r -> events.addAll(index.allEvents(new KpiIndex.Snapshot(r,
                    learnings.findByRecord(r.issueId()), actions.findByRecord(r.issueId())))));
        }
        return KpiIndex.rollupsOf(events);
    }
}
