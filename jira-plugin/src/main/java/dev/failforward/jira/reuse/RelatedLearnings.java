package dev.failforward.jira.reuse;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.search.IndexStatus;
import dev.failforward.jira.similar.SimilarFailures;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The learnings of past failures like a newer experiment or incident ("what we already know"), found by the
 * similar-failure search ({@link SimilarFailures#forRecord}: only records the user may browse are ranked, so a
 * hidden record never appears), each marked when it was already applied to this record. Applying one records a reuse
 * ({@link LearningReuseService}).
 */
@Named
public class RelatedLearnings {

    /** How many similar failures are asked for; each brings its newest learnings. */
    public static final int MATCHES = 5;
    public static final int MAX_LEARNINGS = 8;

    private final SimilarFailures similar;
    private final FailureRecordRepository records;
    private final LearningReuseStore reuses;
    private final RecordPermissions permissions;

    @Inject
    public RelatedLearnings(SimilarFailures similar, FailureRecordRepository records, LearningReuseStore reuses,
                            RecordPermissions permissions) {
        this.similar = Objects.requireNonNull(similar, "similar");
        this.records = Objects.requireNonNull(records, "records");
        this.reuses = Objects.requireNonNull(reuses, "reuses");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
    }

    /** One related learning: the learning, the past record it came from, whether it was applied here. */
    public record Item(Learning learning, String recordKey, String recordSummary, boolean applied) {
    }

    /**
     * @param kind     the reuse kind applying records ({@code experiment} or {@code incident}, the record's kind)
     * @param canApply whether the user may apply learnings here (Edit Issues on the record's project)
     */
    public record Result(String issueKey, String kind, boolean canApply, List<Item> items, IndexStatus index) {
    }

    /** @throws FailureDbException.NotFound when there is no such record or the user may not browse it */
    public Result forRecord(String issueKey) {
        String key = issueKey == null ? "" : issueKey.strip().toUpperCase(Locale.ROOT);
        FailureRecord record = (FailureRecord.isIssueKey(key) ? records.findByIssueKey(key)
                : java.util.Optional.<FailureRecord>empty())
                .filter(r -> permissions.canBrowse(r.projectKey()))
                .orElseThrow(() -> new FailureDbException.NotFound("failforward.failuredb.error.record.notfound",
                        String.valueOf(issueKey)));
        SimilarFailures.Result found = similar.forRecord(record.issueKey(), MATCHES, true);
        List<Item> items = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (SimilarFailures.Match match : found.matches()) {
            for (Learning learning : match.learnings()) {
                if (items.size() < MAX_LEARNINGS) {
                    items.add(new Item(learning, match.match().issueKey(), match.match().summary(), false));
                    ids.add(learning.id());
                }
            }
        }
        Set<Long> applied = reuses.reusedBy(ids, record.issueKey());
        List<Item> marked = items.stream().map(i -> new Item(i.learning(), i.recordKey(), i.recordSummary(),
                applied.contains(i.learning().id()))).toList();
        String kind = (record.kind() == RecordKind.EXPERIMENT ? LearningReuse.Kind.EXPERIMENT
                : LearningReuse.Kind.INCIDENT).key();
        return new Result(record.issueKey(), kind, permissions.canEdit(record.projectKey()), marked, found.index());
    }
}
