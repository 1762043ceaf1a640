package dev.failforward.jira.projection;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordPage;
import dev.failforward.core.record.RecordQuery;

import java.util.List;
import java.util.Optional;

/** A repository that passes every call on; tests override one method to make it fail. */
class ForwardingRecords implements FailureRecordRepository {

    private final FailureRecordRepository delegate;

    ForwardingRecords(FailureRecordRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public FailureRecord upsert(FailureRecord record) {
        return delegate.upsert(record);
    }

    @Override
    public Optional<FailureRecord> findByIssueId(long issueId) {
        return delegate.findByIssueId(issueId);
    }

    @Override
    public Optional<FailureRecord> findByIssueKey(String issueKey) {
        return delegate.findByIssueKey(issueKey);
    }

    @Override
    public List<FailureRecord> findPivotedFrom(String issueKey, int limit) {
        return delegate.findPivotedFrom(issueKey, limit);
    }

    @Override
    public List<FailureRecord> findByProject(String projectKey, PageRequest page) {
        return delegate.findByProject(projectKey, page);
    }

    @Override
    public int countByProject(String projectKey) {
        return delegate.countByProject(projectKey);
    }

    @Override
    public RecordPage search(RecordQuery query) {
        return delegate.search(query);
    }

    @Override
    public int count(RecordQuery query) {
        return delegate.count(query);
    }

    @Override
    public List<Long> issueIds(String projectKey, long afterIssueId, int limit) {
        return delegate.issueIds(projectKey, afterIssueId, limit);
    }

    @Override
    public boolean deleteByIssueId(long issueId) {
        return delegate.deleteByIssueId(issueId);
    }
}
