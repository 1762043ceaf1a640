package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-ups over HTTP in the preview: an action item handed to a new Task issue through the plugin's REST endpoint,
 * the task in the issue view and the issue search with its link, and the item following the task's resolution.
 */
class FollowUpIssuesTest extends PreviewHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private HttpResponse<String> postJson(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode action(String recordKey, long id) throws Exception {
        HttpResponse<String> details = get("rest/failforward/1.0/records/" + recordKey);
        assertThat(details.statusCode()).isEqualTo(200);
        for (JsonNode item : JSON.readTree(details.body()).path("actionItems")) {
            if (item.path("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no action item " + id + " on " + recordKey);
    }

    @Test
    void anActionItemBecomesATaskAndFollowsItsResolution() throws Exception {
        HttpResponse<String> added = postJson("rest/failforward/1.0/records/OPS-102/actions",
                "{\"description\":\"Alert on pool saturation\\nwith a runbook\",\"owner\":\"demo\","
                        + "\"dueDate\":\"2026-12-31\",\"type\":\"detect\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        long id = JSON.readTree(added.body()).path("id").asLong();

        HttpResponse<String> followed = postJson("rest/failforward/1.0/records/OPS-102/actions/" + id + "/follow-up",
                "{\"project\":\"OPS\"}");

        assertThat(followed.statusCode()).as(followed.body()).isEqualTo(200);
        JsonNode followUp = JSON.readTree(followed.body()).path("followUp");
        String key = followUp.path("key").asText();
        assertThat(key).startsWith("OPS-");
        assertThat(followUp.path("summary").asText()).isEqualTo("Alert on pool saturation");
        assertThat(followUp.path("status").asText()).isEqualTo("Open");
        assertThat(followUp.path("resolved").asBoolean()).isFalse();
        assertThat(followUp.path("url").asText()).isEqualTo(origin() + "/browse/" + key);

        // the task's issue view, with its link to the record's issue
        Document task = Jsoup.parse(get("/jira/issues/" + key).body());
        assertThat(task.selectFirst("h2").text()).isEqualTo("Alert on pool saturation");
        assertThat(task.selectFirst("#status").text()).isEqualTo("Open");
        assertThat(task.select("[data-field=assignee]").text()).isEqualTo("Dee Demo");
        assertThat(task.select("[data-field=duedate]").text()).isEqualTo("31/Dec/26");
        assertThat(task.selectFirst("#links").text()).isEqualTo("is a follow-up of OPS-102");
        // on the record's page, the action item names its follow-up
        Document record = Jsoup.parse(get("/jira/records/OPS-102").body());
        assertThat(record.select("tr[data-action=" + id + "] [data-follow-up]").text()).isEqualTo("follow-up " + key);
        // in the issue search
        Document search = Jsoup.parse(get("/issues/?jql=" + URLEncoder.encode("issuetype = Task AND project = OPS",
                StandardCharsets.UTF_8)).body());
        assertThat(search.select("tr[data-key=" + key + "] td").eachText()).contains(key, "Alert on pool saturation",
                "Task", "Open");

        // resolved: the action item is done
        assertThat(post("/jira/issues/" + key + "/resolve", Map.of()).statusCode()).isEqualTo(302);
        assertThat(Jsoup.parse(get("/jira/issues/" + key).body()).selectFirst("#status").text()).isEqualTo("Done");
        JsonNode done = action("OPS-102", id);
        assertThat(done.path("status").asText()).isEqualTo("done");
        assertThat(done.path("followUp").path("resolved").asBoolean()).isTrue();
        assertThat(done.path("followUp").path("status").asText()).isEqualTo("Done");

        // reopened: open again
        assertThat(post("/jira/issues/" + key + "/reopen", Map.of()).statusCode()).isEqualTo(302);
        assertThat(action("OPS-102", id).path("status").asText()).isEqualTo("open");

        // a second follow-up is refused
        assertThat(postJson("rest/failforward/1.0/records/OPS-102/actions/" + id + "/follow-up",
                "{\"project\":\"OPS\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void anExistingTaskCanBeLinkedAndUnknownProjectsAreNamed() throws Exception {
        long first = JSON.readTree(postJson("rest/failforward/1.0/records/OPS-102/actions",
                "{\"description\":\"Runbook\",\"owner\":\"demo\",\"dueDate\":\"2026-12-31\",\"type\":\"detect\"}")
                .body()).path("id").asLong();
        long second = JSON.readTree(postJson("rest/failforward/1.0/records/OPS-101/actions",
                "{\"description\":\"Runbook too\",\"owner\":\"demo\",\"dueDate\":\"2026-12-31\",\"type\":\"detect\"}")
                .body()).path("id").asLong();
        HttpResponse<String> unknown = postJson("rest/failforward/1.0/records/OPS-102/actions/" + first + "/follow-up",
                "{\"project\":\"NOPE\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).path("errors").get(0).path("field").asText()).isEqualTo("project");

        String key = JSON.readTree(postJson("rest/failforward/1.0/records/OPS-102/actions/" + first + "/follow-up",
                "{\"project\":\"GROWTH\"}").body()).path("followUp").path("key").asText();
        HttpResponse<String> linked = postJson("rest/failforward/1.0/records/OPS-101/actions/" + second + "/follow-up",
                "{\"issue\":\"" + key + "\"}");

        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(JSON.readTree(linked.body()).path("followUp").path("key").asText()).isEqualTo(key);
        post("/jira/issues/" + key + "/resolve", Map.of());
        assertThat(action("OPS-102", first).path("status").asText()).isEqualTo("done");
        assertThat(action("OPS-101", second).path("status").asText()).isEqualTo("done");
    }
}
