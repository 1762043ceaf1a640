package dev.failforward.confluence.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.core.record.SourcePage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the JSON of Jira's failure-database REST API (its OpenAPI description is
 * {@code jira-plugin/src/main/resources/openapi/failforward-openapi.json}).
 *
 * <p>Why Jackson's tree model and not data binding onto the view records: instants and dates would need the
 * {@code jackson-datatype-jsr310} module, which the platform does not export; and reading by name makes the views
 * tolerant by construction: unknown properties are ignored, an absent or unreadable optional value becomes null. What
 * must be there (an object with {@code record.issueKey}) is checked, and a body without it is
 * {@link UnreadableBodyException}.
 */
final class FailureDbJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FailureDbJson() {
    }

    /** The body did not hold what the call promises: invalid JSON, or required members missing. */
    static final class UnreadableBodyException extends Exception {
        UnreadableBodyException(String message) {
            super(message, null, false, false);
        }
    }

    /** Turns a successful response body into the call's value. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(JsonNode body) throws UnreadableBodyException;
    }

    static JsonNode parse(String body) throws UnreadableBodyException {
        if (body == null || body.isBlank()) {
            throw new UnreadableBodyException("empty body");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnreadableBodyException("not JSON");
        }
    }

    // ----- responses ------------------------------------------------------------------------------------------------

    static RecordView recordView(JsonNode body) throws UnreadableBodyException {
        JsonNode record = object(body, "record");
        requireText(record, "issueKey");
        List<LearningView> learnings = new ArrayList<>();
        for (JsonNode learning : array(body, "learnings")) {
            learnings.add(learning(learning));
        }
        List<ActionView> actions = new ArrayList<>();
        for (JsonNode action : array(body, "actionItems")) {
            actions.add(action(action));
        }
        List<WhyView> whys = new ArrayList<>();
        for (JsonNode why : array(body, "whys")) {
            whys.add(new WhyView(why.path("position").asInt(0), text(why, "question"), text(why, "answer")));
        }
        return new RecordView(recordFacts(record), learnings, actions, whys);
    }

    static RecordFacts recordFacts(JsonNode record) {
        List<String> labels = new ArrayList<>();
        for (JsonNode label : record.path("labels")) {
            if (label.isTextual()) {
                labels.add(label.asText());
            }
        }
        return new RecordFacts(text(record, "issueKey"), text(record, "projectKey"), text(record, "kind"),
                text(record, "summary"), text(record, "status"), text(record, "phase"), text(record, "hypothesis"),
                text(record, "successCriteria"), text(record, "stopCriteria"), text(record, "outcome"),
                text(record, "decision"), text(record, "failureType"), text(record, "failureCategory"),
                text(record, "failureMode"), text(record, "team"), text(record, "component"), labels,
                instant(record, "discoveredAt"), instant(record, "reportedAt"), instant(record, "resolvedAt"),
                instant(record, "startedAt"), instant(record, "decidedAt"), instant(record, "createdAt"),
                instant(record, "updatedAt"));
    }

    static LearningView learning(JsonNode learning) throws UnreadableBodyException {
        requireObject(learning, "learning");
        return new LearningView(learning.path("id").asLong(0), text(learning, "issueKey"), text(learning, "text"),
                text(learning, "kind"), text(learning, "authorKey"), instant(learning, "createdAt"));
    }

    static ActionView action(JsonNode action) throws UnreadableBodyException {
        requireObject(action, "action item");
        return new ActionView(action.path("id").asLong(0), text(action, "issueKey"), text(action, "description"),
                text(action, "ownerKey"), text(action, "ownerName"), date(action, "dueDate"), text(action, "type"), text(action, "status"),
                date(action, "checkInDate"), text(action, "checkInResult"), text(action, "checkInNote"),
                instant(action, "createdAt"), instant(action, "updatedAt"), action.path("version").asLong(0));
    }

    /**
     * {@code GET /learnings}: {@code {startAt, maxResults, total, items:[{id, text, kind, createdAt, record:{issueKey,
     * projectKey, summary, kind, status, failureType, category}, retroPage:{url, title}, highlight:[{text, match}]}],
     * facets:{project, recordKind, learningKind, failureType, category, period}, index:{state, percent}}}.
     * {@code items} must be an array and each item's {@code record} must have its {@code issueKey}; {@code retroPage}
     * (absent, null, or without a {@code url}: none), the facets and the counts are read as far as they are there.
     * What only decorates the page is dropped when it is not readable, never the page: a {@code highlight} that is not
     * an array of {@code {text, match}} objects (the learning shows its plain text), a {@code period} key that is not a
     * month {@code yyyy-MM}, an {@code index} that is not an object with a text {@code state} (no index line).
     */
    static LearningPageView learningPage(JsonNode body) throws UnreadableBodyException {
        requireObject(body, "body");
        JsonNode itemsNode = body.get("items");
        if (itemsNode == null || !itemsNode.isArray()) {
            throw new UnreadableBodyException("no 'items' array");
        }
        List<LearningPageView.Item> items = new ArrayList<>();
        for (JsonNode item : itemsNode) {
            items.add(archivedLearning(item));
        }
        JsonNode facets = body.path("facets");
        Map<String, Integer> months = counts(facets, "period");
        months.keySet().removeIf(month -> !isMonth(month));
        return new LearningPageView(body.path("startAt").asInt(0), body.path("maxResults").asInt(items.size()),
                body.path("total").asInt(items.size()), items,
                new LearningPageView.Facets(counts(facets, "project"), counts(facets, "recordKind"),
                        counts(facets, "learningKind"), counts(facets, "failureType"), counts(facets, "category"),
                        months),
                index(body.get("index")), null);
    }

    private static LearningPageView.Item archivedLearning(JsonNode item) throws UnreadableBodyException {
        requireObject(item, "learning");
        JsonNode record = object(item, "record");
        requireText(record, "issueKey");
        JsonNode retro = item.get("retroPage");
        LearningPageView.RetroPage retroPage = retro != null && retro.isObject() && text(retro, "url") != null
                ? new LearningPageView.RetroPage(text(retro, "url"), text(retro, "title"))
                : null;
        return new LearningPageView.Item(item.path("id").asLong(0), text(item, "text"), text(item, "kind"),
                instant(item, "createdAt"),
                new LearningPageView.Record(text(record, "issueKey"), text(record, "projectKey"),
                        text(record, "summary"), text(record, "kind"), text(record, "status"),
                        text(record, "failureType"), text(record, "category"), awardBadges(record.get("awards"))),
                retroPage, highlight(item.get("highlight")));
    }

    /** A record's award badges; a badge without kind or text is skipped (a Jira without awards sends none). */
    private static List<LearningPageView.AwardBadge> awardBadges(JsonNode awards) {
        List<LearningPageView.AwardBadge> badges = new ArrayList<>();
        if (awards != null && awards.isArray()) {
            for (JsonNode badge : awards) {
                String kind = badge.path("kind").asText("");
                if (badge.isObject() && (kind.equals("winner") || kind.equals("nominee"))
                        && badge.path("text").isTextual()) {
                    badges.add(new LearningPageView.AwardBadge(badge.path("award").asText(""), kind,
                            badge.path("text").asText()));
                }
            }
        }
        return badges;
    }

    /**
     * A learning's highlight segments; null (show the plain text) when absent, empty, or when any segment is not an
     * object with a text {@code text}: half a highlight would show half the learning. {@code match} counts only when it
     * is {@code true}.
     */
    private static List<LearningPageView.Segment> highlight(JsonNode highlight) {
        if (highlight == null || !highlight.isArray() || highlight.isEmpty()) {
            return null;
        }
        List<LearningPageView.Segment> segments = new ArrayList<>();
        for (JsonNode segment : highlight) {
            if (!segment.isObject() || !segment.path("text").isTextual()) {
                return null;
            }
            JsonNode match = segment.path("match");
            segments.add(new LearningPageView.Segment(segment.path("text").asText(),
                    match.isBoolean() && match.booleanValue()));
        }
        return segments;
    }

    /** {@code {state, percent}} of a Jira node's search index; null without an object with a text {@code state}. */
    private static SimilarView.Index index(JsonNode index) {
        if (index == null || !index.isObject() || !index.path("state").isTextual()
                || index.path("state").asText().isBlank()) {
            return null;
        }
        JsonNode percent = index.path("percent");
        return new SimilarView.Index(index.path("state").asText(), percent.isNumber() ? percent.asInt() : 0);
    }

    /** {@code yyyy-MM} with a month from 01 to 12. */
    private static boolean isMonth(String value) {
        if (value.length() != 7) {
            return false;
        }
        try {
            YearMonth.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * {@code GET /similar/{issueKey}}: {@code {matches:[{key, projectKey, summary, score, reasons:[…], url,
     * learnings}], index:{state, percent}}}. {@code matches} must be an array whose items each have their {@code key},
     * and {@code index} an object with its {@code state}: without them the answer says nothing. {@code reasons} that
     * are not text are skipped; the other members are read as far as they are there ({@code learnings}: those
     * with a positive {@code id} and a text, the others skipped; absent when Jira was not asked for them).
     */
    static SimilarView similar(JsonNode body) throws UnreadableBodyException {
        requireObject(body, "body");
        JsonNode matchesNode = body.get("matches");
        if (matchesNode == null || !matchesNode.isArray()) {
            throw new UnreadableBodyException("no 'matches' array");
        }
        List<SimilarView.Match> matches = new ArrayList<>();
        for (JsonNode match : matchesNode) {
            requireObject(match, "match");
            requireText(match, "key");
            List<String> reasons = new ArrayList<>();
            for (JsonNode reason : array(match, "reasons")) {
                if (reason.isTextual()) {
                    reasons.add(reason.asText());
                }
            }
            List<SimilarView.Learning> learnings = new ArrayList<>();
            for (JsonNode learning : array(match, "learnings")) {
                if (learning.isObject() && learning.path("id").isIntegralNumber() && learning.path("id").asLong() > 0
                        && text(learning, "text") != null) {
                    learnings.add(new SimilarView.Learning(learning.path("id").asLong(), text(learning, "text"),
                            text(learning, "kind"), learning.path("reused").asBoolean(false)));
                }
            }
            matches.add(new SimilarView.Match(text(match, "key"), text(match, "projectKey"), text(match, "summary"),
                    match.path("score").asDouble(0), reasons, text(match, "url"), learnings));
        }
        JsonNode index = object(body, "index");
        requireText(index, "state");
        return new SimilarView(matches, new SimilarView.Index(text(index, "state"), index.path("percent").asInt(0)),
                null);
    }

    /** A facet's {@code value → count} object, in Jira's order; values that are not numbers are skipped. */
    private static Map<String, Integer> counts(JsonNode facets, String name) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        JsonNode facet = facets.path(name);
        if (facet.isObject()) {
            facet.fields().forEachRemaining(entry -> {
                if (entry.getValue().isNumber()) {
                    counts.put(entry.getKey(), entry.getValue().asInt());
                }
            });
        }
        return counts;
    }

    /**
     * The field problems of an error body {@code {"status","message","errors":[{"field","code","message"}]}}. A 400
     * without readable items still says something: one problem for the request as a whole ({@code body}) with Jira's
     * message.
     */
    static List<FieldProblem> problems(String body) {
        JsonNode root;
        try {
            root = parse(body);
        } catch (UnreadableBodyException e) {
            return List.of(new FieldProblem("body", "invalid", ""));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (JsonNode item : root.path("errors")) {
            if (item.isObject()) {
                problems.add(new FieldProblem(text(item, "field"), text(item, "code"), text(item, "message")));
            }
        }
        return problems.isEmpty() ? List.of(new FieldProblem("body", "invalid", text(root, "message"))) : problems;
    }

    // ----- requests -------------------------------------------------------------------------------------------------

    /** {@code {"text","kind"}}. */
    /** {@code {"text","kind"}}, and {@code "sourceUrl","sourceTitle"} for a learning captured on a page. */
    static String learningBody(String text, String kind, SourcePage source) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("text", text);
        body.put("kind", kind);
        if (source != null) {
            body.put("sourceUrl", source.url());
            body.put("sourceTitle", source.title());
        }
        return write(body);
    }

    /** {@code {"kind":"retro","target":"page:<pageId>"}}: a learning cited from a retro page. */
    static String citationBody(long pageId) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("kind", "retro");
        body.put("target", "page:" + pageId);
        return write(body);
    }

    /**
     * {@code POST /learnings/{learningId}/reuses}: {@code {learningId, kind, target, reusedAt, reuses}}; {@code target}
     * must be there. {@code created}: Jira answered 201 (new) rather than 200 (already recorded).
     */
    static CitationView citation(JsonNode body, boolean created) throws UnreadableBodyException {
        requireObject(body, "body");
        requireText(body, "target");
        return new CitationView(body.path("learningId").asLong(0), text(body, "target"), instant(body, "reusedAt"),
                body.path("reuses").asLong(0), created);
    }

    /** {@code {"description","owner","dueDate","type","checkInDate"}}; an absent check-in date is left out. */
    static String actionBody(NewAction action) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("description", action.description());
        body.put("owner", action.owner());
        body.put("dueDate", action.dueDate());
        body.put("type", action.type());
        if (action.checkInDate() != null) {
            body.put("checkInDate", action.checkInDate());
        }
        return write(body);
    }

    static String write(ObjectNode body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ObjectNode of strings is always writable", e);
        }
    }

    // ----- members --------------------------------------------------------------------------------------------------

    private static JsonNode object(JsonNode parent, String name) throws UnreadableBodyException {
        requireObject(parent, "body");
        JsonNode child = parent.get(name);
        if (child == null || !child.isObject()) {
            throw new UnreadableBodyException("no '" + name + "' object");
        }
        return child;
    }

    /** An array member; empty when absent or null (also for ShowcaseJsonReader and HuddleJsonReader). */
    static Iterable<JsonNode> array(JsonNode parent, String name) throws UnreadableBodyException {
        JsonNode child = parent.get(name);
        if (child == null || child.isNull()) {
            return List.of();
        }
        if (!child.isArray()) {
            throw new UnreadableBodyException("'" + name + "' is not an array");
        }
        return child;
    }

    private static void requireObject(JsonNode node, String what) throws UnreadableBodyException {
        if (node == null || !node.isObject()) {
            throw new UnreadableBodyException(what + " is not an object");
        }
    }

    private static void requireText(JsonNode parent, String name) throws UnreadableBodyException {
        if (text(parent, name) == null) {
            throw new UnreadableBodyException("no '" + name + "'");
        }
    }

    /** A string member; null when absent, null or not a scalar. */
    static String text(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static Instant instant(JsonNode parent, String name) {
        String value = text(parent, name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate date(JsonNode parent, String name) {
        String value = text(parent, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
