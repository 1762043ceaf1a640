package dev.failforward.jira.similar;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningRepository;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.failuredb.BrowsableProjects;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.search.IndexStatus;
import dev.failforward.jira.search.SimilarMatch;
import dev.failforward.jira.search.SimilarQuery;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "Have we failed like this before?" as the current user may see it: past experiments and incidents most like a text,
 * from this node's search index, only in projects the user may browse (inside the query, so nothing hidden is ranked,
 * counted or named). The project boost applies only to a project the user may browse. While the index is not ready
 * the answer is empty and says so ({@link Result#index()}): there is no SQL path for relevance ranking.
 */
@Named
public class SimilarFailures {

    /** The learnings shown per match when asked for ("what we already know"). */
    public static final int LEARNINGS_PER_MATCH = 3;

    private final SearchIndexAccess index;
    private final RecordPermissions permissions;
    private final BrowsableProjects projects;
    private final LearningRepository learnings;
    private final FailureRecordRepository records;
    private final RecordTextSource texts;

    @Inject
    public SimilarFailures(SearchIndexAccess index, RecordPermissions permissions, LearningRepository learnings,
                           FailureRecordRepository records, RecordTextSource texts) {
        this.index = Objects.requireNonNull(index, "index");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.projects = new BrowsableProjects(permissions);
        this.learnings = Objects.requireNonNull(learnings, "learnings");
        this.records = Objects.requireNonNull(records, "records");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /**
     * The past failures most like an existing record (the issue view, the retro header, the archive's "more like
     * this"): its whole text as the database holds it now, itself excluded, its project and component boosted.
     *
     * @throws FailureDbException.NotFound when there is no such record or the user may not browse it
     */
    public Result forRecord(String issueKey, int max) {
        return forRecord(issueKey, max, false);
    }

    /**
     * {@link #forRecord(String, int)}, each match with its newest learnings when {@code withLearnings} (the related
     * learnings on the issue view).
     */
    public Result forRecord(String issueKey, int max, boolean withLearnings) {
        String key = issueKey == null ? "" : issueKey.strip().toUpperCase(java.util.Locale.ROOT);
        FailureRecord record = (FailureRecord.isIssueKey(key) ? records.findByIssueKey(key) : Optional.<FailureRecord>empty())
                .filter(this::canSee)
                .orElseThrow(() -> new FailureDbException.NotFound("failforward.failuredb.error.record.notfound",
                        String.valueOf(issueKey)));
        String text = texts.load(record.issueId()).map(RecordTexts::of).orElse(record.summary());
        return find(new Request(text, record.projectKey(), null, record.issueKey(), record.component(), max,
                withLearnings));
    }

    /**
     * @param text          what the user is writing (summary, description, hypothesis, ...)
     * @param project       the project the user writes in (boosts its records), or {@code null}
     * @param withLearnings whether each match carries its newest learnings
     */
    public record Request(String text, String project, RecordKind kind, String exclude, String component, int max,
                          boolean withLearnings) {
    }

    /** One match and, when asked for, its learnings (newest first). */
    public record Match(SimilarMatch match, List<Learning> learnings) {
    }

    public record Result(List<Match> matches, IndexStatus index) {
    }

    public Result find(Request request) {
        IndexStatus status = index.status();
        Optional<dev.failforward.jira.search.FailureSearchIndex> ready = index.whenReady();
        var browsable = projects.all();
        if (ready.isEmpty() || browsable.isEmpty() || request.text().isBlank()) {
            return new Result(List.of(), status);
        }
        String boost = request.project() != null && browsable.contains(request.project()) ? request.project() : null;
        List<SimilarMatch> matches = ready.get().similar(new SimilarQuery(request.text(), browsable, boost,
                request.kind(), request.exclude(), request.component(), null, request.max()));
        return new Result(matches.stream().map(m -> new Match(m, request.withLearnings() ? newest(m.issueId())
                : List.of())).toList(), status);
    }

    /** Whether the user may browse the record's project (for callers that show a record next to the matches). */
    public boolean canSee(FailureRecord record) {
        return permissions.canBrowse(record.projectKey());
    }

    private List<Learning> newest(long issueId) {
        return learnings.findByRecord(issueId).stream()
                .sorted(Comparator.comparing(Learning::createdAt).reversed())
                .limit(LEARNINGS_PER_MATCH).toList();
    }
}
