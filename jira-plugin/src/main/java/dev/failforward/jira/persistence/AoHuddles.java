package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.jira.huddle.Huddle;
import dev.failforward.jira.huddle.HuddleStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Huddles held ({@link HuddleEntity}) and the overdue follow-ups of a huddle board, on Active Objects.
 *
 * <p>Holding a huddle is an insert in a transaction of its own; the unique {@code HUDDLE_KEY} (team and ISO week)
 * keeps one row when two people (on two nodes) press "held" at once — the second insert meets the duplicate key
 * (after {@link Transactions#write} tried again on HSQLDB's conflict) and both read the one stored huddle.
 *
 * <p>Overdue follow-ups: one query for the open items due before today ({@code STATUS = ? AND DUE_DATE < ?}, both
 * indexed; dates are {@code YYYY-MM-DD} strings, so string order is date order on every database), then their records
 * by {@code ISSUE_ID IN (…)} lists of at most {@value #IN_LIST}, kept when in the team's projects. Overdue open items
 * are few next to all items; at most {@value #SCAN} are read, the latest due date first.
 */
@Named
public class AoHuddles implements HuddleStore {

    private static final int IN_LIST = 500;
    private static final int SCAN = 2000;

    private final ActiveObjects ao;

    @Inject
    public AoHuddles(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    @Override
    public Held hold(Huddle huddle) {
        Optional<Huddle> stored = find(huddle.key());
        if (stored.isPresent()) {
            return new Held(stored.get(), false);
        }
        Map<String, Object> row = new HashMap<>();
        row.put(HuddleEntity.HUDDLE_KEY, huddle.key());
        row.put(HuddleEntity.TEAM_KEY, huddle.teamKey());
        row.put(HuddleEntity.PROJECT_KEYS, String.join(",", huddle.projectKeys()));
        row.put(HuddleEntity.HELD_AT, Date.from(huddle.heldAt()));
        row.put(HuddleEntity.HELD_BY, huddle.heldBy());
        row.put(HuddleEntity.FAILURES_REVIEWED, huddle.failuresReviewed());
        row.put(HuddleEntity.CELEBRATED_LEARNING_ID, huddle.celebratedLearningId());
        row.put(HuddleEntity.NOTE, huddle.note());
        boolean created;
        try {
            Transactions.write(ao, () -> ao.create(HuddleEntity.class, row));
            created = true;
        } catch (RuntimeException e) {
            if (!DatabaseErrors.isUniqueViolation(e)) {
                throw e;
            }
            created = false;
        }
        return new Held(find(huddle.key())
                .orElseThrow(() -> new IllegalStateException("huddle " + huddle.key() + " not stored")), created);
    }

    private Optional<Huddle> find(String key) {
        // HUDDLE_KEY = ?: unique
        HuddleEntity[] rows = ao.find(HuddleEntity.class, Query.select().where(HuddleEntity.HUDDLE_KEY + " = ?", key));
        return rows.length == 0 ? Optional.empty() : Optional.of(huddle(rows[0]));
    }

    @Override
    public List<Huddle> history(String teamKey, int limit) {
        // TEAM_KEY = ?: indexed
        return Arrays.stream(ao.find(HuddleEntity.class, Query.select()
                        .where(HuddleEntity.TEAM_KEY + " = ?", teamKey)
                        .order(HuddleEntity.HELD_AT + " DESC, ID DESC").limit(limit)))
                .map(AoHuddles::huddle).toList();
    }

    @Override
    public List<OverdueAction> overdue(Set<String> projectKeys, LocalDate today, int limit) {
        if (projectKeys.isEmpty()) {
            return List.of();
        }
        ActionItemEntity[] items = ao.find(ActionItemEntity.class, Query.select()
                .where(ActionItemEntity.STATUS + " = ? AND " + ActionItemEntity.DUE_DATE + " < ?",
                        ActionStatus.OPEN.name(), today.toString())
                .order(ActionItemEntity.DUE_DATE + " DESC, ID DESC").limit(SCAN));
        List<Long> issueIds = Arrays.stream(items).map(ActionItemEntity::getRecordIssueId).distinct().toList();
        Map<Long, FailureRecordEntity> records = new HashMap<>();
        for (int i = 0; i < issueIds.size(); i += IN_LIST) {
            List<Long> chunk = issueIds.subList(i, Math.min(issueIds.size(), i + IN_LIST));
            for (FailureRecordEntity r : ao.find(FailureRecordEntity.class, Query.select(String.join(", ", "ID",
                            FailureRecordEntity.ISSUE_ID, FailureRecordEntity.ISSUE_KEY,
                            FailureRecordEntity.PROJECT_KEY, FailureRecordEntity.SUMMARY))
                    .where(FailureRecordEntity.ISSUE_ID + " IN (" + String.join(", ",
                            Collections.nCopies(chunk.size(), "?")) + ")", chunk.toArray()))) {
                records.put(r.getIssueId(), r);
            }
        }
        List<OverdueAction> overdue = new ArrayList<>();
        for (ActionItemEntity item : items) {
            FailureRecordEntity record = records.get(item.getRecordIssueId());
            if (record != null && projectKeys.contains(record.getProjectKey())) {
                overdue.add(new OverdueAction(AoActionItemRepository.toItem(item), record.getIssueKey(),
                        record.getProjectKey(), record.getSummary()));
                if (overdue.size() == limit) {
                    break;
                }
            }
        }
        return overdue;
    }

    private static Huddle huddle(HuddleEntity row) {
        String key = row.getHuddleKey();
        return new Huddle(row.getTeamKey(), List.of(row.getProjectKeys().split(",")),
                key.substring(key.lastIndexOf('@') + 1), row.getHeldAt().toInstant(), row.getHeldBy(),
                row.getFailuresReviewed(), row.getCelebratedLearningId(), row.getNote());
    }
}
