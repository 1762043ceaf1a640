package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.kpi.KpiEvent;
import dev.failforward.core.kpi.KpiEvents;
import dev.failforward.core.kpi.Metric;
import dev.failforward.core.kpi.MonthSlices;
import dev.failforward.core.kpi.MonthTallies;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemRepository;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningRepository;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Keeps the KPI tables in step with the failure database by applying the record change log
 * ({@link RecordChangeEntity}, written by the repositories in the same transaction as each change) in batches, off the
 * request path. For each changed record it recomputes only what the change touches — the record's own events from the
 * record and its few earliest learning and next-step times, and the events of each changed action item — compares them
 * with the stored events of the same source, and moves the difference into the monthly roll-ups: a handful of row
 * writes per change, whatever the size of the record or of the database.
 *
 * <p>Concurrency: a roll-up is a counter every change may touch, so exactly one applier in the cluster writes roll-ups
 * (the cluster lock {@value #LOCK_NAME}, taken with {@code tryLock} by the background applier: a node that finds it
 * taken leaves the work to the holder). Request threads only insert change-log rows, which no other writer waits for.
 * A batch is one transaction: its events, roll-ups and the deletion of the change rows it applied commit together, so
 * a crash in the middle applies the batch again from scratch, never twice. {@code ROLLUP_KEY} is unique, so even two
 * appliers could never create the same roll-up twice.
 *
 * <p>It lives in {@code persistence} (it was in {@code kpi}) because it is all Active Objects: the KPI tables, their
 * queries and the change log. The {@code kpi} package drives it ({@code KpiApplier}) and never touches AO itself.
 */
@Named
public class KpiIndex {

    static final String LOCK_NAME = "dev.failforward.kpi.rollup";
    /** Change rows per transaction. */
    static final int BATCH = 500;
    private static final int IN_CHUNK = 500;
    private static final int MAX_KEY_LENGTH = 255;

    private final ActiveObjects ao;
    private final FailureRecordRepository records;
    private final LearningRepository learnings;
    private final ActionItemRepository actions;
    private final ClusterLockService locks;
    private final KpiEvents kpiEvents;
    private final RecordChangeLog changeLog;

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
        this.changeLog = new RecordChangeLog(ao);
    }

    /** One stored event: a core event of a project, from the record itself ({@code actionId} null) or an item. */
    record Stored(String projectKey, Integer actionId, KpiEvent event) {
    }

    /**
     * Applies the change log until it is empty, unless another applier holds the lock (then returns -1 at once: the
     * holder goes on until the log is empty). Returns the number of change rows applied.
     */
    public int applyPending() {
        ClusterLock lock = locks.getLockForName(LOCK_NAME);
        if (!lock.tryLock()) {
            return -1;
        }
        try {
            return applyAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies the change log until it is empty, waiting for the lock when another applier holds it: for tests, bulk
     * loads and shutdown. Returns the number of change rows this call applied.
     */
    public int drain() {
        return locked(this::applyAll);
    }

    /** Asks for everything derived from these records to be recomputed (the nightly reconcile's repair). */
    public void recheck(Collection<Long> issueIds) {
        if (!issueIds.isEmpty()) {
            ao.executeInTransaction(() -> {
                changeLog.full(issueIds);
                return null;
            });
        }
    }

    private int applyAll() {
        int total = 0;
        while (true) {
            int applied = ao.executeInTransaction(this::applyBatch);
            if (applied == 0) {
                return total;
            }
            total += applied;
        }
    }

    /** What one batch has to do for one record. */
    private static final class Work {
        boolean full;
        final Set<Integer> actionIds = new TreeSet<>();
    }

    private int applyBatch() {
        RecordChangeEntity[] rows = ao.find(RecordChangeEntity.class, Query.select()
                .order("ID ASC").limit(BATCH));
        if (rows.length == 0) {
            return 0;
        }
        Map<Long, Work> work = new LinkedHashMap<>();
        List<Integer> ids = new ArrayList<>(rows.length);
        for (RecordChangeEntity row : rows) {
            ids.add(row.getID());
            Work w = work.computeIfAbsent(row.getRecordIssueId(), id -> new Work());
            switch (row.getChangeKind()) {
                case RecordChangeEntity.FULL -> w.full = true;
                case RecordChangeEntity.ACTION -> {
                    if (row.getActionId() != null) {
                        w.actionIds.add(row.getActionId());
                    }
                }
                default -> {
                    // RECORD: the record's own events, recomputed for every record of the batch anyway
                }
            }
        }
        Changes changes = new Changes();
        work.forEach((issueId, w) -> apply(issueId, w, changes));
        changes.write();
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            List<Integer> chunk = ids.subList(i, Math.min(ids.size(), i + IN_CHUNK));
            ao.deleteWithSQL(RecordChangeEntity.class, "ID IN (" + placeholders(chunk.size()) + ")", chunk.toArray());
        }
        return rows.length;
    }

    private void apply(long issueId, Work work, Changes changes) {
        Optional<FailureRecord> record = records.findByIssueId(issueId);
        if (record.isEmpty() || work.full) {
            List<Stored> fresh = new ArrayList<>();
            record.ifPresent(r -> {
                fresh.addAll(recordEvents(r));
                for (ActionItem action : actions.findByRecord(issueId)) {
                    fresh.addAll(actionEvents(r.projectKey(), action));
                }
            });
            changes.replace(issueId, storedEvents(KpiEventEntity.RECORD_ISSUE_ID + " = ?", issueId), fresh);
            return;
        }
        FailureRecord r = record.get();
        changes.replace(issueId, storedEvents(KpiEventEntity.RECORD_ISSUE_ID + " = ? AND "
                + KpiEventEntity.ACTION_ID + " IS NULL", issueId), recordEvents(r));
        for (int actionId : work.actionIds) {
            List<Stored> fresh = actions.findById(actionId).filter(a -> a.recordIssueId() == issueId)
                    .map(a -> actionEvents(r.projectKey(), a)).orElse(List.of());
            changes.replace(issueId, storedEvents(KpiEventEntity.RECORD_ISSUE_ID + " = ? AND "
                    + KpiEventEntity.ACTION_ID + " = ?", issueId, actionId), fresh);
        }
    }

    private List<Stored> recordEvents(FailureRecord record) {
        long issueId = record.issueId();
        return kpiEvents.recordEvents(record, learnings.earliestTimes(issueId, kpiEvents.learningTimesNeeded()),
                        actions.earliestCreatedTimes(issueId, kpiEvents.nextStepTimesNeeded()), reusedLearnings(issueId))
                .stream().map(e -> new Stored(record.projectKey(), null, e)).toList();
    }

    /** How many distinct learnings of the record were reused (the team learning index's value for the record). */
    private int reusedLearnings(long issueId) {
        Set<Long> learningIds = new java.util.HashSet<>();
        // RECORD_ISSUE_ID = ?: indexed; a record's reuses are few
        ao.stream(LearningReuseEntity.class, Query.select("ID, LEARNING_ID")
                        .where(LearningReuseEntity.RECORD_ISSUE_ID + " = ?", issueId),
                row -> learningIds.add(row.getLearningId()));
        return learningIds.size();
    }

    private List<Stored> actionEvents(String projectKey, ActionItem action) {
        Integer actionId = (int) action.id();
        return kpiEvents.actionEvents(action).stream().map(e -> new Stored(projectKey, actionId, e)).toList();
    }

    private Map<Integer, Stored> storedEvents(String where, Object... parameters) {
        Map<Integer, Stored> stored = new LinkedHashMap<>();
        for (KpiEventEntity row : ao.find(KpiEventEntity.class, Query.select().where(where, parameters))) {
            stored.put(row.getID(), stored(row));
        }
        return stored;
    }

    /** A record with its learnings and action items, as {@link #insertAll} takes them. */
    public record Snapshot(FailureRecord record, List<Learning> learnings, List<ActionItem> actions) {
    }

    /**
     * Writes the events of many new records at once (demo data, the benchmark's load) in one transaction: no
     * comparison with stored events, which must not exist for these records; roll-ups get one write per key. Records
     * written through the repositories also left change rows; those find their events equal and change nothing.
     */
    public void insertAll(List<Snapshot> snapshots) {
        locked(() -> ao.executeInTransaction(() -> {
            Changes changes = new Changes();
            for (Snapshot snapshot : snapshots) {
                List<Stored> fresh = new ArrayList<>(allEvents(snapshot));
                changes.insert(snapshot.record().issueId(), fresh);
            }
            changes.write();
            return null;
        }));
    }

    /**
     * Every event of a record with its learnings and items, by source, as the applier stores them. A new record's
     * learnings have not been reused yet.
     */
    List<Stored> allEvents(Snapshot snapshot) {
        FailureRecord record = snapshot.record();
        List<Stored> events = new ArrayList<>(kpiEvents.recordEvents(record,
                snapshot.learnings().stream().map(Learning::createdAt).toList(),
                snapshot.actions().stream().map(ActionItem::createdAt).toList()).stream()
                .map(e -> new Stored(record.projectKey(), null, e)).toList());
        snapshot.actions().forEach(action -> events.addAll(actionEvents(record.projectKey(), action)));
        return events;
    }

    /**
     * The roll-ups these events make, by roll-up key, the cross-project ones included: what the KPI tables must hold
     * for them (tests compare the maintained tables with this full recompute).
     */
    static Map<String, MonthTallies> rollupsOf(Collection<Stored> events) {
        Map<String, Delta> deltas = new HashMap<>();
        events.forEach(stored -> add(deltas, stored, 1));
        Map<String, MonthTallies> rollups = new HashMap<>();
        deltas.forEach((key, delta) -> {
            if (!delta.tallies.isEmpty()) {
                rollups.put(key, delta.tallies);
            }
        });
        return rollups;
    }

    /**
     * The roll-ups a full recomputation from every record, its learnings and action items gives, by roll-up key: what
     * the maintained tables must equal once the change log is applied (a consistency check; reads every record).
     */
    public Map<String, MonthTallies> recomputedRollups() {
        List<Stored> events = new ArrayList<>();
        long after = Long.MIN_VALUE;
        while (true) {
            List<Long> ids = records.issueIds(null, after, 500);
            for (long id : ids) {
                records.findByIssueId(id).ifPresent(r -> events.addAll(allEvents(new Snapshot(r,
                        learnings.findByRecord(id), actions.findByRecord(id)))));
            }
            if (ids.size() < 500) {
                return rollupsOf(events);
            }
            after = ids.get(ids.size() - 1);
        }
    }

    /** The roll-ups as stored, by roll-up key. */
    public Map<String, MonthTallies> storedRollups() {
        Map<String, MonthTallies> rollups = new HashMap<>();
        ao.stream(KpiRollupEntity.class, Query.select("ID, ROLLUP_KEY, TALLIES"),
                row -> rollups.put(row.getRollupKey(), MonthTallies.decode(row.getTallies())));
        return rollups;
    }

    /** Event and roll-up changes of one batch, written at its end. */
    private final class Changes {
        private final Map<String, Delta> deltas = new HashMap<>();
        private final Map<String, Long> projectEvents = new HashMap<>();
        private final List<Integer> deletedEvents = new ArrayList<>();
        private final List<Map<String, Object>> createdEvents = new ArrayList<>();

        /** Replaces one source's stored events by {@code fresh} when they differ. */
        void replace(long issueId, Map<Integer, Stored> old, List<Stored> fresh) {
            if (sameEvents(old.values(), fresh)) {
                return;
            }
            old.values().forEach(stored -> count(stored, -1));
            deletedEvents.addAll(old.keySet());
            insert(issueId, fresh);
        }

        void insert(long issueId, List<Stored> fresh) {
            fresh.forEach(stored -> count(stored, 1));
            fresh.forEach(stored -> createdEvents.add(columns(issueId, stored)));
        }

        private void count(Stored stored, int sign) {
            add(deltas, stored, sign);
            projectEvents.merge(stored.projectKey(), (long) sign, Long::sum);
        }

        void write() {
            for (int i = 0; i < deletedEvents.size(); i += IN_CHUNK) {
                List<Integer> chunk = deletedEvents.subList(i, Math.min(deletedEvents.size(), i + IN_CHUNK));
                ao.deleteWithSQL(KpiEventEntity.class, "ID IN (" + placeholders(chunk.size()) + ")",
                        chunk.toArray());
            }
            for (int i = 0; i < createdEvents.size(); i += 1000) {
                ao.create(KpiEventEntity.class, createdEvents.subList(i, Math.min(createdEvents.size(), i + 1000)));
            }
            applyRollups(deltas);
            applyProjectCounts(projectEvents);
        }
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
     * Adds an event to its month's roll-up and, when it lies near a month start, to the edge roll-up of that start's
     * hour slice under its minute from the start; both for its project and for all projects.
     */
    private static void add(Map<String, Delta> deltas, Stored stored, int sign) {
        for (String project : List.of(stored.projectKey(), KpiRollupEntity.ALL_PROJECTS)) {
            KpiEvent event = stored.event();
            int month = MonthSlices.utcMonth(event.at());
            deltas.computeIfAbsent(rollupKey(KpiRollupEntity.MONTH, project, month),
                    k -> new Delta(project, month, KpiRollupEntity.MONTH)).tallies.add(event, sign);
            Integer edge = MonthSlices.edgeMonth(event.at());
            if (edge != null) {
                long minute = Math.floorDiv(event.at().getEpochSecond()
                        - MonthSlices.boundaryInstant(edge).getEpochSecond(), 60);
                String kind = edgeKind(MonthSlices.edgeHour(minute));
                deltas.computeIfAbsent(rollupKey(kind, project, edge), k -> new Delta(project, edge, kind))
                        .tallies.add(event.metric(), minute + ":" + event.dim(), sign, (long) sign * event.value());
            }
        }
    }

    /**
     * Reads the touched roll-ups with one query per {@value #IN_CHUNK} keys, then updates, creates or deletes each.
     * Only the lock holder writes roll-ups, so the read-modify-write cannot interleave with another writer's.
     */
    private void applyRollups(Map<String, Delta> deltas) {
        List<String> keys = deltas.entrySet().stream().filter(e -> !e.getValue().tallies.isEmpty())
                .map(Map.Entry::getKey).sorted().toList();
        Map<String, KpiRollupEntity> existing = new HashMap<>();
        for (int i = 0; i < keys.size(); i += IN_CHUNK) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + IN_CHUNK));
            for (KpiRollupEntity row : ao.find(KpiRollupEntity.class, Query.select().where(
                    KpiRollupEntity.ROLLUP_KEY + " IN (" + placeholders(chunk.size()) + ")", chunk.toArray()))) {
                existing.put(row.getRollupKey(), row);
            }
        }
        List<Map<String, Object>> created = new ArrayList<>();
        List<KpiRollupEntity> deleted = new ArrayList<>();
        for (String key : keys) {
            Delta delta = deltas.get(key);
            KpiRollupEntity row = existing.get(key);
            MonthTallies tallies = row == null ? new MonthTallies() : MonthTallies.decode(row.getTallies());
            tallies.addAll(delta.tallies);
            if (tallies.hasNegative()) {
                throw new IllegalStateException("KPI roll-up " + key + " would go below zero: it disagrees with the"
                        + " stored events; the nightly reconcile repairs the records' events");
            }
            if (row == null) {
                Map<String, Object> columns = new HashMap<>();
                columns.put(KpiRollupEntity.ROLLUP_KEY, key);
                columns.put(KpiRollupEntity.PROJECT_KEY, delta.projectKey);
                columns.put(KpiRollupEntity.UTC_MONTH, delta.month);
                columns.put(KpiRollupEntity.KIND, delta.kind);
                columns.put(KpiRollupEntity.TALLIES, tallies.encode());
                created.add(columns);
            } else if (tallies.isEmpty()) {
                deleted.add(row);
            } else {
                row.setTallies(tallies.encode());
                row.save();
            }
        }
        if (!deleted.isEmpty()) {
            ao.delete(deleted.toArray(new KpiRollupEntity[0]));
        }
        ao.create(KpiRollupEntity.class, created);
    }

    private void applyProjectCounts(Map<String, Long> projectEvents) {
        for (Map.Entry<String, Long> entry : new java.util.TreeMap<>(projectEvents).entrySet()) {
            if (entry.getValue() == 0) {
                continue;
            }
            KpiProjectEntity[] rows = ao.find(KpiProjectEntity.class, Query.select()
                    .where(KpiProjectEntity.PROJECT_KEY + " = ?", entry.getKey()));
            if (rows.length == 0) {
                Map<String, Object> columns = new HashMap<>();
                columns.put(KpiProjectEntity.PROJECT_KEY, entry.getKey());
                columns.put(KpiProjectEntity.EVENTS, Math.max(0, entry.getValue()));
                ao.create(KpiProjectEntity.class, columns);
            } else {
                rows[0].setEvents(Math.max(0, rows[0].getEvents() + entry.getValue()));
                rows[0].save();
            }
        }
    }

    private <T> T locked(Supplier<T> work) {
        ClusterLock lock = locks.getLockForName(LOCK_NAME);
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static boolean sameEvents(Collection<Stored> a, Collection<Stored> b) {
        return a.size() == b.size() && counts(a).equals(counts(b));
    }

    private static Map<Stored, Integer> counts(Collection<Stored> events) {
        Map<Stored, Integer> counts = new HashMap<>();
        events.forEach(e -> counts.merge(e, 1, Integer::sum));
        return counts;
    }

    static Stored stored(KpiEventEntity row) {
        KpiEvent event = new KpiEvent(Metric.ofCode(row.getMetric()), row.getDim() == null ? "" : row.getDim(),
                row.getEventAt().toInstant(), row.getAmount());
        return new Stored(row.getProjectKey(), row.getActionId(), event);
    }

    private static Map<String, Object> columns(long issueId, Stored stored) {
        Map<String, Object> columns = new HashMap<>();
        columns.put(KpiEventEntity.RECORD_ISSUE_ID, issueId);
        if (stored.actionId() != null) {
            columns.put(KpiEventEntity.ACTION_ID, stored.actionId());
        }
        columns.put(KpiEventEntity.PROJECT_KEY, stored.projectKey());
        columns.put(KpiEventEntity.METRIC, stored.event().metric().code());
        columns.put(KpiEventEntity.DIM, stored.event().dim().isEmpty() ? null : stored.event().dim());
        columns.put(KpiEventEntity.EVENT_AT, Date.from(stored.event().at()));
        columns.put(KpiEventEntity.AMOUNT, stored.event().value());
        return columns;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The kind of the edge roll-up of one hour slice ({@link KpiRollupEntity#EDGE_KINDS}). */
    static String edgeKind(int hour) {
        return String.valueOf(KpiRollupEntity.EDGE_KINDS.charAt(hour));
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
