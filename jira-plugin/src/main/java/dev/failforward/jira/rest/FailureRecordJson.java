package dev.failforward.jira.rest;

import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.SourcePage;
import dev.failforward.core.record.WhyStep;
import dev.failforward.jira.failuredb.RecordDetails;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * JSON of the failure database. Enum values are written as their lower-case names ({@code "incident"},
 * {@code "not_effective"}) — the same spelling the request bodies and query parameters accept; instants are ISO-8601
 * UTC ({@code 2026-05-04T08:00:00Z}), dates {@code yyyy-MM-dd}; absent values are {@code null}.
 */
public final class FailureRecordJson {

    private FailureRecordJson() {
    }

    /** A record as listed. */
    public record Record(long issueId, String issueKey, String projectKey, String kind, String summary, String status,
                         String phase, String hypothesis, String hypothesisCondition, String hypothesisOutcome,
                         String hypothesisRationale, String successCriteria, String stopCriteria, String outcome,
                         String decision, String failureType, String failureCategory, String failureMode,
                         String discoveredAt, String reportedAt, String resolvedAt, String decidedAt, String startedAt,
                         String team, String component, List<String> labels, String pivotedFrom,
                         List<String> recurrenceOf, String createdAt, String updatedAt, long version) {
    }

    /** {@code GET /records}. */
    public record Page(int startAt, int maxResults, int total, List<Record> records, IndexJson index) {
    }

    /**
     * {@code "index": {"state": "ready|building|unavailable", "percent": n}}: this node's search index when the answer
     * was made; a text search is answered from it only when {@code ready}, else from the database.
     */
    public record IndexJson(String state, int percent) {
        static IndexJson of(dev.failforward.jira.search.node.NodeIndexStatus status) {
            return new IndexJson(status.state().json(), status.percent());
        }
    }

    /** {@code GET /records/{issueKey}} and each entry of the JSON export. */
    public record Details(Record record, List<LearningJson> learnings, List<ActionJson> actionItems,
                          List<WhyJson> whys) {
    }

    /** {@code source}: the page the learning was captured on (a Confluence retro), or {@code null}. */
    public record LearningJson(long id, String issueKey, String text, String kind, String authorKey, String createdAt,
                               PageJson source) {
    }

    /** A page elsewhere (a Confluence retro): absolute URL and title (the title may be {@code null}). */
    public record PageJson(String url, String title) {
    }

    /**
     * {@code ownerName}: the owner's full name as Jira shows it (the key when Jira no longer knows the user; {@code null}
     * without an owner, and in exports). {@code followUp}: the Jira issue that carries the item's work, or {@code null}.
     */
    public record ActionJson(long id, String issueKey, String description, String ownerKey, String ownerName,
                             String dueDate, String type,
                             String status, String checkInDate, String checkInResult, String checkInNote,
                             String createdAt, String updatedAt, long version, FollowUpJson followUp) {
    }

    /**
     * An action item's follow-up issue: key and page always; summary, status name and whether it is resolved when the
     * user may browse it ({@code null} otherwise).
     */
    public record FollowUpJson(String key, String url, String summary, String status, Boolean resolved) {
    }

    public record WhyJson(int position, String question, String answer) {
    }

    /** {@code GET /projects/{projectKey}/export.json}. */
    public record Export(String projectKey, List<Details> records) {
    }

    public static Record record(FailureRecord r) {
        return new Record(r.issueId(), r.issueKey(), r.projectKey(), name(r.kind()), r.summary(), r.status(),
                name(r.phase()), r.hypothesis(), r.hypothesisCondition(), r.hypothesisOutcome(),
                r.hypothesisRationale(), r.successCriteria(), r.stopCriteria(), name(r.outcome()), name(r.decision()),
                name(r.failureType()), name(r.failureCategory()), name(r.failureMode()), instant(r.discoveredAt()),
                instant(r.reportedAt()), instant(r.resolvedAt()), instant(r.decidedAt()), instant(r.startedAt()),
                r.team(), r.component(), List.copyOf(r.labels()), r.pivotedFrom(), List.copyOf(r.recurrenceOf()),
                instant(r.createdAt()), instant(r.updatedAt()), r.version());
    }

    public static Details details(RecordDetails d) {
        return details(d, FailureRecordJson::followUpKeyOnly);
    }

    /** The record's details, each action item's follow-up issue as {@code followUps} shows it. */
    public static Details details(RecordDetails d, Function<ActionItem, FollowUpJson> followUps) {
        return details(d, followUps, ownerKey -> null);
    }

    /** The record's details with follow-up issues as {@code followUps} shows them and owners by {@code ownerNames}. */
    public static Details details(RecordDetails d, Function<ActionItem, FollowUpJson> followUps,
                                  Function<String, String> ownerNames) {
        String key = d.record().issueKey();
        return new Details(record(d.record()),
                d.learnings().stream().map(l -> learning(key, l)).toList(),
                d.actionItems().stream().map(a -> action(key, a, followUps.apply(a), ownerName(a, ownerNames))).toList(),
                d.whys().stream().map(FailureRecordJson::why).toList());
    }

    public static LearningJson learning(String issueKey, Learning l) {
        return new LearningJson(l.id(), issueKey, l.text(), name(l.kind()), l.authorKey(), instant(l.createdAt()),
                page(l.source()));
    }

    public static PageJson page(SourcePage page) {
        return page == null ? null : new PageJson(page.url(), page.title());
    }

    /** The item with its follow-up issue's key only (no Jira call: exports). */
    public static ActionJson action(String issueKey, ActionItem a) {
        return action(issueKey, a, followUpKeyOnly(a), null);
    }

    public static ActionJson action(String issueKey, ActionItem a, FollowUpJson followUp, String ownerName) {
        return new ActionJson(a.id(), issueKey, a.description(), a.ownerKey(), ownerName, date(a.dueDate()),
                name(a.type()),
                name(a.status()), date(a.checkInDate()), name(a.checkInResult()), a.checkInNote(),
                instant(a.createdAt()), instant(a.updatedAt()), a.version(), a.hasFollowUp() ? followUp : null);
    }

    /** The owner's name by {@code ownerNames}, {@code null} without an owner. */
    public static String ownerName(ActionItem a, Function<String, String> ownerNames) {
        return a.ownerKey() == null || a.ownerKey().isBlank() ? null : ownerNames.apply(a.ownerKey());
    }

    /** The follow-up issue by its stored key alone, or {@code null}. */
    static FollowUpJson followUpKeyOnly(ActionItem a) {
        return a.hasFollowUp() ? new FollowUpJson(a.followUpKey(), null, null, null, null) : null;
    }

    /** The follow-up issue as the host shows it now (summary, status and resolution only when browsable). */
    public static FollowUpJson followUp(dev.failforward.jira.failuredb.FollowUpIssues.FollowUpView view) {
        if (view == null) {
            return null;
        }
        boolean browsable = view.summary() != null;
        return new FollowUpJson(view.key(), view.url(), view.summary(), view.status(),
                browsable ? view.resolved() : null);
    }

    public static WhyJson why(WhyStep w) {
        return new WhyJson(w.position(), w.question(), w.answer());
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    static String instant(Instant value) {
        return value == null ? null : value.toString();
    }

    static String date(LocalDate value) {
        return value == null ? null : value.toString();
    }
}
