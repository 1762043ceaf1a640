package dev.failforward.confluence.rest;

import dev.failforward.confluence.jira.ActionView;
import dev.failforward.confluence.jira.LearningView;
import dev.failforward.confluence.jira.RecordFacts;
import dev.failforward.confluence.jira.RecordView;
import dev.failforward.confluence.jira.WhyView;

import java.time.temporal.Temporal;
import java.util.List;

/**
 * What the retro header shows of a Jira record, as JSON. Dates and instants are ISO-8601 strings (no Jackson time
 * module needed on any host); absent values are null, lists are never null.
 */
public final class RecordJson {

    private RecordJson() {
    }

    public record Facts(String issueKey, String projectKey, String kind, String summary, String status, String phase,
                        String hypothesis, String successCriteria, String stopCriteria, String outcome,
                        String decision, String failureType, String failureCategory, String failureMode, String team,
                        String component, List<String> labels, String discoveredAt, String reportedAt,
                        String resolvedAt, String startedAt, String decidedAt, String createdAt, String updatedAt) {
    }

    public record Learning(long id, String text, String kind, String authorKey, String createdAt) {
    }

    public record Action(long id, String description, String ownerKey, String ownerName, String dueDate, String type, String status,
                         String checkInDate, String checkInResult, String checkInNote) {
    }

    public record Why(int position, String question, String answer) {
    }

    /**
     * {@code GET /records/{issueKey}} and the failures of the writes: {@code state} is {@code ok}, {@code no-link}
     * ({@code adminUrl}, relative to Confluence's base URL), {@code authorize} ({@code authorizeUri}),
     * {@code unavailable}, {@code not-found} or {@code forbidden}; {@code message} says it to the user (null for
     * {@code ok}); {@code record}, {@code learnings}, {@code actionItems} and {@code whys} are set for {@code ok} only.
     */
    public record State(String state, String issueKey, String message, String adminUrl, String authorizeUri,
                        Facts record, List<Learning> learnings, List<Action> actionItems, List<Why> whys) {

        static State failure(String state, String issueKey, String message, String adminUrl, String authorizeUri) {
            return new State(state, issueKey, message, adminUrl, authorizeUri, null, List.of(), List.of(), List.of());
        }

        static State ok(String issueKey, RecordView view) {
            return new State("ok", issueKey, null, null, null, facts(view.record()),
                    view.learnings().stream().map(RecordJson::learning).toList(),
                    view.actionItems().stream().map(RecordJson::action).toList(),
                    view.whys().stream().map(RecordJson::why).toList());
        }
    }

    /** {@code POST /records/{issueKey}/learnings} (201): the learning Jira stored. */
    public record LearningCreated(String state, String issueKey, Learning learning) {
    }

    /** {@code POST /records/{issueKey}/actions} (201): the action item Jira stored. */
    public record ActionCreated(String state, String issueKey, Action action) {
    }

    static Facts facts(RecordFacts r) {
        return new Facts(r.issueKey(), r.projectKey(), r.kind(), r.summary(), r.status(), r.phase(), r.hypothesis(),
                r.successCriteria(), r.stopCriteria(), r.outcome(), r.decision(), r.failureType(),
                r.failureCategory(), r.failureMode(), r.team(), r.component(), r.labels(), iso(r.discoveredAt()),
                iso(r.reportedAt()), iso(r.resolvedAt()), iso(r.startedAt()), iso(r.decidedAt()), iso(r.createdAt()),
                iso(r.updatedAt()));
    }

    static Learning learning(LearningView l) {
        return new Learning(l.id(), l.text(), l.kind(), l.authorKey(), iso(l.createdAt()));
    }

    static Action action(ActionView a) {
        return new Action(a.id(), a.description(), a.ownerKey(), a.ownerName(), iso(a.dueDate()), a.type(), a.status(),
                iso(a.checkInDate()), a.checkInResult(), a.checkInNote());
    }

    static Why why(WhyView w) {
        return new Why(w.position(), w.question(), w.answer());
    }

    private static String iso(Temporal value) {
        return value == null ? null : value.toString();
    }
}
