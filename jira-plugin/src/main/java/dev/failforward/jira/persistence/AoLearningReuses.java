package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.jira.reuse.LearningReuse;
import dev.failforward.jira.reuse.LearningReuseStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reuses of learnings on Active Objects ({@link LearningReuseEntity}). Recording is an insert in a transaction of
 * its own: the unique {@code REUSE_KEY} keeps one row when two nodes record the same reuse at once — the second insert
 * waits for the first and fails with a duplicate key (PostgreSQL), or is refused as a conflict and tried again by
 * {@link Transactions#write} until it meets the duplicate (HSQLDB) — and both callers then read the one stored row.
 * The same transaction logs a change of the learning's record ({@link RecordChangeLog}), so its KPI events (the
 * learnings it taught that were reused later) are recomputed.
 *
 * <p>Portability: {@code COLUMN = ?} on the unique or indexed columns and {@code LEARNING_ID IN (…)} lists of at most
 * {@value #IN_LIST}; no vendor SQL.
 */
@Named
public class AoLearningReuses implements LearningReuseStore {

    private static final int IN_LIST = 500;

    private final ActiveObjects ao;
    private final RecordChangeLog changes;

    @Inject
    public AoLearningReuses(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.changes = new RecordChangeLog(ao);
    }

    @Override
    public Recorded record(LearningReuse reuse) {
        Optional<LearningReuse> stored = find(reuse.key());
        if (stored.isPresent()) {
            return new Recorded(stored.get(), false);
        }
        Map<String, Object> row = new HashMap<>();
        row.put(LearningReuseEntity.REUSE_KEY, reuse.key());
        row.put(LearningReuseEntity.LEARNING_ID, reuse.learningId());
        row.put(LearningReuseEntity.RECORD_ISSUE_ID, reuse.recordIssueId());
        row.put(LearningReuseEntity.PROJECT_KEY, reuse.projectKey());
        row.put(LearningReuseEntity.KIND, reuse.kind().key());
        row.put(LearningReuseEntity.TARGET, reuse.target());
        row.put(LearningReuseEntity.REUSED_BY, reuse.reusedBy());
        row.put(LearningReuseEntity.REUSED_AT, Date.from(reuse.reusedAt()));
        boolean created;
        try {
            Transactions.write(ao, () -> {
                ao.create(LearningReuseEntity.class, row);
                // the learning's record teaches one more reused learning (team learning index): recompute its events
                changes.record(reuse.recordIssueId());
                return null;
            });
            created = true;
        } catch (RuntimeException e) {
            if (!DatabaseErrors.isUniqueViolation(e)) {
                throw e;
            }
            created = false;
        }
        return new Recorded(find(reuse.key())
                .orElseThrow(() -> new IllegalStateException("reuse " + reuse.key() + " not stored")), created);
    }

    private Optional<LearningReuse> find(String key) {
        // REUSE_KEY = ?: unique
        LearningReuseEntity[] rows = ao.find(LearningReuseEntity.class, Query.select()
                .where(LearningReuseEntity.REUSE_KEY + " = ?", key));
        return rows.length == 0 ? Optional.empty() : Optional.of(reuse(rows[0]));
    }

    @Override
    public List<LearningReuse> byLearning(long learningId) {
        // LEARNING_ID = ?: indexed
        return Arrays.stream(ao.find(LearningReuseEntity.class, Query.select()
                        .where(LearningReuseEntity.LEARNING_ID + " = ?", learningId)
                        .order(LearningReuseEntity.REUSED_AT + " ASC, ID ASC")))
                .map(AoLearningReuses::reuse).toList();
    }

    @Override
    public Map<Long, Integer> counts(Collection<Long> learningIds) {
        Map<Long, Integer> counts = new HashMap<>();
        for (List<Long> chunk : chunks(learningIds)) {
            for (LearningReuseEntity row : ao.find(LearningReuseEntity.class, Query.select(
                            "ID, " + LearningReuseEntity.LEARNING_ID)
                    .where(LearningReuseEntity.LEARNING_ID + " IN (" + placeholders(chunk.size()) + ")",
                            chunk.toArray()))) {
                counts.merge(row.getLearningId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Override
    public Set<Long> reusedBy(Collection<Long> learningIds, String target) {
        Set<Long> reused = new TreeSet<>();
        for (List<Long> chunk : chunks(learningIds)) {
            List<Object> parameters = new ArrayList<>(chunk);
            parameters.add(target);
            for (LearningReuseEntity row : ao.find(LearningReuseEntity.class, Query.select(
                            "ID, " + LearningReuseEntity.LEARNING_ID + ", " + LearningReuseEntity.TARGET)
                    .where(LearningReuseEntity.LEARNING_ID + " IN (" + placeholders(chunk.size()) + ") AND "
                            + LearningReuseEntity.TARGET + " = ?", parameters.toArray()))) {
                reused.add(row.getLearningId());
            }
        }
        return reused;
    }

    private static LearningReuse reuse(LearningReuseEntity row) {
        return new LearningReuse(row.getLearningId(), row.getRecordIssueId(), row.getProjectKey(),
                LearningReuse.Kind.of(row.getKind()), row.getTarget(), row.getReusedBy(), row.getReusedAt().toInstant());
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> distinct = new ArrayList<>(new TreeSet<>(ids));
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += IN_LIST) {
            chunks.add(distinct.subList(i, Math.min(distinct.size(), i + IN_LIST)));
        }
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
