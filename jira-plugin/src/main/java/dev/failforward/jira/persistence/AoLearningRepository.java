package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.SourcePage;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.LearningRepository;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Learnings on Active Objects; returns core values, never AO proxies. */
@Named
public class AoLearningRepository implements LearningRepository {

    private final ActiveObjects ao;
    private final RecordChangeLog changes;

    @Inject
    public AoLearningRepository(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.changes = new RecordChangeLog(ao);
    }

    @Override
    public Learning add(Learning.Draft draft) {
        Objects.requireNonNull(draft, "draft");
        Map<String, Object> columns = new HashMap<>();
        columns.put(LearningEntity.RECORD_ISSUE_ID, draft.recordIssueId());
        columns.put(LearningEntity.BODY, draft.text());
        columns.put(LearningEntity.SEARCH_TEXT, searchText(draft.text()));
        columns.put(LearningEntity.KIND, draft.kind().name());
        columns.put(LearningEntity.AUTHOR_KEY, draft.authorKey());
        columns.put(LearningEntity.CREATED_AT, Date.from(draft.createdAt()));
        if (draft.source() != null) {
            columns.put(LearningEntity.SOURCE_URL, draft.source().url());
            columns.put(LearningEntity.SOURCE_TITLE, draft.source().title());
        }
        return Transactions.write(ao, () -> {
            Learning learning = toLearning(ao.create(LearningEntity.class, columns));
            changes.record(learning.recordIssueId());
            return learning;
        });
    }

    @Override
    public Optional<Learning> findById(long id) {
        return entity(id).map(AoLearningRepository::toLearning);
    }

    @Override
    public List<Learning> findByRecord(long recordIssueId) {
        // RECORD_ISSUE_ID = ? ORDER BY CREATED_AT, ID: numbers and NOT NULL dates, the same on every database
        LearningEntity[] rows = ao.find(LearningEntity.class, Query.select()
                .where(LearningEntity.RECORD_ISSUE_ID + " = ?", recordIssueId)
                .order(LearningEntity.CREATED_AT + " ASC, ID ASC"));
        return Arrays.stream(rows).map(AoLearningRepository::toLearning).toList();
    }

    @Override
    public int countByRecord(long recordIssueId) {
        // COUNT(*) … WHERE RECORD_ISSUE_ID = ?: portable
        return ao.count(LearningEntity.class, LearningEntity.RECORD_ISSUE_ID + " = ?", recordIssueId);
    }

    @Override
    public Optional<Learning> update(Learning edited) {
        Objects.requireNonNull(edited, "edited");
        return Transactions.write(ao, () -> entity(edited.id())
                .filter(e -> e.getRecordIssueId() == edited.recordIssueId())
                .map(e -> {
                    e.setBody(edited.text());
                    e.setSearchText(searchText(edited.text()));
                    e.setKind(edited.kind().name());
                    e.save();
                    changes.record(e.getRecordIssueId());
                    return toLearning(e);
                }));
    }

    @Override
    public boolean delete(long id) {
        // DELETE … WHERE ID = ?: AO quotes ID (operator follows); ids come from a sequence (PostgreSQL SERIAL, Oracle
        // sequence + trigger, MySQL AUTO_INCREMENT, SQL Server IDENTITY), never reused by the database itself
        return Transactions.write(ao, () -> {
            Optional<LearningEntity> row = entity(id);
            if (row.isEmpty() || ao.deleteWithSQL(LearningEntity.class, "ID = ?", row.get().getID()) == 0) {
                return false;
            }
            changes.record(row.get().getRecordIssueId());
            return true;
        });
    }

    @Override
    public List<Instant> earliestTimes(long recordIssueId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // ORDER BY + LIMIT on the RECORD_ISSUE_ID index: a few rows read however many learnings the record has
        // (MySQL, SQL Server and Oracle: AO renders the limit as LIMIT, TOP and ROWNUM/FETCH FIRST respectively)
        LearningEntity[] rows = ao.find(LearningEntity.class, Query.select("ID, " + LearningEntity.CREATED_AT)
                .where(LearningEntity.RECORD_ISSUE_ID + " = ?", recordIssueId)
                .order(LearningEntity.CREATED_AT + " ASC, ID ASC").limit(limit));
        return Arrays.stream(rows).map(row -> row.getCreatedAt().toInstant()).toList();
    }

    /** The text the archive's free-text search matches: the body, lower-cased as the query is. */
    public static String searchText(String body) {
        return body.toLowerCase(Locale.ROOT);
    }

    private Optional<LearningEntity> entity(long id) {
        if (id <= 0 || id > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        // ID = ? with an int: AO's ID is INTEGER on every database (NUMBER(11) on Oracle)
        LearningEntity[] rows = ao.find(LearningEntity.class, Query.select().where("ID = ?", (int) id));
        return rows.length == 0 ? Optional.empty() : Optional.of(rows[0]);
    }

    static Learning toLearning(LearningEntity e) {
        return new Learning(e.getID(), e.getRecordIssueId(), e.getBody(), LearningKind.valueOf(e.getKind()),
                e.getAuthorKey(), e.getCreatedAt().toInstant(), SourcePage.ofNullable(e.getSourceUrl(), e.getSourceTitle()));
    }
}
