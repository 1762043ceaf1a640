package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Background imports over HTTP in the preview (its scheduler, cluster lock and database as the plugin's host): 51
 * post-mortems are accepted as a job (202, the status URL), which the scheduler runs to the end while the status
 * endpoint shows its progress and then every file's result; owners written as display names or e-mail addresses are
 * matched to the preview's users; another user who is no administrator may not read the job; a background dry run is
 * a 400 naming the field.
 */
class ImportJobHttpTest extends PreviewHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private HttpResponse<String> postJson(ObjectNode body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(host.baseUri().resolve("rest/failforward/1.0/imports"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode batch(int files, boolean dryRun) {
        ObjectNode body = JSON.createObjectNode().put("project", "GROWTH").put("dryRun", dryRun);
        ArrayNode array = body.putArray("files");
        for (int i = 1; i <= files; i++) {
            array.addObject().put("name", "job-pm-" + i + ".md").put("content", """
                    # Signup emails delayed %d

                    ## Detection
                    Detected: 2026-02-%02d 09:15 UTC by a customer ticket.

                    ## Lessons learned
                    - Queue depth needs an alert.

                    ## Action items
                    - [ ] Alert on queue depth (owner: Anna Berg, due 2026-08-01)
                    - [ ] Document the replay (owner: ben.okafor@example.com, due 2026-08-02)
                    """.formatted(i, 1 + i % 27));
        }
        return body;
    }

    @Test
    void aLargeBatchRunsAsABackgroundJobWhoseStatusShowsProgressAndResults() throws Exception {
        HttpResponse<String> started = postJson(batch(51, false));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = JSON.readTree(started.body());
        String status = job.path("status").asText();
        assertThat(status).isEqualTo("/rest/failforward/1.0/imports/jobs/" + job.path("jobId").asText());
        assertThat(started.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(status));
        assertThat(job.path("state").asText()).isEqualTo("queued");
        assertThat(job.path("filesTotal").asInt()).isEqualTo(51);
        assertThat(job.path("project").asText()).isEqualTo("GROWTH");

        JsonNode now = JSON.readTree(get(status.substring(1)).body());
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (!now.path("state").asText().equals("done") && Instant.now().isBefore(until)) {
            assertThat(now.path("filesDone").asInt()).isBetween(0, 51);
            Thread.sleep(500);
            now = JSON.readTree(get(status.substring(1)).body());
        }
        assertThat(now.path("state").asText()).as(now.toString()).isEqualTo("done");
        assertThat(now.path("filesDone").asInt()).isEqualTo(51);
        assertThat(now.path("files")).hasSize(51);
        assertThat(now.path("counts").path("created").asInt()).isEqualTo(51);
        JsonNode first = now.path("files").get(0);
        assertThat(first.path("name").asText()).isEqualTo("job-pm-1.md");
        assertThat(first.path("issueKey").asText()).startsWith("GROWTH-");
        assertThat(first.path("found").findValuesAsText("value")).contains(
                "Anna Berg \u2192 Anna Berg (anna), matched by display name",
                "ben.okafor@example.com \u2192 Ben Okafor (ben), matched by e-mail address");
        JsonNode record = JSON.readTree(get("rest/failforward/1.0/records/" + first.path("issueKey").asText()).body());
        assertThat(record.path("actionItems").findValuesAsText("ownerKey")).containsExactlyInAnyOrder("anna", "ben");

        // the same files again in the request: every one unchanged, nothing imported twice
        ObjectNode again = batch(51, false).put("background", false);
        HttpResponse<String> inRequest = postJson(again);
        assertThat(inRequest.statusCode()).as(inRequest.body()).isEqualTo(200);
        assertThat(JSON.readTree(inRequest.body()).path("counts").path("unchanged").asInt()).isEqualTo(51);

        HttpResponse<String> asKim = CLIENT.send(HttpRequest.newBuilder(host.baseUri().resolve(status.substring(1)))
                .header("Cookie", "ff-preview-user=kim").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asKim.statusCode()).isEqualTo(403);
        assertThat(get("rest/failforward/1.0/imports/jobs/no-such-job").statusCode()).isEqualTo(404);
    }

    @Test
    void aBackgroundDryRunIsABadRequestNamingTheField() throws Exception {
        HttpResponse<String> response = postJson(batch(2, true).put("background", true));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsText("field")).contains("background");
        HttpResponse<String> notBoolean = postJson(batch(2, false).put("background", "yes"));
        assertThat(notBoolean.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notBoolean.body()).path("errors").findValuesAsText("field")).contains("background");
    }
}
