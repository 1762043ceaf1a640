package dev.failforward.confluence.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.confluence.jira.FailureDbJson.UnreadableBodyException;

import java.util.ArrayList;
import java.util.List;

import static dev.failforward.confluence.jira.FailureDbJson.array;
import static dev.failforward.confluence.jira.FailureDbJson.text;

/** Reads Jira's {@code GET /showcase} answer (the Jira plugin's OpenAPI schema {@code Showcase}) into a {@link ShowcaseView}. */
final class ShowcaseJsonReader {

    private ShowcaseJsonReader() {
    }

    static ShowcaseView read(JsonNode body) throws UnreadableBodyException {
        if (body == null || !body.isObject()) {
            throw new UnreadableBodyException("body is not an object");
        }
        JsonNode period = body.get("period");
        if (period == null || !period.isObject() || text(period, "key") == null) {
            throw new UnreadableBodyException("no 'period' object");
        }
        List<String> projects = new ArrayList<>();
        for (JsonNode project : array(body, "projects")) {
            projects.add(project.asText());
        }
        List<ShowcaseView.Award> awards = new ArrayList<>();
        for (JsonNode award : array(body, "awards")) {
            List<ShowcaseView.Nominee> nominees = new ArrayList<>();
            for (JsonNode nominee : array(award, "nominees")) {
                nominees.add(new ShowcaseView.Nominee(record(nominee.get("record")), text(nominee, "reason"),
                        nominee.path("votes").asLong(), nominee.path("winner").asBoolean()));
            }
            awards.add(new ShowcaseView.Award(text(award, "id"), text(award, "scopeName"), text(award, "start"),
                    text(award, "end"), text(award, "votingCloses"), text(award, "phase"), nominees));
        }
        List<ShowcaseView.Learning> learnings = new ArrayList<>();
        for (JsonNode learning : array(body, "learnings")) {
            learnings.add(new ShowcaseView.Learning(learning.path("id").asLong(), text(learning, "text"),
                    text(learning, "kind"), record(learning.get("record")), learning.path("reuses").asLong(),
                    learning.path("retros").asLong(), learning.path("records").asLong()));
        }
        List<ShowcaseView.Experiment> experiments = new ArrayList<>();
        for (JsonNode experiment : array(body, "experiments")) {
            List<ShowcaseView.Record> next = new ArrayList<>();
            for (JsonNode iteration : array(experiment, "nextIterations")) {
                next.add(record(iteration));
            }
            experiments.add(new ShowcaseView.Experiment(record(experiment.get("record")), text(experiment, "outcome"),
                    text(experiment, "decision"), text(experiment, "decidedAt"), next));
        }
        List<ShowcaseView.Incident> incidents = new ArrayList<>();
        for (JsonNode incident : array(body, "incidents")) {
            List<ShowcaseView.FollowUp> followUps = new ArrayList<>();
            for (JsonNode followUp : array(incident, "followUps")) {
                followUps.add(new ShowcaseView.FollowUp(text(followUp, "description"),
                        text(followUp, "checkInDate"), text(followUp, "note")));
            }
            incidents.add(new ShowcaseView.Incident(record(incident.get("record")), followUps));
        }
        List<ShowcaseView.Kpi> kpis = new ArrayList<>();
        for (JsonNode kpi : array(body, "kpis")) {
            List<ShowcaseView.Point> points = new ArrayList<>();
            for (JsonNode point : array(kpi, "points")) {
                JsonNode value = point.get("value");
                points.add(new ShowcaseView.Point(text(point, "label"),
                        value == null || !value.isNumber() ? null : value.asDouble(), text(point, "status"),
                        point.path("partial").asBoolean()));
            }
            kpis.add(new ShowcaseView.Kpi(text(kpi, "key"), text(kpi, "name"), text(kpi, "description"),
                    text(kpi, "unit"), text(kpi, "direction"), points));
        }
        return new ShowcaseView(projects, new ShowcaseView.Period(text(period, "key"), text(period, "label"),
                text(period, "from"), text(period, "to")), text(body, "timeZone"), text(body, "generatedAt"), awards,
                learnings, experiments,
                body.path("experimentsTotal").asInt(), incidents, body.path("incidentsTotal").asInt(), kpis, null);
    }

    private static ShowcaseView.Record record(JsonNode record) throws UnreadableBodyException {
        if (record == null || !record.isObject() || text(record, "key") == null) {
            throw new UnreadableBodyException("a record without 'key'");
        }
        return new ShowcaseView.Record(text(record, "key"), text(record, "projectKey"), text(record, "summary"),
                text(record, "kind"), text(record, "status"), text(record, "url"));
    }
}
