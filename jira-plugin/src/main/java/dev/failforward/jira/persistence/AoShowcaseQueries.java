package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.CheckInResult;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import static dev.failforward.jira.persistence.AoFailureRecordRepository.placeholders;

/**
 * The read-only queries of the failure showcase ({@code jira.showcase.ShowcaseService}) for some projects and one
 * period: the most reused learnings, the experiments decided, the incidents whose follow-ups were verified effective,
 * and the awards whose period overlaps. Returns core values and plain records, never AO proxies. Every query has
 * {@code ?} placeholders only, and the project lists are the caller's browsable projects (at most
 * {@value #IN_LIST} per {@code IN}, Oracle's limit; more are asked in chunks).
 *
 * <p>Sorting happens here, not in SQL, for the counts: AO has no GROUP BY result type (as in {@link AoLearningArchive}),
 * and one period's reuses of some projects are few (a row per citation).
 */
@Named
public class AoShowcaseQueries {

    static final int IN_LIST = 1_000;

    /**
     * A learning and how often it was reused in the period.
     *
     * @param retros  how many of the reuses were retro pages citing it
     * @param records how many were newer experiments or incidents applying it
     */
    public record ReusedLearning(long learningId, String body, String learningKind, FailureRecord record, long reuses,
                                 long retros, long records) {
    }

    /** An incident and its follow-ups whose effectiveness check-in in the period said {@code EFFECTIVE}. */
    public record VerifiedIncident(FailureRecord incident, List<ActionItem> effective) {
    }

    /** The first items of a longer list, and how many it holds in all ({@code total >= items.size()}). */
    public record Capped<T>(List<T> items, int total) {
        public Capped {
            items = List.copyOf(items);
        }
    }

    private final ActiveObjects ao;

