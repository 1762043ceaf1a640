package dev.failforward.jira.kpi;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.kpi.KpiEvent;
import dev.failforward.core.kpi.KpiEvents;
import dev.failforward.core.kpi.Metric;
import dev.failforward.core.kpi.MonthTallies;
import dev.failforward.core.kpi.MonthSlices;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemRepository;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningRepository;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the KPI tables in step with the failure database: {@link #refresh(long)} after anything that changes a
 * record, its learnings or its action items recomputes the record's {@link KpiEvent}s, and when they differ from the
 * stored ones replaces them and moves the difference into the monthly roll-ups — a handful of row writes per change,
 * whatever the size of the database. Records that have no events yet (after an upgrade) get them from the next
 * reconcile, which projects every issue again.
 *
 * <p>Cluster safety: a roll-up is a shared counter, so every writer holds the cluster lock {@value #LOCK_NAME}
 * around its transaction (the read-modify-write of a counter is serialised across nodes), and {@code ROLLUP_KEY} is
 * unique (two nodes can never create the same counter). Event rows belong to one record and are replaced whole.
 */
@Named
public class KpiIndex implements RecordChanges {

    static final String LOCK_NAME = "dev.failforward.kpi.rollup";
    private static final Logger log = LoggerFactory.getLogger(KpiIndex.class);
    private static final int MAX_KEY_LENGTH = 255;

    private final ActiveObjects ao;
    private final FailureRecordRepository records;
    private final LearningRepository learnings;
    private final ActionItemRepository actions;
    private final ClusterLockService locks;
    private final KpiEvents kpiEvents;

    @Inject
    public KpiIndex(@ComponentImport ActiveObjects ao, FailureRecordRepository records, LearningRepository learnings,
                    ActionItemRepository actions, @ComponentImport ClusterLockService locks) {
        this(ao, records, learnings, actions, locks, KpiEvents.defaults());
    }

    KpiIndex(ActiveObjects ao, FailureRecordRepository records, LearningRepository learnings,
             ActionItemRepository actions, ClusterLockService locks, KpiEvents kpiEvents) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.records = Objects.requireNonNull(records, "records");
        this.learnings = Objects.requireNonNull(learnings, "learnings");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.kpiEvents = Objects.requireNonNull(kpiEvents, "kpiEvents");
    }

    /** One stored event: a core event of a project. */
    record Stored(String projectKey, KpiEvent event) {
    }

    /**
     * The change is written already: a failure here must not fail the user's request, so it is logged, and the nightly
     * reconcile (which refreshes every record) repairs the KPI tables.
     */
    @Override
    public void changed(long issueId) {
        try {
            refresh(issueId);
        } catch (RuntimeException e) {
            log.warn("KPI tables not updated for issue {} (the nightly reconcile repairs them): {}", issueId,
                    e.toString());
        }
    }

    /**
     * Brings the KPI tables in step with the record of {@code issueId} as the failure database holds it now (no record:
     * its events are removed). Returns whether anything changed.
     */
    public boolean refresh(long issueId) {
        // read under the lock: two nodes refreshing one record can then not write an older state over a newer one
        return locked(() -> ao.executeInTransaction(() -> {
            Optional<FailureRecord> record = records.findByIssueId(issueId);
            List<Stored> fresh = record.map(r -> kpiEvents.of(r, learnings.findByRecord(issueId),
                            actions.findByRecord(issueId)).stream().map(e -> new Stored(r.projectKey(), e)).toList())
                    .orElse(List.of());
            return replace(issueId, fresh);
        }));
    }

    /** A record with its learnings and action items, as {@link #insertAll} takes them. */
    public record Snapshot(FailureRecord record, List<Learning> learnings, List<ActionItem> actions) {
    }

    /**
     * Writes the events of many new records at once (demo data, the benchmark's load) in one transaction: no
     * comparison with stored events, which must not exist for these records; roll-ups get one write per key.
     */
    public void insertAll(List<Snapshot> snapshots) {
        locked(() -> ao.executeInTransaction(() -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            Map<String, Delta> deltas = new HashMap<>();
            for (Snapshot snapshot : snapshots) {
                FailureRecord record = snapshot.record();
                for (KpiEvent event : kpiEvents.of(record, snapshot.learnings(), snapshot.actions())) {
                    Stored stored = new Stored(record.projectKey(), event);
                    rows.add(columns(record.issueId(), stored));
                    add(deltas, stored, 1);
                }
            }
            for (int i = 0; i < rows.size(); i += 1000) {
                ao.create(KpiEventEntity.class, rows.subList(i, Math.min(rows.size(), i + 1000)));
            }
            apply(deltas);
            return null;
        }));
    }

    private boolean replace(long issueId, List<Stored> fresh) {
        // RECORD_ISSUE_ID = ? then DELETE … WHERE RECORD_ISSUE_ID = ? and a batch INSERT: numbers only, portable
        // (AoFailureRecordRepository's class comment has the per-database notes)
        KpiEventEntity[] rows = ao.find(KpiEventEntity.class, Query.select()
                .where(KpiEventEntity.RECORD_ISSUE_ID + " = ?", issueId));
        List<Stored> old = new ArrayList<>(rows.length);
        for (KpiEventEntity row : rows) {
            old.add(stored(row));
        }
        if (sameEvents(old, fresh)) {
            return false;
        }
        Map<String, Delta> deltas = new HashMap<>();
        old.forEach(stored -> add(deltas, stored, -1));
        fresh.forEach(stored -> add(deltas, stored, 1));
        ao.deleteWithSQL(KpiEventEntity.class, KpiEventEntity.RECORD_ISSUE_ID + " = ?", issueId);
        ao.create(KpiEventEntity.class, fresh.stream().map(stored -> columns(issueId, stored)).toList());
        apply(deltas);
        return true;
    }

    /** The change of one roll-up (a project's month or month edge): the tallies to add (negative to take away). */
    private static final class Delta {
        private final String projectKey;
        private final int month;
        private final String kind;
        private final MonthTallies tallies = new MonthTallies();

        private Delta(String projectKey, int month, String kind) {
            this.projectKey = projectKey;
            this.month = month;
            this.kind = kind;
        }
    }

    /**
     * Adds an event to its month's roll-up and, when it lies near a month start, to that start's edge roll-up under
     * its minute from the start.
     */
    private static void add(Map<String, Delta> deltas, Stored stored, int sign) {
        KpiEvent event = stored.event();
        int month = MonthSlices.utcMonth(event.at());
        deltas.computeIfAbsent(rollupKey(KpiRollupEntity.MONTH, stored.projectKey(), month),
                k -> new Delta(stored.projectKey(), month, KpiRollupEntity.MONTH)).tallies.add(event, sign);
        Integer edge = MonthSlices.edgeMonth(event.at());
        if (edge != null) {
            long minute = Math.floorDiv(event.at().getEpochSecond()
                    - MonthSlices.boundaryInstant(edge).getEpochSecond(), 60);
            deltas.computeIfAbsent(rollupKey(KpiRollupEntity.EDGE, stored.projectKey(), edge),
                            k -> new Delta(stored.projectKey(), edge, KpiRollupEntity.EDGE))
                    .tallies.add(event.metric(), minute + ":" + event.dim(), sign, (long) sign * event.value());
        }
    }

    private void apply(Map<String, Delta> deltas) {
        List<Map<String, Object>> created = new ArrayList<>();
        for (Map.Entry<String, Delta> entry : deltas.entrySet()) {
            Delta delta = entry.getValue();
            if (delta.tallies.isEmpty()) {
                continue;
            }
            // ROLLUP_KEY = ? (unique): an ASCII key of project key and month; case-insensitive on MySQL/SQL Server
            // default collations, which cannot merge two keys because project keys are upper case
            KpiRollupEntity[] existing = ao.find(KpiRollupEntity.class, Query.select()
                    .where(KpiRollupEntity.ROLLUP_KEY + " = ?", entry.getKey()));
            MonthTallies tallies = existing.length == 0 ? new MonthTallies()
                    : MonthTallies.decode(existing[0].getTallies());
            tallies.addAll(delta.tallies);
            if (tallies.hasNegative()) {
                throw new IllegalStateException("KPI roll-up " + entry.getKey() + " would go below zero: it disagrees"
                        + " with the stored events; the nightly reconcile repairs the records' events");
            }
            if (existing.length == 0) {
                Map<String, Object> columns = new HashMap<>();
                columns.put(KpiRollupEntity.ROLLUP_KEY, entry.getKey());
                columns.put(KpiRollupEntity.PROJECT_KEY, delta.projectKey);
                columns.put(KpiRollupEntity.UTC_MONTH, delta.month);
                columns.put(KpiRollupEntity.KIND, delta.kind);
                columns.put(KpiRollupEntity.TALLIES, tallies.encode());
                created.add(columns);
            } else if (tallies.isEmpty()) {
                ao.delete(existing[0]);
            } else {
                existing[0].setTallies(tallies.encode());
                existing[0].save();
            }
        }
        ao.create(KpiRollupEntity.class, created);
    }

    private <T> T locked(java.util.function.Supplier<T> work) {
        ClusterLock lock = locks.getLockForName(LOCK_NAME);
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static boolean sameEvents(List<Stored> a, List<Stored> b) {
        return a.size() == b.size() && counts(a).equals(counts(b));
    }

    private static Map<Stored, Integer> counts(List<Stored> events) {
        Map<Stored, Integer> counts = new HashMap<>();
        events.forEach(e -> counts.merge(e, 1, Integer::sum));
        return counts;
    }

    static Stored stored(KpiEventEntity row) {
        KpiEvent event = new KpiEvent(Metric.ofCode(row.getMetric()), row.getDim() == null ? "" : row.getDim(),
                row.getEventAt().toInstant(), row.getAmount());
        return new Stored(row.getProjectKey(), event);
    }

    private static Map<String, Object> columns(long issueId, Stored stored) {
        Map<String, Object> columns = new HashMap<>();
        columns.put(KpiEventEntity.RECORD_ISSUE_ID, issueId);
        columns.put(KpiEventEntity.PROJECT_KEY, stored.projectKey());
        columns.put(KpiEventEntity.METRIC, stored.event().metric().code());
        columns.put(KpiEventEntity.DIM, stored.event().dim().isEmpty() ? null : stored.event().dim());
        columns.put(KpiEventEntity.EVENT_AT, Date.from(stored.event().at()));
        columns.put(KpiEventEntity.AMOUNT, stored.event().value());
        return columns;
    }

    /** Kind, month and project; hashed when a very long project key would make it too long. */
    static String rollupKey(String kind, String projectKey, int month) {
        String key = kind + "|" + month + "|" + projectKey;
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
