package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.jira.failuredb.FakeFollowUpIssues;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.failforward.jira.rest.FailureDbApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /records/{key}/actions/{id}/follow-up} on real Jersey over the real AO repositories and a fake Jira. */
class FollowUpResourceTest {

    private FailureDbApi api;
    private ActionItem action;
    private String path;

    @BeforeEach
    void start() throws Exception {
        api = new FailureDbApi();
        action = api.actions.add(new ActionItemCommand("Add a pool alarm\nwith a runbook link", "u-fred",
                "2026-06-30", "detect", null, null, null, null).toDraft(api.ops1.issueId(), FailureDbApi.NOW).value());
        path = "records/OPS-1/actions/" + action.id() + "/follow-up";
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void createsAnIssueInTheChosenProjectAndReturnsTheActionWithItsFollowUp() {
        Response response = api.editor().post(path, "{\"project\":\"OPS\"}");

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = json(response);
        FakeFollowUpIssues.Issue created = api.followUpIssues.byKey("OPS-100").orElseThrow();
        assertThat(created.summary).isEqualTo("Add a pool alarm");
        assertThat(created.assigneeKey).isEqualTo("u-fred");
        assertThat(created.dueDate).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(body.path("id").asLong()).isEqualTo(action.id());
        assertThat(body.path("status").asText()).isEqualTo("open");
        assertThat(body.path("version").asLong()).isEqualTo(1);
        JsonNode followUp = body.path("followUp");
        assertThat(followUp.path("key").asText()).isEqualTo("OPS-100");
        assertThat(followUp.path("url").asText()).isEqualTo("http://jira.test/browse/OPS-100");
        assertThat(followUp.path("summary").asText()).isEqualTo("Add a pool alarm");
        assertThat(followUp.path("status").asText()).isEqualTo("Open");
        assertThat(followUp.path("resolved").asBoolean()).isFalse();
        // linked to the record's issue, stored on the item
        assertThat(api.followUpIssues.links).singleElement()
                .satisfies(link -> assertThat(link).containsExactly(created.id, api.ops1.issueId()));
        ActionItem stored = api.actions.findById(action.id()).orElseThrow();
        assertThat(stored.followUpKey()).isEqualTo("OPS-100");
        assertThat(stored.followUpIssueId()).isEqualTo(created.id);
        // the record's details show it too
        JsonNode details = json(api.get("records/OPS-1"));
        assertThat(details.path("actionItems").get(0).path("followUp").path("key").asText()).isEqualTo("OPS-100");
        // items without one say null
        assertThat(json(api.admin().get("records/SEC-1")).path("actionItems").get(0).path("followUp").isNull()).isTrue();
    }

    @Test
    void linksAnExistingIssueAndFollowsItsResolutionAtOnce() {
        api.followUpIssues.byKey("OPS-99").orElseThrow().resolved = true;

        JsonNode body = json(api.editor().post(path, "{\"issue\":\"OPS-99\"}"));

        assertThat(body.path("followUp").path("key").asText()).isEqualTo("OPS-99");
        assertThat(body.path("followUp").path("resolved").asBoolean()).isTrue();
        assertThat(body.path("status").asText()).isEqualTo("done");
        assertThat(api.actions.findById(action.id()).orElseThrow().status()).isEqualTo(ActionStatus.DONE);
    }

    @Test
    void aSecondFollowUpIs409() {
        assertThat(api.editor().post(path, "{\"issue\":\"OPS-99\"}").getStatus()).isEqualTo(200);

        Response again = api.post(path, "{\"project\":\"OPS\"}");

        assertThat(again.getStatus()).isEqualTo(409);
        JsonNode body = json(again);
        assertThat(body.path("message").asText()).isEqualTo("This action item already has a follow-up issue (OPS-99).");
        assertThat(api.followUpIssues.issues).hasSize(1); // nothing created
    }

    @Test
    void badRequestsAre400NamingTheField() {
        api.editor();
        assertFieldError(api.post(path, "{}"), "project", "required");
        assertFieldError(api.post(path, "{\"project\":\"OPS\",\"issue\":\"OPS-99\"}"), "issue", "conflict");
        assertFieldError(api.post(path, "{\"project\":\"NOPE\"}"), "project", "unknown");
        assertFieldError(api.post(path, "{\"project\":\"OPS\",\"issueType\":\"77\"}"), "issueType", "unknown");
        assertFieldError(api.post(path, "{\"issue\":\"OPS-12345\"}"), "issue", "unknown");
        assertFieldError(api.post(path, "{\"issue\":\"OPS-1\"}"), "issue", "unknown"); // not a Jira issue of the fake
        assertFieldError(api.post(path, "{\"project\":42}"), "project", "type");
        api.followUpIssues.hidden.add("OPS-99");
        assertFieldError(api.post(path, "{\"issue\":\"OPS-99\"}"), "issue", "unknown");
        assertThat(api.actions.findById(action.id()).orElseThrow().hasFollowUp()).isFalse();
    }

    @Test
    void noCreatePermissionIs403NamingTheProject() {
        Response response = api.editor().post(path, "{\"project\":\"TEAM\"}");

        assertThat(response.getStatus()).isEqualTo(403);
        JsonNode body = json(response);
        assertThat(body.path("message").asText()).isEqualTo("You may not create issues in project TEAM.");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("project");
    }

    @Test
    void needsEditIssuesOnTheRecord() {
        assertThat(api.viewer().post(path, "{\"project\":\"OPS\"}").getStatus()).isEqualTo(403);
        assertThat(api.outsider().post(path, "{\"project\":\"OPS\"}").getStatus()).isEqualTo(404);
        assertThat(api.anonymous().post(path, "{\"project\":\"OPS\"}").getStatus()).isEqualTo(401);
        assertThat(api.editor().post("records/OPS-1/actions/999999/follow-up", "{\"project\":\"OPS\"}").getStatus())
                .isEqualTo(404);
        assertThat(api.followUpIssues.issues).hasSize(1);
    }

    @Test
    void theFollowUpIsShownByKeyOnlyWhenTheUserMayNotBrowseIt() {
        api.editor().post(path, "{\"issue\":\"OPS-99\"}");
        api.followUpIssues.hidden.add("OPS-99");

        JsonNode followUp = json(api.get("records/OPS-1")).path("actionItems").get(0).path("followUp");

        assertThat(followUp.path("key").asText()).isEqualTo("OPS-99");
        assertThat(followUp.path("url").asText()).isEqualTo("http://jira.test/browse/OPS-99");
        assertThat(followUp.path("summary").isNull()).isTrue();
        assertThat(followUp.path("resolved").isNull()).isTrue();
    }

    @Test
    void editingTheItemKeepsItsFollowUp() {
        api.editor().post(path, "{\"issue\":\"OPS-99\"}");

        JsonNode edited = json(api.put("records/OPS-1/actions/" + action.id(), "{\"description\":\"Alarm\","
                + "\"owner\":\"u-fred\",\"dueDate\":\"2026-07-30\",\"type\":\"detect\",\"status\":\"done\","
                + "\"version\":1}"));

        assertThat(edited.path("status").asText()).isEqualTo("done");
        assertThat(edited.path("followUp").path("key").asText()).isEqualTo("OPS-99");
    }

    private static void assertFieldError(Response response, String field, String code) {
        String raw = response.readEntity(String.class);
        assertThat(response.getStatus()).as(raw).isEqualTo(400);
        assertThat(raw).doesNotContain("Exception", "at dev.");
        try {
            JsonNode error = FailureDbApi.JSON.readTree(raw).path("errors").get(0);
            assertThat(error.path("field").asText()).as(raw).isEqualTo(field);
            assertThat(error.path("code").asText()).as(raw).isEqualTo(code);
            assertThat(error.path("message").asText()).as(raw).isNotBlank().doesNotContain("failforward.");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
