package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.record.ActionStatus;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reads of the follow-up reminders, the "My follow-ups" dashboard item and the weekly digest: action items that
 * are due or whose effectiveness check-in is due, with their record's issue key, project and summary; records and
 * learnings created in a period. Every query is {@code COLUMN = ?} / {@code COLUMN <= ?} on indexed columns and
 * {@code IN (…)} lists of at most {@value #IN_LIMIT} values (Oracle allows 1,000); dates are ISO text
 * ({@code yyyy-MM-dd}), which compares as dates under every collation.
 */
@Named
public class AoFollowUps {

    static final int IN_LIMIT = 500;

    private final ActiveObjects ao;

    @Inject
    public AoFollowUps(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    /** An action item with what a reminder or the dashboard item shows of its record. */
    public record Item(long id, long recordIssueId, String issueKey, String projectKey, String recordSummary,
                       String description, String ownerKey, LocalDate dueDate, String type, String status,
                       LocalDate checkInDate, long version) {

        /** Open and past its due date on {@code today}. */
        public boolean overdue(LocalDate today) {
            return ActionStatus.OPEN.name().equals(status) && dueDate.isBefore(today);
        }

        /** Done, its check-in date reached on {@code today} and no result yet: the "study" step is due. */
        public boolean checkInDue(LocalDate today) {
            return ActionStatus.DONE.name().equals(status) && checkInDate != null && !checkInDate.isAfter(today);
        }
    }

    /** A record as the digest lists it. */
    public record Record(String issueKey, String projectKey, String kind, String summary, Instant createdAt) {
    }

    /** A learning as the digest lists it. */
    public record Learning(long id, String issueKey, String projectKey, String body, Instant createdAt) {
    }

    /** Open items due on or before {@code lastDay} (overdue ones included), by due date. */
    public List<Item> openDueBy(LocalDate lastDay) {
        return items(Query.select().where(ActionItemEntity.STATUS + " = ? AND " + ActionItemEntity.DUE_DATE + " <= ?",
                ActionStatus.OPEN.name(), lastDay.toString()));
    }

    /** Done items whose check-in date is {@code day} or earlier and that have no check-in result. */
    public List<Item> checkInsDueBy(LocalDate day) {
        return items(Query.select().where(ActionItemEntity.STATUS + " = ? AND " + ActionItemEntity.CHECK_IN_DATE
                + " <= ? AND " + ActionItemEntity.CHECK_IN_RESULT + " IS NULL", ActionStatus.DONE.name(), day.toString()));
    }

    /**
     * The owner's follow-ups: open items, and done items whose check-in is due on {@code today}; overdue first, then
     * by due date (check-ins by check-in date), then id.
     */
    public List<Item> ofOwner(String ownerKey, LocalDate today) {
        List<Item> mine = new ArrayList<>(items(Query.select().where(ActionItemEntity.OWNER_KEY + " = ? AND "
                + ActionItemEntity.STATUS + " = ?", ownerKey, ActionStatus.OPEN.name())));
        mine.addAll(items(Query.select().where(ActionItemEntity.OWNER_KEY + " = ? AND " + ActionItemEntity.STATUS
                + " = ? AND " + ActionItemEntity.CHECK_IN_DATE + " <= ? AND " + ActionItemEntity.CHECK_IN_RESULT
                + " IS NULL", ownerKey, ActionStatus.DONE.name(), today.toString())));
        mine.sort(Comparator.comparing((Item item) -> !item.overdue(today))
                .thenComparing(item -> item.checkInDue(today) ? item.checkInDate() : item.dueDate())
                .thenComparingLong(Item::id));
        return mine;
    }

    /** Records of the projects created in {@code [from, to)}, newest first, at most {@code limit}. */
    public List<Record> recordsCreated(Set<String> projects, Instant from, Instant to, int limit) {
        List<Record> found = new ArrayList<>();
        for (List<String> chunk : chunks(projects)) {
            FailureRecordEntity[] rows = ao.find(FailureRecordEntity.class, Query.select()
                    .where(FailureRecordEntity.PROJECT_KEY + " IN (" + placeholders(chunk.size()) + ") AND "
                            + FailureRecordEntity.CREATED_AT + " >= ? AND " + FailureRecordEntity.CREATED_AT + " < ?",
                            params(chunk, Date.from(from), Date.from(to)))
                    .order(FailureRecordEntity.CREATED_AT + " DESC, ID DESC").limit(limit));
            for (FailureRecordEntity row : rows) {
                found.add(new Record(row.getIssueKey(), row.getProjectKey(), row.getKind(), row.getSummary(),
                        row.getCreatedAt().toInstant()));
            }
        }
        found.sort(Comparator.comparing(Record::createdAt).reversed().thenComparing(Record::issueKey));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /** Learnings of the projects' records created in {@code [from, to)}, newest first, at most {@code limit}. */
    public List<Learning> learningsCreated(Set<String> projects, Instant from, Instant to, int limit) {
        LearningEntity[] rows = ao.find(LearningEntity.class, Query.select()
                .where(LearningEntity.CREATED_AT + " >= ? AND " + LearningEntity.CREATED_AT + " < ?", Date.from(from),
                        Date.from(to))
                .order(LearningEntity.CREATED_AT + " DESC, ID DESC"));
        Map<Long, FailureRecordEntity> records = records(java.util.Arrays.stream(rows)
                .map(LearningEntity::getRecordIssueId).toList());
        List<Learning> found = new ArrayList<>();
        for (LearningEntity row : rows) {
            FailureRecordEntity record = records.get(row.getRecordIssueId());
            if (record != null && projects.contains(record.getProjectKey()) && found.size() < limit) {
                found.add(new Learning(row.getID(), record.getIssueKey(), record.getProjectKey(), row.getBody(),
                        row.getCreatedAt().toInstant()));
            }
        }
        return found;
    }

    private List<Item> items(Query query) {
        ActionItemEntity[] rows = ao.find(ActionItemEntity.class, query.order(ActionItemEntity.DUE_DATE + " ASC, ID ASC"));
        Map<Long, FailureRecordEntity> records = records(java.util.Arrays.stream(rows)
                .map(ActionItemEntity::getRecordIssueId).toList());
        List<Item> items = new ArrayList<>();
        for (ActionItemEntity row : rows) {
            FailureRecordEntity record = records.get(row.getRecordIssueId());
            if (record == null) {
                continue; // the record's issue was deleted: its items are no one's follow-ups any more
            }
            items.add(new Item(row.getID(), row.getRecordIssueId(), record.getIssueKey(), record.getProjectKey(),
                    record.getSummary(), row.getDescription(), row.getOwnerKey(), LocalDate.parse(row.getDueDate()),
                    row.getItemType(), row.getStatus(),
                    row.getCheckInDate() == null ? null : LocalDate.parse(row.getCheckInDate()), row.getVersion()));
        }
        return items;
    }

    private Map<Long, FailureRecordEntity> records(Collection<Long> issueIds) {
        Map<Long, FailureRecordEntity> byId = new HashMap<>();
        for (List<Long> chunk : chunks(Set.copyOf(issueIds))) {
            for (FailureRecordEntity row : ao.find(FailureRecordEntity.class, Query.select().where(
                    FailureRecordEntity.ISSUE_ID + " IN (" + placeholders(chunk.size()) + ")", chunk.toArray()))) {
                byId.put(row.getIssueId(), row);
            }
        }
        return byId;
    }

    private static <T extends Comparable<T>> List<List<T>> chunks(Collection<T> values) {
        List<T> sorted = values.stream().sorted().toList();
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i += IN_LIMIT) {
            chunks.add(sorted.subList(i, Math.min(sorted.size(), i + IN_LIMIT)));
        }
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static Object[] params(List<String> keys, Object... more) {
        List<Object> all = new ArrayList<>(keys);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
