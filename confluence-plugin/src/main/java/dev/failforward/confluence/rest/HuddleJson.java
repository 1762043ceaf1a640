package dev.failforward.confluence.rest;

import dev.failforward.confluence.jira.HuddleBoardView;
import dev.failforward.confluence.jira.HuddleHeldView;

import java.util.List;

/**
 * A team's huddle board as JSON, for the failure huddle retro: each issue linked into Jira (an absolute URL built here
 * from the Jira link's display URL, so the browser needs no Jira URL of its own). Absent values are null, lists are
 * never null.
 */
public final class HuddleJson {

    private HuddleJson() {
    }

    /**
     * {@code GET /huddles/board}: {@code state} is {@code ok} (with {@code board}), {@code no-link} ({@code adminUrl}
     * for administrators), {@code authorize} ({@code authorizeUri}), {@code unavailable}, {@code not-found} (a Jira
     * without the huddle board) or {@code forbidden} (a project missing or not browsable); {@code message} says it to
     * the user (null for {@code ok}).
     */
    public record State(String state, List<String> projects, String message, String adminUrl, String authorizeUri,
                        Board board) {

        static State ok(List<String> projects, HuddleBoardView view) {
            return new State("ok", projects, null, null, null, HuddleJson.board(view));
        }

        static State failure(List<String> projects, JiraStates.Failure failure) {
            return new State(failure.state(), projects, failure.message(), failure.adminUrl(), failure.authorizeUri(),
                    null);
        }
    }

    /** What the huddle is about; see {@link HuddleBoardView} for each member. */
    public record Board(List<String> projects, String week, String since, boolean sinceLastHuddle, Held lastHuddle,
                        Held heldThisWeek, int failuresTotal, List<Failure> failures, List<Rule> openRules,
                        List<Overdue> overdue, int overdueTotal, String celebrationRule, Celebration celebrate) {
    }

    public record Held(String week, String heldAt, String heldByName) {
    }

    public record Failure(String key, String summary, String kind, String status, String createdAt, String url) {
    }

    public record Rule(String key, String summary, String deadline, int learnings, int minLearnings, int nextSteps,
                       int minNextSteps, String url) {
    }

    public record Overdue(String description, String ownerName, String dueDate, long daysOverdue, String key,
                          String summary, String url) {
    }

    public record Celebration(long learningId, String text, String kind, String key, String summary, int reuses,
                              String url) {
    }

    /**
     * {@code POST /huddles}: {@code created} false when this week's huddle was held already (nothing changed);
     * {@code message} Jira's, in the user's language.
     */
    public record Marked(String state, boolean created, String message, Held huddle) {

        static Marked of(HuddleHeldView view) {
            return new Marked("ok", view.created(), view.message(), held(view.huddle()));
        }
    }

    static Board board(HuddleBoardView view) {
        String jira = LearningsJson.base(view.jiraUrl());
        return new Board(view.projects(), view.week(), view.since(), view.sinceLastHuddle(), held(view.lastHuddle()),
                held(view.heldThisWeek()), view.failuresTotal(),
                view.failures().stream().map(f -> new Failure(f.key(), f.summary(), f.kind(), f.status(),
                        f.createdAt(), LearningsJson.browseUrl(jira, f.key()))).toList(),
                view.openRules().stream().map(r -> new Rule(r.key(), r.summary(), r.deadline(), r.learnings(),
                        r.minLearnings(), r.nextSteps(), r.minNextSteps(), LearningsJson.browseUrl(jira, r.key())))
                        .toList(),
                view.overdue().stream().map(o -> new Overdue(o.description(), o.ownerName(), o.dueDate(),
                        o.daysOverdue(), o.key(), o.summary(), LearningsJson.browseUrl(jira, o.key()))).toList(),
                view.overdueTotal(), view.celebrationRule(),
                view.celebrate() == null ? null : new Celebration(view.celebrate().learningId(),
                        view.celebrate().text(), view.celebrate().kind(), view.celebrate().key(),
                        view.celebrate().summary(), view.celebrate().reuses(),
                        LearningsJson.browseUrl(jira, view.celebrate().key())));
    }

    private static Held held(HuddleBoardView.Held held) {
        return held == null ? null : new Held(held.week(), held.heldAt(), held.heldByName());
    }
}
