package dev.failforward.jira.projection;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordPage;
import dev.failforward.core.record.RecordQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The failure database in a map, with the repository contract the projection relies on: upsert by issue id, version 0
 * on insert, one more when a field changed, unchanged when the same record is written again (as
 * {@code AoFailureRecordRepository} does, tested on the real ORM in {@code AoFailureRecordRepositoryTest}).
 */
final class InMemoryFailureRecords implements FailureRecordRepository {

    private final Map<Long, FailureRecord> records = new TreeMap<>();
    final AtomicInteger upserts = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();

    @Override
    public synchronized FailureRecord upsert(FailureRecord record) {
        upserts.incrementAndGet();
        FailureRecord stored = records.get(record.issueId());
        if (stored == null) {
            FailureRecord inserted = record.toBuilder().version(0).build();
            records.put(record.issueId(), inserted);
            return inserted;
        }
        if (stored.equals(record.toBuilder().version(stored.version()).build())) {
            return stored;
        }
        FailureRecord changed = record.toBuilder().version(stored.version() + 1).build();
        records.put(record.issueId(), changed);
        return changed;
    }

    @Override
    public synchronized Optional<FailureRecord> findByIssueId(long issueId) {
        return Optional.ofNullable(records.get(issueId));
    }

    @Override
    public synchronized Optional<FailureRecord> findByIssueKey(String issueKey) {
        return records.values().stream().filter(r -> r.issueKey().equals(issueKey)).findFirst();
    }

    @Override
    public synchronized List<FailureRecord> findPivotedFrom(String issueKey, int limit) {
        return records.values().stream().filter(r -> issueKey.equals(r.pivotedFrom()))
                .sorted(java.util.Comparator.comparingLong(FailureRecord::issueId)).limit(limit).toList();
    }

    @Override
    public List<FailureRecord> findByProject(String projectKey, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int countByProject(String projectKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RecordPage search(RecordQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int count(RecordQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized List<Long> issueIds(String projectKey, long afterIssueId, int limit) {
        List<Long> ids = new ArrayList<>();
        for (FailureRecord record : records.values()) {
            if (record.issueId() > afterIssueId && (projectKey == null || projectKey.equals(record.projectKey()))) {
                ids.add(record.issueId());
                if (ids.size() == limit) {
                    break;
                }
            }
        }
        return ids;
    }

    @Override
    public synchronized boolean deleteByIssueId(long issueId) {
        deletes.incrementAndGet();
        return records.remove(issueId) != null;
    }

    synchronized List<FailureRecord> all() {
        return List.copyOf(records.values());
    }

    /** Puts a record as it would be stored, bypassing the projection (for drift). */
    synchronized void store(FailureRecord record) {
        records.put(record.issueId(), record);
    }
}
