package dev.failforward.confluence.jira;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What a team's weekly failure huddle is about, as Jira's {@code GET /huddles/board} prepares it (the Jira plugin's
 * OpenAPI schema {@code HuddleBoard}): the failures reported since the team's last huddle (the last 7 days when there
 * was none), the open 24-hour rules with their deadlines, the overdue follow-ups, one learning to celebrate by the
 * stated rule, and whether this week's huddle was held. Times are ISO-8601 instants, days ISO dates, as Jira sent them;
 * lists are never null.
 *
 * @param projects        the team's project keys, as Jira normalised them
 * @param week            this ISO week in the user's time zone ({@code 2026-W49})
 * @param since           the instant the failures are counted from
 * @param sinceLastHuddle whether {@code since} is the last huddle (else: seven days ago)
 * @param lastHuddle      the team's last huddle held before now, or null
 * @param heldThisWeek    this week's huddle when it was held, or null
 * @param failuresTotal   every failure reported since then ({@code failures} may show fewer)
 * @param overdueTotal    every overdue follow-up ({@code overdue} may show fewer)
 * @param celebrationRule how the learning to celebrate was chosen, in the user's language
 * @param celebrate       the learning to celebrate, or null when the period has none
 * @param jiraUrl         the Jira link's display URL, the base of links to issues (null when not known); not part of
 *                        Jira's answer: the client adds it
 */
public record HuddleBoardView(List<String> projects, String week, String since, boolean sinceLastHuddle,
                              Held lastHuddle, Held heldThisWeek, int failuresTotal, List<Failure> failures,
                              List<Rule> openRules, List<Overdue> overdue, int overdueTotal, String celebrationRule,
                              Celebration celebrate, URI jiraUrl) {

    public HuddleBoardView {
        projects = projects == null ? List.of() : List.copyOf(projects);
        failures = failures == null ? List.of() : List.copyOf(failures);
        openRules = openRules == null ? List.of() : List.copyOf(openRules);
        overdue = overdue == null ? List.of() : List.copyOf(overdue);
    }

    /** The same board with links to Jira based on {@code url}. */
    public HuddleBoardView withJiraUrl(URI url) {
        return new HuddleBoardView(projects, week, since, sinceLastHuddle, lastHuddle, heldThisWeek, failuresTotal,
                failures, openRules, overdue, overdueTotal, celebrationRule, celebrate, url);
    }

    /** A huddle held: its ISO week, when, and by whom (the display name; null when the user is gone). */
    public record Held(String week, String heldAt, String heldByName) {
    }

    /** A failure reported since the last huddle; {@code kind} is {@code incident} or {@code experiment}. */
    public record Failure(String key, String summary, String kind, String status, String createdAt) {
        public Failure {
            Objects.requireNonNull(key, "key");
        }
    }

    /** An incident whose 24-hour rule is still open: its deadline and how far the first learnings and steps are. */
    public record Rule(String key, String summary, String deadline, int learnings, int minLearnings, int nextSteps,
                       int minNextSteps) {
        public Rule {
            Objects.requireNonNull(key, "key");
        }
    }

    /** An overdue follow-up: what, whose, due when, how many days late, and on which record. */
    public record Overdue(String description, String ownerName, String dueDate, long daysOverdue, String key,
                          String summary) {
        public Overdue {
            Objects.requireNonNull(key, "key");
        }
    }

    /** The learning to celebrate: Jira's id, its text and kind, its record, and how often it was reused. */
    public record Celebration(long learningId, String text, String kind, String key, String summary, int reuses) {
        public Celebration {
            Objects.requireNonNull(key, "key");
        }
    }
}
