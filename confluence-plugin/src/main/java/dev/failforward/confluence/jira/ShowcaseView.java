package dev.failforward.confluence.jira;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The failure showcase of a period as Jira assembled it for the current user: Jira's {@code GET /showcase}. Every list
 * is never null; texts are as Jira sent them (plain text, escaped when rendered). Dates and instants are ISO strings,
 * printed as they are (an export must not depend on the reader's browser).
 *
 * @param experimentsTotal how many experiments were decided in the period in all ({@code experiments} holds the most
 *                         recently decided of them); never less than {@code experiments.size()}
 * @param incidentsTotal   how many incidents had a follow-up verified effective in all; never less than
 *                         {@code incidents.size()}
 * @param jiraUrl the Jira link's display URL, the base of each record's {@link Record#url()} (null when not known);
 *                not part of Jira's answer: the client adds it
 */
public record ShowcaseView(List<String> projects, Period period, String timeZone, String generatedAt,
                           List<Award> awards, List<Learning> learnings, List<Experiment> experiments,
                           int experimentsTotal, List<Incident> incidents, int incidentsTotal, List<Kpi> kpis,
                           URI jiraUrl) {

    public ShowcaseView {
        projects = List.copyOf(projects);
        Objects.requireNonNull(period, "period");
        awards = List.copyOf(awards);
        learnings = List.copyOf(learnings);
        experiments = List.copyOf(experiments);
        incidents = List.copyOf(incidents);
        kpis = List.copyOf(kpis);
        experimentsTotal = Math.max(experimentsTotal, experiments.size());
        incidentsTotal = Math.max(incidentsTotal, incidents.size());
    }

    /** The same showcase said to be generated at another moment (null: not said). */
    public ShowcaseView withGeneratedAt(String at) {
        return new ShowcaseView(projects, period, timeZone, at, awards, learnings, experiments, experimentsTotal,
                incidents, incidentsTotal, kpis, jiraUrl);
    }

    public ShowcaseView withJiraUrl(URI url) {
        return new ShowcaseView(projects, period, timeZone, generatedAt, awards, learnings, experiments,
                experimentsTotal, incidents, incidentsTotal, kpis, url);
    }

    /** @param to the last day, inclusive */
    public record Period(String key, String label, String from, String to) {
    }

    /** @param url relative to Jira's base URL ({@code /browse/OPS-12}) */
    public record Record(String key, String projectKey, String summary, String kind, String status, String url) {
        public Record {
            Objects.requireNonNull(key, "key");
        }
    }

    public record Nominee(Record record, String reason, long votes, boolean winner) {
    }

    /** @param phase {@code nominating}, {@code voting} or {@code closed}; nominees only when closed */
    public record Award(String id, String scopeName, String start, String end, String votingCloses, String phase,
                        List<Nominee> nominees) {
        public Award {
            nominees = List.copyOf(nominees);
        }
    }

    public record Learning(long id, String text, String kind, Record record, long reuses, long retros, long records) {
    }

    public record Experiment(Record record, String outcome, String decision, String decidedAt,
                             List<Record> nextIterations) {
        public Experiment {
            nextIterations = List.copyOf(nextIterations);
        }
    }

    public record FollowUp(String description, String checkInDate, String note) {
    }

    public record Incident(Record record, List<FollowUp> followUps) {
        public Incident {
            followUps = List.copyOf(followUps);
        }
    }

    /** @param direction the healthy direction: {@code up}, {@code down} or {@code neutral} */
    public record Kpi(String key, String name, String description, String unit, String direction,
                      List<Point> points) {
        public Kpi {
            points = List.copyOf(points);
        }
    }

    /** @param value null when there is none (no data, or withheld: {@code status} says which) */
    public record Point(String label, Double value, String status, boolean partial) {
    }
}