    @Inject
    public AoShowcaseQueries(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    /**
     * The learnings of the projects' records reused most in {@code [from, to)}, most reuses first (then the older
     * learning, the lower id), at most {@code max}.
     */
    public List<ReusedLearning> mostReused(Collection<String> projects, Instant from, Instant to, int max) {
        Map<Long, long[]> counts = new HashMap<>(); // learning id -> {all, retros, records}
        for (List<String> chunk : chunks(projects)) {
            List<Object> parameters = new ArrayList<>(chunk);
            parameters.add(Date.from(from));
            parameters.add(Date.from(to));
            ao.stream(LearningReuseEntity.class, Query.select(String.join(", ", "ID", LearningReuseEntity.LEARNING_ID,
                            LearningReuseEntity.KIND))
                    .where(LearningReuseEntity.PROJECT_KEY + " IN (" + placeholders(chunk.size()) + ") AND "
                            + LearningReuseEntity.REUSED_AT + " >= ? AND " + LearningReuseEntity.REUSED_AT + " < ?",
                            parameters.toArray()), row -> {
                long[] count = counts.computeIfAbsent(row.getLearningId(), id -> new long[3]);
                count[0]++;
                count["retro".equals(row.getKind()) ? 1 : 2]++;
            });
        }
        List<Long> top = counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Long, long[]>>comparingLong(e -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(Math.max(0, max)).map(Map.Entry::getKey).toList();
        if (top.isEmpty()) {
            return List.of();
        }
        Map<Long, LearningEntity> learnings = new HashMap<>();
        for (LearningEntity row : ao.find(LearningEntity.class, Query.select()
                .where("ID IN (" + placeholders(top.size()) + ")", top.toArray()))) {
            learnings.put((long) row.getID(), row);
        }
        Map<Long, FailureRecord> records = recordsByIssueId(learnings.values().stream()
                .map(LearningEntity::getRecordIssueId).distinct().toList());
        List<ReusedLearning> result = new ArrayList<>();
        for (Long id : top) {
            LearningEntity learning = learnings.get(id);
            FailureRecord record = learning == null ? null : records.get(learning.getRecordIssueId());
            if (record == null) {
                continue; // deleted since it was reused: nothing to show
            }
            long[] count = counts.get(id);
            result.add(new ReusedLearning(id, learning.getBody(), learning.getKind(), record, count[0], count[1],
                    count[2]));
        }
        return result;
    }

    /** The projects' experiments decided in {@code [from, to)}, in the order they were decided (every one). */
    public List<FailureRecord> decidedExperiments(Collection<String> projects, Instant from, Instant to) {
        return decidedExperiments(projects, from, to, Integer.MAX_VALUE).items();
    }

    /**
     * The {@code max} most recently decided of the projects' experiments decided in {@code [from, to)}, in the order
     * they were decided, and how many were decided in all: a quarter of a large instance may hold thousands, and a
     * showcase page prints the latest of them.
     */
    public Capped<FailureRecord> decidedExperiments(Collection<String> projects, Instant from, Instant to, int max) {
        List<FailureRecord> latest = new ArrayList<>();
        int total = 0;
        for (List<String> chunk : chunks(projects)) {
            List<Object> parameters = new ArrayList<>();
            parameters.add(RecordKind.EXPERIMENT.name());
            parameters.addAll(chunk);
            parameters.add(Date.from(from));
            parameters.add(Date.from(to));
            String where = FailureRecordEntity.KIND + " = ? AND " + FailureRecordEntity.PROJECT_KEY + " IN ("
                    + placeholders(chunk.size()) + ") AND " + FailureRecordEntity.DECIDED_AT + " >= ? AND "
                    + FailureRecordEntity.DECIDED_AT + " < ?";
            total += ao.count(FailureRecordEntity.class, where, parameters.toArray());
            Query query = Query.select().where(where, parameters.toArray())
                    .order(FailureRecordEntity.DECIDED_AT + " DESC, " + FailureRecordEntity.ISSUE_ID + " DESC");
            Arrays.stream(ao.find(FailureRecordEntity.class, max == Integer.MAX_VALUE ? query : query.limit(max)))
                    .map(AoFailureRecordRepository::toRecord).forEach(latest::add);
        }
        Comparator<FailureRecord> decisionOrder = Comparator.comparing(FailureRecord::decidedAt)
                .thenComparing(FailureRecord::issueId);
        latest.sort(decisionOrder.reversed());
        List<FailureRecord> shown = new ArrayList<>(latest.subList(0, Math.min(max, latest.size())));
        shown.sort(decisionOrder);
        return new Capped<>(shown, total);
    }

    /** The records that pivoted from each of the keys (their next iterations), in issue order, by the key they follow. */
    public Map<String, List<FailureRecord>> nextIterations(Collection<String> issueKeys) {
        Map<String, List<FailureRecord>> next = new LinkedHashMap<>();
        for (List<String> chunk : chunks(issueKeys)) {
            for (FailureRecordEntity row : ao.find(FailureRecordEntity.class, Query.select()
                    .where(FailureRecordEntity.PIVOTED_FROM + " IN (" + placeholders(chunk.size()) + ")",
                            chunk.toArray()).order(FailureRecordEntity.ISSUE_ID + " ASC"))) {
                next.computeIfAbsent(row.getPivotedFrom(), k -> new ArrayList<>())
                        .add(AoFailureRecordRepository.toRecord(row));
            }
        }
        return next;
    }

    /**
     * The projects' incidents with at least one follow-up whose effectiveness check-in date lies in
     * {@code [from, to)} (ISO dates compare as strings) and said {@code EFFECTIVE}, most recently verified first.
     */
    public List<VerifiedIncident> verifiedIncidents(Collection<String> projects, LocalDate from, LocalDate to) {
        Map<Long, List<ActionItem>> byRecord = new HashMap<>();
        for (ActionItemEntity row : ao.find(ActionItemEntity.class, Query.select().where(
                ActionItemEntity.CHECK_IN_RESULT + " = ? AND " + ActionItemEntity.CHECK_IN_DATE + " >= ? AND "
                        + ActionItemEntity.CHECK_IN_DATE + " < ?",
                CheckInResult.EFFECTIVE.name(), from.toString(), to.toString()))) {
            byRecord.computeIfAbsent(row.getRecordIssueId(), id -> new ArrayList<>())
                    .add(AoActionItemRepository.toItem(row));
        }
        if (byRecord.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> wanted = new TreeSet<>(projects);
        List<VerifiedIncident> incidents = new ArrayList<>();
        recordsByIssueId(List.copyOf(byRecord.keySet())).values().stream()
                .filter(r -> r.kind() == RecordKind.INCIDENT && wanted.contains(r.projectKey()))
                .forEach(r -> incidents.add(new VerifiedIncident(r, byRecord.get(r.issueId()).stream()
                        .sorted(Comparator.comparing(ActionItem::checkInDate).thenComparing(ActionItem::id))
                        .toList())));
        incidents.sort(Comparator.<VerifiedIncident, LocalDate>comparing(
                i -> i.effective().get(i.effective().size() - 1).checkInDate()).reversed()
                .thenComparing(i -> i.incident().issueKey()));
        return incidents;
    }

    /** The keys of the awards (every scope) whose nomination period overlaps {@code [from, to)}, oldest first. */
    public List<String> awardsOverlapping(LocalDate from, LocalDate to) {
        return Arrays.stream(ao.find(AwardEntity.class, Query.select().where(AwardEntity.PERIOD_START + " < ? AND "
                        + AwardEntity.PERIOD_END + " > ?", to.toString(), from.toString())
                .order(AwardEntity.PERIOD_START + " ASC, " + AwardEntity.AWARD_KEY + " ASC")))
                .map(AwardEntity::getAwardKey).toList();
    }

    private Map<Long, FailureRecord> recordsByIssueId(List<Long> issueIds) {
        Map<Long, FailureRecord> records = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(issueIds)) {
            for (FailureRecordEntity row : ao.find(FailureRecordEntity.class, Query.select()
                    .where(FailureRecordEntity.ISSUE_ID + " IN (" + placeholders(chunk.size()) + ")", chunk.toArray())
                    .order(FailureRecordEntity.ISSUE_ID + " ASC"))) {
                records.put(row.getIssueId(), AoFailureRecordRepository.toRecord(row));
            }
        }
        return records;
    }

    private static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_LIST) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
        }
        return chunks;
    }
}
