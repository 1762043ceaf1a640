package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The failure database on Active Objects. Returns immutable core values, never AO proxies (STYLE.md habit 3).
 *
 * <p>Upsert runs find-then-write inside one transaction, keyed by the issue id, which has a unique constraint: if two
 * nodes project the same new issue at once, the second insert fails on the constraint instead of duplicating the
 * record, and the projection's retry then takes the update path.
 */
@Named
public class AoFailureRecordRepository implements FailureRecordRepository {

    private final ActiveObjects ao;

    @Inject
    public AoFailureRecordRepository(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    @Override
    public FailureRecord upsert(FailureRecord record) {
        Objects.requireNonNull(record, "record");
        return ao.executeInTransaction(() -> {
            FailureRecordEntity[] existing = ao.find(FailureRecordEntity.class,
                    Query.select().where(FailureRecordEntity.ISSUE_ID + " = ?", record.issueId()));
            if (existing.length == 0) {
                return toRecord(ao.create(FailureRecordEntity.class, columns(record)));
            }
            FailureRecordEntity entity = existing[0];
            entity.setIssueKey(record.issueKey());
            entity.setProjectKey(record.projectKey());
            entity.setKind(record.kind().name());
            entity.setSummary(record.summary());
            entity.setStatus(record.status());
            entity.setHypothesis(record.hypothesis());
            entity.setCreatedAt(Date.from(record.createdAt()));
            entity.setUpdatedAt(Date.from(record.updatedAt()));
            entity.save();
            return toRecord(entity);
        });
    }

    @Override
    public Optional<FailureRecord> findByIssueId(long issueId) {
        return first(Query.select().where(FailureRecordEntity.ISSUE_ID + " = ?", issueId));
    }

    @Override
    public Optional<FailureRecord> findByIssueKey(String issueKey) {
        Objects.requireNonNull(issueKey, "issueKey");
        return first(Query.select().where(FailureRecordEntity.ISSUE_KEY + " = ?", issueKey));
    }

    @Override
    public List<FailureRecord> findByProject(String projectKey, PageRequest page) {
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(page, "page");
        FailureRecordEntity[] rows = ao.find(FailureRecordEntity.class, Query.select()
                .where(FailureRecordEntity.PROJECT_KEY + " = ?", projectKey)
                .order(FailureRecordEntity.CREATED_AT + " DESC, " + FailureRecordEntity.ISSUE_ID + " DESC")
                .offset(page.offset())
                .limit(page.limit()));
        return Arrays.stream(rows).map(AoFailureRecordRepository::toRecord).toList();
    }

    @Override
    public int countByProject(String projectKey) {
        Objects.requireNonNull(projectKey, "projectKey");
        return ao.count(FailureRecordEntity.class, FailureRecordEntity.PROJECT_KEY + " = ?", projectKey);
    }

    @Override
    public boolean deleteByIssueId(long issueId) {
        return ao.deleteWithSQL(FailureRecordEntity.class, FailureRecordEntity.ISSUE_ID + " = ?", issueId) > 0;
    }

    private Optional<FailureRecord> first(Query query) {
        FailureRecordEntity[] rows = ao.find(FailureRecordEntity.class, query.limit(1));
        return rows.length == 0 ? Optional.empty() : Optional.of(toRecord(rows[0]));
    }

    private static Map<String, Object> columns(FailureRecord record) {
        Map<String, Object> columns = new HashMap<>();
        columns.put(FailureRecordEntity.ISSUE_ID, record.issueId());
        columns.put(FailureRecordEntity.ISSUE_KEY, record.issueKey());
        columns.put(FailureRecordEntity.PROJECT_KEY, record.projectKey());
        columns.put(FailureRecordEntity.KIND, record.kind().name());
        columns.put(FailureRecordEntity.SUMMARY, record.summary());
        columns.put(FailureRecordEntity.STATUS, record.status());
        if (record.hypothesis() != null) {
            columns.put(FailureRecordEntity.HYPOTHESIS, record.hypothesis());
        }
        columns.put(FailureRecordEntity.CREATED_AT, Date.from(record.createdAt()));
        columns.put(FailureRecordEntity.UPDATED_AT, Date.from(record.updatedAt()));
        return columns;
    }

    private static FailureRecord toRecord(FailureRecordEntity e) {
        return new FailureRecord(e.getIssueId(), e.getIssueKey(), e.getProjectKey(), RecordKind.valueOf(e.getKind()),
                e.getSummary(), e.getStatus(), e.getHypothesis(), e.getCreatedAt().toInstant(), e.getUpdatedAt().toInstant());
    }
}
