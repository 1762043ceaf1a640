package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.failforward.jira.rest.FailureDbApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /records…} on real Jersey over the real AO repositories: the permission matrix, payloads and bad input. */
class FailureRecordsResourceTest {

    private FailureDbApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FailureDbApi();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private static List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.path("records").forEach(r -> keys.add(r.path("issueKey").asText()));
        return keys;
    }

    private String learningBody(String text, String kind) {
        return "{\"text\":" + FailureDbApi.JSON.valueToTree(text) + ",\"kind\":\"" + kind + "\"}";
    }

    private static final String ACTION = "{\"description\":\"Add a pool alarm\",\"owner\":\"u-fred\","
            + "\"dueDate\":\"2026-06-30\",\"type\":\"detect\"}";

    // ----- anonymous -----

    @Test
    void anonymousGets401FromEveryEndpointAndChangesNothing() {
        api.anonymous();
        List<Response> responses = List.of(
                api.get("records"), api.get("records/OPS-1"),
                api.post("records/OPS-1/learnings", learningBody("x", "insight")),
                api.put("records/SEC-1/learnings/" + api.secLearning.id(), learningBody("x", "insight")),
                api.delete("records/SEC-1/learnings/" + api.secLearning.id()),
                api.post("records/OPS-1/actions", ACTION),
                api.put("records/SEC-1/actions/" + api.secAction.id(), ACTION),
                api.delete("records/SEC-1/actions/" + api.secAction.id()),
                api.post("records/SEC-1/actions/" + api.secAction.id() + "/check-in", "{\"date\":\"2026-07-01\",\"result\":\"effective\"}"),
                api.get("projects/OPS/export.csv"), api.get("projects/OPS/export.json"), api.get("openapi.json"));
        for (Response response : responses) {
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(json(response).path("message").asText()).isEqualTo("Log in to do this.");
        }
        assertThat(api.learnings.findByRecord(api.sec1.issueId())).containsExactly(api.secLearning);
        assertThat(api.actions.findByRecord(api.sec1.issueId())).containsExactly(api.secAction);
        assertThat(api.learnings.findByRecord(api.ops1.issueId())).isEmpty();
    }

    // ----- search -----

    @Test
    void searchCountsOnlyBrowsableProjects() {
        JsonNode editor = json(api.editor().get("records"));
        assertThat(editor.path("total").asInt()).isEqualTo(3);
        assertThat(keys(editor)).containsExactly("OPS-3", "OPS-2", "OPS-1");
        assertThat(editor.path("startAt").asInt()).isZero();
        assertThat(editor.path("maxResults").asInt()).isEqualTo(50);

        JsonNode admin = json(api.admin().get("records"));
        assertThat(admin.path("total").asInt()).isEqualTo(4);
        assertThat(keys(admin)).contains("SEC-1");

        assertThat(json(api.outsider().get("records")).path("total").asInt()).isZero();
    }

    @Test
    void askingForAHiddenProjectIsLikeAskingForAMissingOne() {
        api.editor();
        Response hidden = api.get("records?project=SEC");
        Response missing = api.get("records?project=NOPE");
        assertThat(hidden.getStatus()).isEqualTo(200);
        assertThat(hidden.readEntity(String.class)).isEqualTo(missing.readEntity(String.class))
                .contains("\"total\":0").doesNotContain("SEC-1");
        JsonNode both = json(api.get("records?project=OPS&project=SEC"));
        assertThat(both.path("total").asInt()).isEqualTo(3);
        assertThat(keys(both)).doesNotContain("SEC-1");
    }

    @Test
    void freeTextAndFiltersNeverCountHiddenRecords() {
        // "checkout" matches OPS-1 and SEC-1; the editor may only know of OPS-1
        JsonNode editor = json(api.editor().get("records?text=checkout"));
        assertThat(editor.path("total").asInt()).isEqualTo(1);
        assertThat(keys(editor)).containsExactly("OPS-1");
        assertThat(json(api.get("records?failureType=complex")).path("total").asInt()).isEqualTo(1);
        assertThat(json(api.admin().get("records?text=checkout")).path("total").asInt()).isEqualTo(2);
    }

    @Test
    void filtersSortAndPagesOverTheRealDatabase() {
        api.editor();
        assertThat(keys(json(api.get("records?kind=incident&sort=key&order=asc")))).containsExactly("OPS-1", "OPS-3");
        assertThat(keys(json(api.get("records?kind=EXPERIMENT&phase=experiment")))).containsExactly("OPS-2");
        assertThat(keys(json(api.get("records?status=Running&status=Closed&sort=created&order=asc"))))
                .containsExactly("OPS-2", "OPS-3");
        assertThat(keys(json(api.get("records?category=design-flaw")))).containsExactly("OPS-1");
        assertThat(keys(json(api.get("records?createdFrom=2026-05-10&createdTo=2026-05-10")))).containsExactly("OPS-2");
        JsonNode page = json(api.get("records?sort=key&order=asc&startAt=1&maxResults=1"));
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("startAt").asInt()).isEqualTo(1);
        assertThat(page.path("maxResults").asInt()).isEqualTo(1);
        assertThat(keys(page)).containsExactly("OPS-2");
        JsonNode first = json(api.get("records?kind=incident&failureType=complex")).path("records").get(0);
        assertThat(first.path("kind").asText()).isEqualTo("incident");
        assertThat(first.path("failureType").asText()).isEqualTo("complex");
        assertThat(first.path("failureCategory").asText()).isEqualTo("design_flaw");
        assertThat(first.path("team").asText()).isEqualTo("Payments");
        assertThat(first.path("createdAt").asText()).isEqualTo("2026-05-01T09:00:00Z");
        assertThat(first.path("phase").isNull()).isTrue();
    }

    @Test
    void badSearchParametersAre400NamingEachParameter() {
        api.editor();
        assertParameterError("records?kind=bogus", "kind", "unknown", "The parameter \"kind\" does not accept \"bogus\"; use one of: experiment, incident.");
        assertParameterError("records?phase=late", "phase", "unknown", null);
        assertParameterError("records?failureType=weird", "failureType", "unknown", null);
        assertParameterError("records?category=x", "category", "unknown", null);
        assertParameterError("records?sort=title", "sort", "unknown", null);
        assertParameterError("records?order=up", "order", "unknown", null);
        assertParameterError("records?createdFrom=2026-13-01", "createdFrom", "invalid", "The parameter \"createdFrom\" must be a date like 2026-06-30 (years 0001 to 9999), not \"2026-13-01\".");
        assertParameterError("records?createdTo=01.05.2026", "createdTo", "invalid", null);
        assertParameterError("records?createdFrom=%2B10000-01-01", "createdFrom", "invalid", null);
        assertParameterError("records?createdTo=-0001-01-01", "createdTo", "invalid", null);
        assertParameterError("records?createdFrom=2026-05-02&createdTo=2026-05-01", "createdTo", "before-from", null);
        assertParameterError("records?maxResults=0", "maxResults", "out-of-range", "The parameter \"maxResults\" must be a whole number from 1 to 500, not \"0\".");
        assertParameterError("records?maxResults=501", "maxResults", "out-of-range", null);
        assertParameterError("records?maxResults=ten", "maxResults", "out-of-range", null);
        assertParameterError("records?startAt=-1", "startAt", "out-of-range", null);
        assertParameterError("records?text=" + "x".repeat(201), "text", "too-long", null);
        assertParameterError("records?status=" + "s".repeat(61), "status", "too-long", null);

        JsonNode several = json(api.get("records?kind=x&maxResults=0"));
        assertThat(several.path("errors").findValuesAsText("field")).containsExactly("kind", "maxResults");
    }

    private void assertParameterError(String path, String field, String code, String message) {
        Response response = api.get(path);
        assertThat(response.getStatus()).as(path).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.path("message").asText()).isEqualTo("The request has invalid fields.");
        JsonNode error = body.path("errors").get(0);
        assertThat(error.path("field").asText()).as(path).isEqualTo(field);
        assertThat(error.path("code").asText()).as(path).isEqualTo(code);
        assertThat(error.path("message").asText()).as(path).doesNotStartWith("failforward.");
        if (message != null) {
            assertThat(error.path("message").asText()).isEqualTo(message);
        }
    }

    // ----- one record -----

    @Test
    void aBrowsableRecordComesWithLearningsActionsAndWhys() {
        api.admin();
        JsonNode sec = json(api.get("records/SEC-1"));
        assertThat(sec.path("record").path("issueKey").asText()).isEqualTo("SEC-1");
        assertThat(sec.path("learnings").get(0).path("text").asText()).isEqualTo("Rotate tokens");
        assertThat(sec.path("learnings").get(0).path("kind").asText()).isEqualTo("insight");
        assertThat(sec.path("actionItems").get(0).path("type").asText()).isEqualTo("prevent");
        assertThat(sec.path("actionItems").get(0).path("status").asText()).isEqualTo("open");
        assertThat(sec.path("actionItems").get(0).path("dueDate").asText()).isEqualTo("2026-06-30");
        JsonNode ops = json(api.editor().get("records/OPS-1"));
        assertThat(ops.path("whys").get(0).path("question").asText()).isEqualTo("Why did checkout fail?");
        assertThat(ops.path("whys").get(0).path("position").asInt()).isEqualTo(1);
    }

    @Test
    void aHiddenRecordIs404WithTheSameBodyAsAMissingOne() {
        String hidden = api.editor().get("records/SEC-1").readEntity(String.class);
        Response viewerHidden = api.viewer().get("records/SEC-1");
        assertThat(viewerHidden.getStatus()).isEqualTo(404);
        api.records.deleteByIssueId(api.sec1.issueId());
        Response missing = api.editor().get("records/SEC-1");
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(hidden).isEqualTo(missing.readEntity(String.class));
        assertThat(hidden).contains("There is no failure record with the key \\\"SEC-1\\\".")
                .doesNotContain("Rotate", "Exception", "at dev.");
        assertThat(api.get("records/not-a-key").getStatus()).isEqualTo(404);
    }

    // ----- learnings -----

    @Test
    void anEditorAddsEditsAndDeletesLearnings() {
        api.editor();
        Response added = api.post("records/OPS-1/learnings", learningBody("Pools need alarms", "went well"));
        assertThat(added.getStatus()).isEqualTo(201);
        JsonNode learning = json(added);
        long id = learning.path("id").asLong();
        assertThat(learning.path("issueKey").asText()).isEqualTo("OPS-1");
        assertThat(learning.path("kind").asText()).isEqualTo("went_well");
        assertThat(learning.path("authorKey").asText()).isEqualTo("u-fred");
        assertThat(learning.path("createdAt").asText()).isEqualTo("2026-06-01T10:00:00Z");

        Response edited = api.put("records/OPS-1/learnings/" + id, learningBody("Pools need alarms and limits", "insight"));
        assertThat(edited.getStatus()).isEqualTo(200);
        assertThat(json(edited).path("text").asText()).isEqualTo("Pools need alarms and limits");
        assertThat(api.learnings.findById(id).orElseThrow().text()).isEqualTo("Pools need alarms and limits");

        assertThat(api.delete("records/OPS-1/learnings/" + id).getStatus()).isEqualTo(204);
        assertThat(api.learnings.findById(id)).isEmpty();
        assertThat(api.delete("records/OPS-1/learnings/" + id).getStatus()).isEqualTo(404);
    }

    @Test
    void aLearningCapturedOnARetroPageKeepsThePage() {
        api.editor();
        Response added = api.post("records/OPS-1/learnings", "{\"text\":\"Alarms need owners\",\"kind\":\"insight\","
                + "\"sourceUrl\":\"https://wiki.example.com/pages/viewpage.action?pageId=77\","
                + "\"sourceTitle\":\"OPS-1 post-mortem\"}");
        assertThat(added.getStatus()).isEqualTo(201);
        assertThat(json(added).path("source").path("url").asText())
                .isEqualTo("https://wiki.example.com/pages/viewpage.action?pageId=77");
        JsonNode stored = json(api.get("records/OPS-1")).path("learnings").get(0);
        assertThat(stored.path("source").path("title").asText()).isEqualTo("OPS-1 post-mortem");

        assertFieldError(api.post("records/OPS-1/learnings", "{\"text\":\"x\",\"kind\":\"insight\","
                + "\"sourceUrl\":\"javascript:alert(1)\"}"), "sourceUrl", "invalid");
        assertFieldError(api.post("records/OPS-1/learnings", "{\"text\":\"x\",\"kind\":\"insight\","
                + "\"sourceTitle\":\"Retro\"}"), "sourceUrl", "required");
        assertThat(api.learnings.findByRecord(api.ops1.issueId())).hasSize(1);
    }

    @Test
    void writesNeedEditIssuesAndHiddenRecordsStay404() {
        Response viewer = api.viewer().post("records/OPS-1/learnings", learningBody("x", "insight"));
        assertThat(viewer.getStatus()).isEqualTo(403);
        assertThat(json(viewer).path("message").asText()).isEqualTo("You do not have permission to do this.");
        assertThat(api.post("records/OPS-1/actions", ACTION).getStatus()).isEqualTo(403);
        assertThat(api.learnings.findByRecord(api.ops1.issueId())).isEmpty();

        String learningPath = "records/SEC-1/learnings/" + api.secLearning.id();
        String actionPath = "records/SEC-1/actions/" + api.secAction.id();
        api.editor();
        for (Response response : List.of(api.post("records/SEC-1/learnings", learningBody("x", "insight")),
                api.put(learningPath, learningBody("x", "insight")), api.delete(learningPath),
                api.post("records/SEC-1/actions", ACTION), api.put(actionPath, ACTION.replace("}", ",\"version\":0}")),
                api.delete(actionPath), api.post(actionPath + "/check-in", "{\"date\":\"2026-07-01\",\"result\":\"effective\"}"))) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(json(response).path("message").asText()).isEqualTo("There is no failure record with the key \"SEC-1\".");
        }
        // a SEC item reached through a record the editor may edit is not found either
        assertThat(api.put("records/OPS-1/learnings/" + api.secLearning.id(), learningBody("x", "insight")).getStatus()).isEqualTo(404);
        assertThat(api.delete("records/OPS-1/actions/" + api.secAction.id()).getStatus()).isEqualTo(404);
        assertThat(api.learnings.findByRecord(api.sec1.issueId())).containsExactly(api.secLearning);
        assertThat(api.actions.findByRecord(api.sec1.issueId())).containsExactly(api.secAction);

        // the admin (granted everywhere by the schemes) may
        assertThat(api.admin().post("records/SEC-1/learnings", learningBody("Scan commits", "insight")).getStatus()).isEqualTo(201);
        assertThat(api.delete(actionPath).getStatus()).isEqualTo(204);
    }

    @Test
    void badLearningsAre400NamingTheField() {
        api.editor();
        assertFieldError(api.post("records/OPS-1/learnings", "{\"kind\":\"insight\"}"), "text", "required");
        assertFieldError(api.post("records/OPS-1/learnings", learningBody("x".repeat(2001), "insight")), "text", "tooLong");
        assertFieldError(api.post("records/OPS-1/learnings", learningBody("ok", "wisdom")), "kind", "unknown");
        assertFieldError(api.post("records/OPS-1/learnings", "{\"text\":42,\"kind\":\"insight\"}"), "text", "type");
        assertFieldError(api.post("records/OPS-1/learnings", "{\"text\":"), "body", "malformed");
        assertFieldError(api.post("records/OPS-1/learnings", "[]"), "body", "type");
        assertThat(api.learnings.findByRecord(api.ops1.issueId())).isEmpty();
    }

    private static void assertFieldError(Response response, String field, String code) {
        assertThat(response.getStatus()).isEqualTo(400);
        String raw = response.readEntity(String.class);
        assertThat(raw).doesNotContain("Exception", "at dev.");
        JsonNode error;
        try {
            error = FailureDbApi.JSON.readTree(raw).path("errors").get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(error.path("field").asText()).as(raw).isEqualTo(field);
        assertThat(error.path("code").asText()).as(raw).isEqualTo(code);
        assertThat(error.path("message").asText()).as(raw).isNotBlank().doesNotStartWith("failforward.");
    }

    // ----- action items -----

    @Test
    void actionItemsAreEditedWithOptimisticLocking() {
        api.editor();
        Response added = api.post("records/OPS-1/actions", ACTION);
        assertThat(added.getStatus()).isEqualTo(201);
        JsonNode action = json(added);
        long id = action.path("id").asLong();
        assertThat(action.path("status").asText()).isEqualTo("open");
        assertThat(action.path("version").asLong()).isZero();

        String edit = "{\"description\":\"Add a pool alarm at 80%\",\"owner\":\"u-fred\",\"dueDate\":\"2026-06-30\","
                + "\"type\":\"detect\",\"status\":\"done\",\"version\":0}";
        Response first = api.put("records/OPS-1/actions/" + id, edit);
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(json(first).path("version").asLong()).isEqualTo(1);
        assertThat(json(api.get("records/OPS-1")).path("actionItems").get(0).path("status").asText()).isEqualTo("done");

        Response stale = api.put("records/OPS-1/actions/" + id, edit.replace("80%", "90%"));
        assertThat(stale.getStatus()).isEqualTo(409);
        String body = stale.readEntity(String.class);
        assertThat(body).contains("Someone else changed this action item since you loaded it (version 0).")
                .doesNotContain("StaleEditException", "at dev.");
        assertThat(api.actions.findById(id).orElseThrow().description()).isEqualTo("Add a pool alarm at 80%");
    }

    /**
     * REST v2 clients expect a body to be read as a bound type with {@code @JsonIgnoreProperties(ignoreUnknown = true)}
     * is: a field this API version does not know (sent by a newer client, or an answer sent back as an edit) is ignored,
     * on every write, and cannot redirect it.
     */
    @Test
    void fieldsThisVersionDoesNotKnowAreIgnoredOnEveryWrite() {
        api.editor();
        String extra = ",\"addedInV2\":{\"labels\":[\"a\",\"b\"],\"weight\":0.5},\"issueKey\":\"SEC-1\",\"id\":999}";
        Response learning = api.post("records/OPS-1/learnings", withExtra(learningBody("Pools need alarms", "insight"), extra));
        assertThat(learning.getStatus()).isEqualTo(201);
        long learningId = json(learning).path("id").asLong();
        assertThat(learningId).isNotEqualTo(999);
        assertThat(api.put("records/OPS-1/learnings/" + learningId,
                withExtra(learningBody("Pools need alarms early", "insight"), extra)).getStatus()).isEqualTo(200);

        Response added = api.post("records/OPS-1/actions", withExtra(ACTION, extra));
        assertThat(added.getStatus()).isEqualTo(201);
        com.fasterxml.jackson.databind.node.ObjectNode action = (com.fasterxml.jackson.databind.node.ObjectNode) json(added);
        // the item as the API answered it, all its read-only fields (id, issueKey, ownerKey, createdAt, …) included,
        // sent back as the edit with the fields an edit reads
        action.put("description", "Add a pool alarm at 80%").put("owner", action.path("ownerKey").asText());
        Response edited = api.put("records/OPS-1/actions/" + action.path("id").asLong(), action.toString());
        assertThat(edited.getStatus()).isEqualTo(200);
        assertThat(json(edited).path("description").asText()).isEqualTo("Add a pool alarm at 80%");
        assertThat(api.post("records/OPS-1/actions/" + action.path("id").asLong() + "/check-in",
                withExtra("{\"date\":\"2026-07-15\",\"result\":\"effective\"}", extra)).getStatus()).isEqualTo(200);

        assertThat(api.learnings.findByRecord(api.ops1.issueId())).extracting(l -> l.text())
                .containsExactly("Pools need alarms early");
        assertThat(api.learnings.findByRecord(api.sec1.issueId())).containsExactly(api.secLearning);
        assertThat(api.actions.findByRecord(api.sec1.issueId())).containsExactly(api.secAction);
    }

    /** The JSON object with more fields ({@code extra} starts with a comma and ends the object). */
    private static String withExtra(String json, String extra) {
        return json.substring(0, json.lastIndexOf('}')) + extra;
    }

    @Test
    void aCheckInMarksTheItemDoneWithItsResult() {
        api.editor();
        long id = json(api.post("records/OPS-1/actions", ACTION)).path("id").asLong();
        Response checked = api.post("records/OPS-1/actions/" + id + "/check-in",
                "{\"date\":\"2026-07-15\",\"result\":\"not effective\",\"note\":\"Alarm fired too late\"}");
        assertThat(checked.getStatus()).isEqualTo(200);
        JsonNode item = json(checked);
        assertThat(item.path("status").asText()).isEqualTo("done");
        assertThat(item.path("checkInDate").asText()).isEqualTo("2026-07-15");
        assertThat(item.path("checkInResult").asText()).isEqualTo("not_effective");
        assertThat(item.path("checkInNote").asText()).isEqualTo("Alarm fired too late");
        assertThat(item.path("version").asLong()).isEqualTo(1);

        Response stale = api.post("records/OPS-1/actions/" + id + "/check-in",
                "{\"date\":\"2026-07-16\",\"result\":\"effective\",\"version\":0}");
        assertThat(stale.getStatus()).isEqualTo(409);
    }

    @Test
    void badActionItemsAndCheckInsAre400NamingTheField() {
        api.editor();
        assertFieldError(api.post("records/OPS-1/actions", ACTION.replace("2026-06-30", "30.06.2026")), "dueDate", "invalid");
        assertFieldError(api.post("records/OPS-1/actions", ACTION.replace("detect", "pray")), "type", "unknown");
        assertFieldError(api.post("records/OPS-1/actions", ACTION.replace("\"owner\":\"u-fred\",", "")), "owner", "required");
        assertFieldError(api.post("records/OPS-1/actions", ACTION.replace("Add a pool alarm", "x".repeat(2001))), "description", "tooLong");
        assertFieldError(api.post("records/OPS-1/actions", ACTION.replace("}", ",\"checkInDate\":\"2026-06-01\"}")), "checkInDate", "beforeDue");
        assertThat(api.actions.findByRecord(api.ops1.issueId())).isEmpty();

        long id = json(api.post("records/OPS-1/actions", ACTION)).path("id").asLong();
        String path = "records/OPS-1/actions/" + id;
        assertFieldError(api.put(path, ACTION), "version", "required");
        assertFieldError(api.put(path, ACTION.replace("}", ",\"version\":\"zero\"}")), "version", "type");
        assertFieldError(api.put(path, ACTION.replace("}", ",\"version\":-1}")), "version", "type");
        assertFieldError(api.put(path, ACTION.replace("}", ",\"status\":\"maybe\",\"version\":0}")), "status", "unknown");
        assertFieldError(api.put(path, ACTION.replace("}", ",\"checkInResult\":\"effective\",\"version\":0}")), "checkInResult", "notDone");
        assertFieldError(api.post(path + "/check-in", "{\"result\":\"effective\"}"), "date", "required");
        assertFieldError(api.post(path + "/check-in", "{\"date\":\"tomorrow\",\"result\":\"effective\"}"), "date", "invalid");
        assertFieldError(api.post(path + "/check-in", "{\"date\":\"2026-06-01\",\"result\":\"effective\"}"), "date", "beforeDue");
        assertFieldError(api.post(path + "/check-in", "{\"date\":\"2026-07-01\",\"result\":\"great\"}"), "result", "unknown");
        assertFieldError(api.post(path + "/check-in", "{\"date\":\"2026-07-01\",\"result\":\"effective\",\"note\":\"" + "n".repeat(2001) + "\"}"), "note", "tooLong");
        assertThat(api.actions.findById(id).orElseThrow().version()).isZero();
    }

    @Test
    void datesOutsideTheStorableYearsAre400NamingTheFieldAndNeverReachTheDatabase() {
        api.editor();
        for (String date : List.of("-0001-01-01", "+10000-01-01", "0000-01-01", "+999999999-12-31")) {
            Response response = api.post("records/OPS-1/actions", ACTION.replace("2026-06-30", date));
            assertFieldError(response, "dueDate", "outOfRange");
        }
        Response out = api.post("records/OPS-1/actions", ACTION.replace("2026-06-30", "+10000-01-01"));
        assertThat(json(out).path("errors").get(0).path("message").asText())
                .isEqualTo("Due date: \"+10000-01-01\" is outside the years 0001 to 9999; write it like 2026-06-30.");
        assertFieldError(api.post("records/OPS-1/actions", ACTION.replace("}", ",\"checkInDate\":\"+10000-01-01\"}")),
                "checkInDate", "outOfRange");
        assertThat(api.actions.findByRecord(api.ops1.issueId())).isEmpty();

        long id = json(api.post("records/OPS-1/actions", ACTION)).path("id").asLong();
        String path = "records/OPS-1/actions/" + id;
        assertFieldError(api.put(path, ACTION.replace("2026-06-30", "-0001-01-01").replace("}", ",\"version\":0}")),
                "dueDate", "outOfRange");
        assertFieldError(api.post(path + "/check-in", "{\"date\":\"+10000-01-01\",\"result\":\"effective\"}"),
                "date", "outOfRange");
        assertThat(api.actions.findById(id).orElseThrow().version()).isZero();
        assertThat(api.actions.findById(id).orElseThrow().dueDate()).hasToString("2026-06-30");
    }

    @Test
    void anActionItemsOwnerMustBeAJiraUser() {
        api.editor();
        Response stranger = api.post("records/OPS-1/actions", ACTION.replace("u-fred", "u-nobody"));
        assertFieldError(stranger, "owner", "unknown");
        assertThat(json(api.post("records/OPS-1/actions", ACTION.replace("u-fred", "u-nobody")))
                .path("errors").get(0).path("message").asText())
                .isEqualTo("Owner: there is no user with the key \"u-nobody\".");
        assertThat(api.actions.findByRecord(api.ops1.issueId())).isEmpty();

        Response added = api.post("records/OPS-1/actions", ACTION.replace("u-fred", "u-vera"));
        assertThat(added.getStatus()).isEqualTo(201);
        JsonNode item = json(added);
        assertThat(item.path("ownerKey").asText()).isEqualTo("u-vera");
        assertThat(item.path("ownerName").asText()).as("the owner as Jira names her").isEqualTo("Vera");
        long id = item.path("id").asLong();
        // Vera leaves: her item stays editable, but it cannot be given to someone Jira does not know
        api.users.remove("u-vera");
        assertThat(json(api.get("records/OPS-1")).path("actionItems").findValuesAsText("ownerName"))
                .as("a user Jira no longer knows keeps the key").containsExactly("u-vera");
        String edit = ACTION.replace("u-fred", "u-vera").replace("}", ",\"status\":\"done\",\"version\":0}");
        assertThat(api.put("records/OPS-1/actions/" + id, edit).getStatus()).isEqualTo(200);
        assertFieldError(api.put("records/OPS-1/actions/" + id, edit.replace("u-vera", "u-ghost").replace(":0}", ":1}")),
                "owner", "unknown");
        assertThat(api.post("records/OPS-1/actions/" + id + "/check-in",
                "{\"date\":\"2026-07-15\",\"result\":\"effective\"}").getStatus()).isEqualTo(200);
        assertThat(api.actions.findById(id).orElseThrow().ownerKey()).isEqualTo("u-vera");
    }

    // ----- XSRF: JSON only -----

    /** Every mutating endpoint with a body, and what it needs to succeed. */
    private List<String[]> mutations(long learningId, long actionId) {
        return List.of(
                new String[]{"POST", "records/OPS-1/learnings", learningBody("x", "insight")},
                new String[]{"PUT", "records/OPS-1/learnings/" + learningId, learningBody("y", "insight")},
                new String[]{"POST", "records/OPS-1/actions", ACTION},
                new String[]{"PUT", "records/OPS-1/actions/" + actionId, ACTION.replace("}", ",\"version\":0}")},
                new String[]{"POST", "records/OPS-1/actions/" + actionId + "/check-in",
                        "{\"date\":\"2026-07-15\",\"result\":\"effective\"}"});
    }

    @Test
    void mutatingRequestsAcceptOnlyJsonAnd415NamesTheContentType() {
        api.editor();
        long learningId = json(api.post("records/OPS-1/learnings", learningBody("kept", "insight"))).path("id").asLong();
        long actionId = json(api.post("records/OPS-1/actions", ACTION)).path("id").asLong();
        List<String> types = List.of("*/*", "application/*", "text/plain", "text/plain;charset=UTF-8",
                "application/x-www-form-urlencoded", "multipart/form-data;boundary=x", "application/xml",
                "application/json-patch+json", "application/vnd.api+json", "text/json", "application/jsonx",
                "application/json;charset=ISO-8859-1", "application/json;charset=UTF-16");
        for (String[] mutation : mutations(learningId, actionId)) {
            for (String type : types) {
                Response response = api.app.target(mutation[1]).request()
                        .method(mutation[0], Entity.entity(mutation[2], MediaType.valueOf(type)));
                assertThat(response.getStatus()).as(mutation[0] + " " + mutation[1] + " as " + type).isEqualTo(415);
                String raw = response.readEntity(String.class);
                assertThat(raw).doesNotContain("Exception", "at dev.", "at org.");
                JsonNode body;
                try {
                    body = FailureDbApi.JSON.readTree(raw);
                } catch (Exception e) {
                    throw new AssertionError(raw, e);
                }
                assertThat(body.path("status").asInt()).isEqualTo(415);
                assertThat(body.path("message").asText()).isEqualTo(
                        "This request changes data, so its body must be JSON: send Content-Type: application/json.");
                assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("Content-Type");
                assertThat(body.path("errors").get(0).path("code").asText())
                        .isEqualTo(type.contains("charset=") && type.startsWith("application/json;") ? "charset" : "unsupported");
            }
            Response untyped = api.app.target(mutation[1])
                    .property(org.glassfish.jersey.client.ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true)
                    .request().method(mutation[0]);
            assertThat(untyped.getStatus()).isEqualTo(415);
            JsonNode error = json(untyped).path("errors").get(0);
            assertThat(error.path("code").asText()).isEqualTo("missing");
            assertThat(error.path("message").asText()).isEqualTo("The request has no Content-Type; send application/json.");
        }
        Response plain = api.app.target("records/OPS-1/actions").request()
                .post(Entity.entity(ACTION, MediaType.TEXT_PLAIN_TYPE));
        assertThat(json(plain).path("errors").get(0).path("message").asText())
                .isEqualTo("The Content-Type \"text/plain\" is not accepted; send application/json.");
        assertThat(api.learnings.findByRecord(api.ops1.issueId())).extracting(l -> l.text()).containsExactly("kept");
        assertThat(api.actions.findByRecord(api.ops1.issueId())).singleElement()
                .satisfies(a -> assertThat(a.version()).isZero());

        // JSON with a UTF-8 charset (any case) is JSON
        for (String type : List.of("application/json", "application/json;charset=UTF-8", "Application/JSON; charset=utf-8")) {
            Response ok = api.app.target("records/OPS-1/learnings").request()
                    .post(Entity.entity(learningBody("typed " + type, "insight"), MediaType.valueOf(type)));
            assertThat(ok.getStatus()).as(type).isEqualTo(201);
        }
    }

    @Test
    void aDeleteNeedsJsonOnlyWhenItCarriesABody() {
        api.editor();
        long first = json(api.post("records/OPS-1/learnings", learningBody("one", "insight"))).path("id").asLong();
        long second = json(api.post("records/OPS-1/learnings", learningBody("two", "insight"))).path("id").asLong();
        Response withText = api.app.target("records/OPS-1/learnings/" + first)
                .property(org.glassfish.jersey.client.ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true).request()
                .build("DELETE", Entity.entity("please", MediaType.TEXT_PLAIN_TYPE)).invoke();
        assertThat(withText.getStatus()).isEqualTo(415);
        assertThat(json(withText).path("errors").get(0).path("field").asText()).isEqualTo("Content-Type");
        assertThat(api.learnings.findById(first)).isPresent();
        assertThat(api.app.target("records/OPS-1/learnings/" + first).request().delete().getStatus()).isEqualTo(204);
        Response withJson = api.app.target("records/OPS-1/learnings/" + second)
                .property(org.glassfish.jersey.client.ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true).request()
                .build("DELETE", Entity.json("{}")).invoke();
        assertThat(withJson.getStatus()).isEqualTo(204);
        assertThat(api.learnings.findByRecord(api.ops1.issueId())).isEmpty();
    }

    @Test
    void theOpenApiDocumentIsServedToLoggedInUsers() {
        Response response = api.viewer().get("openapi.json");
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode doc = json(response);
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("paths").has("/records/{issueKey}/actions/{id}/check-in")).isTrue();
    }

    static FailureRecord extra(long id, String key, String summary) {
        return FailureRecord.builder().issueId(id).issueKey(key).projectKey(key.substring(0, key.indexOf('-')))
                .kind(RecordKind.INCIDENT).summary(summary).status("Analysing")
                .createdAndUpdatedAt(Instant.parse("2026-05-25T09:00:00Z")).build();
    }
}
