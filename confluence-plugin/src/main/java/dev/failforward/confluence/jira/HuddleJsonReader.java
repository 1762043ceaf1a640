package dev.failforward.confluence.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.confluence.jira.FailureDbJson.UnreadableBodyException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static dev.failforward.confluence.jira.FailureDbJson.array;
import static dev.failforward.confluence.jira.FailureDbJson.text;

/**
 * Reads Jira's {@code GET /huddles/board} and {@code POST /huddles} answers (the Jira plugin's OpenAPI schemas
 * {@code HuddleBoard} and {@code HuddleMarked}) and writes the body of the latter. What is not needed here (user keys,
 * Jira's relative URLs, the team key) is not read: links to issues are built from the Jira link's display URL.
 */
final class HuddleJsonReader {

    private HuddleJsonReader() {
    }

    static HuddleBoardView board(JsonNode body) throws UnreadableBodyException {
        if (body == null || !body.isObject()) {
            throw new UnreadableBodyException("body is not an object");
        }
        JsonNode failures = body.get("failures");
        if (failures == null || !failures.isObject()) {
            throw new UnreadableBodyException("no 'failures' object");
        }
        List<String> projects = new ArrayList<>();
        for (JsonNode project : array(body, "projects")) {
            projects.add(project.asText());
        }
        List<HuddleBoardView.Failure> reported = new ArrayList<>();
        for (JsonNode f : array(failures, "items")) {
            reported.add(new HuddleBoardView.Failure(key(f), text(f, "summary"), text(f, "kind"), text(f, "status"),
                    text(f, "createdAt")));
        }
        List<HuddleBoardView.Rule> rules = new ArrayList<>();
        for (JsonNode r : array(body, "openRules")) {
            rules.add(new HuddleBoardView.Rule(key(r), text(r, "summary"), text(r, "deadline"),
                    r.path("learnings").asInt(), r.path("minLearnings").asInt(), r.path("nextSteps").asInt(),
                    r.path("minNextSteps").asInt()));
        }
        List<HuddleBoardView.Overdue> overdue = new ArrayList<>();
        for (JsonNode o : array(body, "overdue")) {
            JsonNode record = o.get("record");
            if (record == null || !record.isObject()) {
                throw new UnreadableBodyException("an overdue follow-up without 'record'");
            }
            overdue.add(new HuddleBoardView.Overdue(text(o, "description"), text(o, "ownerName"), text(o, "dueDate"),
                    o.path("daysOverdue").asLong(), key(record), text(record, "summary")));
        }
        HuddleBoardView.Celebration celebrate = null;
        JsonNode c = body.get("celebrate");
        if (c != null && c.isObject()) {
            JsonNode learning = c.get("learning");
            if (learning == null || !learning.isObject() || learning.get("record") == null) {
                throw new UnreadableBodyException("a learning to celebrate without its record");
            }
            JsonNode record = learning.get("record");
            celebrate = new HuddleBoardView.Celebration(learning.path("id").asLong(), text(learning, "text"),
                    text(learning, "kind"), key(record), text(record, "summary"), c.path("reuses").asInt());
        }
        return new HuddleBoardView(projects, text(body, "week"), text(body, "since"),
                body.path("sinceLastHuddle").asBoolean(), huddle(body.get("lastHuddle")),
                huddle(body.get("heldThisWeek")), failures.path("total").asInt(), reported, rules, overdue,
                body.path("overdueTotal").asInt(), text(body, "celebrationRule"), celebrate, null);
    }

    static HuddleHeldView marked(int status, JsonNode body) throws UnreadableBodyException {
        if (body == null || !body.isObject()) {
            throw new UnreadableBodyException("body is not an object");
        }
        HuddleBoardView.Held huddle = huddle(body.get("huddle"));
        String message = text(body, "message");
        if (huddle == null || message == null) {
            throw new UnreadableBodyException("no 'huddle' or 'message'");
        }
        JsonNode created = body.get("created");
        return new HuddleHeldView(created != null && created.isBoolean() ? created.asBoolean() : status == 201,
                message, huddle);
    }

    /** {@code {"projects":[…],"note":…}}: Jira's {@code POST /huddles} body (no note when it is null). */
    static String holdBody(Collection<String> projects, String note) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        projects.forEach(body.putArray("projects")::add);
        if (note != null) {
            body.put("note", note);
        }
        return FailureDbJson.write(body);
    }

    private static HuddleBoardView.Held huddle(JsonNode huddle) {
        if (huddle == null || !huddle.isObject()) {
            return null;
        }
        return new HuddleBoardView.Held(text(huddle, "week"), text(huddle, "heldAt"), text(huddle, "heldByName"));
    }

    private static String key(JsonNode node) throws UnreadableBodyException {
        String key = text(node, "key");
        if (key == null) {
            throw new UnreadableBodyException("an item without 'key'");
        }
        return key;
    }
}
