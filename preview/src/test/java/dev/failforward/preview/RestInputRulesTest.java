package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input rules over real HTTP in the preview, through both plugins' REST modules as the preview assembles them: a
 * write without a JSON type is a 415 on Jira and on Confluence's proxy, and Jira's 400 for a date it cannot store
 * reaches the Confluence page as a 400 naming the field, never as "Jira could not be reached".
 */
class RestInputRulesTest extends PreviewHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JIRA = "rest/failforward/1.0/";
    private static final String CONFLUENCE = "confluence/rest/failforward-confluence/1.0/";
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(host.baseUri().resolve(path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int learnings(String key) throws Exception {
        return JSON.readTree(get("/" + JIRA + "records/" + key).body()).path("learnings").size();
    }

    @Test
    void writesWithoutAJsonTypeAre415OnBothApis() throws Exception {
        int before = learnings("OPS-101");
        String learning = "{\"text\":\"Sneaked in\",\"kind\":\"insight\"}";
        for (String path : new String[]{JIRA + "records/OPS-101/learnings", CONFLUENCE + "records/OPS-101/learnings",
                JIRA + "pulse", CONFLUENCE + "blameless/check", JIRA + "hypotheses/check"}) {
            for (String type : new String[]{null, "text/plain", "*/*", "application/*", "application/x-www-form-urlencoded"}) {
                HttpResponse<String> response = send(path, type, learning);
                assertThat(response.statusCode()).as(path + " as " + type).isEqualTo(415);
                JsonNode body = JSON.readTree(response.body());
                assertThat(body.path("status").asInt()).isEqualTo(415);
                assertThat(body.path("message").asText()).isEqualTo(
                        "This request changes data, so its body must be JSON: send Content-Type: application/json.");
                assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("Content-Type");
                assertThat(body.path("errors").get(0).path("code").asText()).isEqualTo(type == null ? "missing" : "unsupported");
            }
        }
        assertThat(learnings("OPS-101")).isEqualTo(before);
        assertThat(send(JIRA + "records/OPS-101/learnings", "application/json;charset=UTF-8", learning).statusCode())
                .isEqualTo(201);
        assertThat(learnings("OPS-101")).isEqualTo(before + 1);
    }

    @Test
    void jirasRefusalOfAnUnstorableDatePassesThroughConfluenceAsA400() throws Exception {
        HttpResponse<String> response = send(CONFLUENCE + "records/OPS-102/actions", "application/json",
                "{\"description\":\"Rotate keys\",\"owner\":\"demo\",\"dueDate\":\"+10000-01-01\",\"type\":\"prevent\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("message").asText()).isEqualTo("Jira did not accept the input.");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("dueDate");
        assertThat(body.path("errors").get(0).path("code").asText()).isEqualTo("outOfRange");
        assertThat(body.path("errors").get(0).path("message").asText())
                .isEqualTo("Due date: \"+10000-01-01\" is outside the years 0001 to 9999; write it like 2026-06-30.");

        HttpResponse<String> stranger = send(CONFLUENCE + "records/OPS-102/actions", "application/json",
                "{\"description\":\"Rotate keys\",\"owner\":\"zoe\",\"dueDate\":\"-0001-01-01\",\"type\":\"prevent\"}");
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(stranger.body()).path("errors").findValuesAsText("field")).containsExactly("owner", "dueDate");
        assertThat(JSON.readTree(get("/" + JIRA + "records/OPS-102").body()).path("actionItems").toString())
                .doesNotContain("Rotate keys");
    }
}
