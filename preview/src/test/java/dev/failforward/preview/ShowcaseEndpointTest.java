package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /showcase} over HTTP on the preview's demo data: the last complete quarter's award (closed, winner and
 * nominees with votes), reused learnings ranked, decided experiments, incidents with follow-ups verified effective in
 * the quarter, headline KPIs with their healthy direction; 400 naming bad parameters, 403 for a hidden project.
 */
class ShowcaseEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @TempDir
    static Path data;
    private static PreviewHost host;

    @BeforeAll
    static void start() {
        host = PreviewHost.start(PreviewHttpTest.options(data)); // HSQLDB, or PostgreSQL in the PostgreSQL run
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLastQuarterAssembledForTheUser() throws Exception {
        String quarter = DemoShowcase.lastQuarter(Instant.now());
        HttpResponse<String> response = get("rest/failforward/1.0/showcase?period=" + quarter);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode showcase = JSON.readTree(response.body());
        assertThat(showcase.path("projects").toString()).isEqualTo("[\"CARE\",\"GROWTH\",\"OPS\"]");
        assertThat(showcase.path("period").path("key").asText()).isEqualTo(quarter);
        assertThat(showcase.path("period").path("granularity").asText()).isEqualTo("quarter");

        JsonNode award = showcase.path("awards").get(0);
        assertThat(award.path("phase").asText()).isEqualTo("closed");
        assertThat(award.path("winner").path("votes").asLong()).isEqualTo(4);
        assertThat(award.path("winner").path("record").path("url").asText()).startsWith("/browse/");
        List<Long> votes = new ArrayList<>();
        award.path("nominees").forEach(n -> votes.add(n.path("votes").asLong()));
        assertThat(votes).containsExactly(4L, 2L, 1L);

        JsonNode learnings = showcase.path("learnings");
        assertThat(learnings.get(0).path("reuses").asLong()).isEqualTo(4);
        assertThat(learnings.get(0).path("retros").asLong() + learnings.get(0).path("records").asLong()).isEqualTo(4);
        for (int i = 1; i < learnings.size(); i++) {
            assertThat(learnings.get(i).path("reuses").asLong())
                    .isLessThanOrEqualTo(learnings.get(i - 1).path("reuses").asLong());
        }
        JsonNode experiment = showcase.path("experiments").get(0);
        assertThat(experiment.path("outcome").asText()).isIn("confirmed", "refuted", "inconclusive");
        assertThat(experiment.path("decidedAt").asText()).startsWith(quarter.substring(0, 4));
        JsonNode incident = showcase.path("incidents").get(0);
        assertThat(incident.path("followUps").get(0).path("checkInDate").asText()).startsWith(quarter.substring(0, 4));

        List<String> kpis = new ArrayList<>();
        showcase.path("kpis").forEach(k -> kpis.add(k.path("key").asText() + ":" + k.path("direction").asText()));
        assertThat(kpis).containsExactly("hypotheses_tested:up", "reporting_time_median:down",
                "recurrence_rate:down", "actions_verified_effective:up", "sharing_score:up");
        assertThat(response.body()).doesNotContain("nominator").doesNotContain("demo-ana");
    }

    @Test
    void aProjectNarrowsEverySection() throws Exception {
        JsonNode ops = JSON.readTree(get("rest/failforward/1.0/showcase?projects=ops&period="
                + DemoShowcase.lastQuarter(Instant.now())).body());
        assertThat(ops.path("projects").toString()).isEqualTo("[\"OPS\"]");
        ops.path("experiments").forEach(e -> assertThat(e.path("record").path("projectKey").asText()).isEqualTo("OPS"));
        ops.path("incidents").forEach(i -> assertThat(i.path("record").path("projectKey").asText()).isEqualTo("OPS"));
        ops.path("learnings").forEach(l -> assertThat(l.path("record").path("projectKey").asText()).isEqualTo("OPS"));
    }

    @Test
    void badParametersAreNamedAndAHiddenProjectIsForbidden() throws Exception {
        HttpResponse<String> period = get("rest/failforward/1.0/showcase?period=Q3-2026");
        assertThat(period.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(period.body()).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("period");
        assertThat(period.body()).contains("Q3-2026").doesNotContain("Exception");

        HttpResponse<String> range = get("rest/failforward/1.0/showcase?from=2026-09&to=2026-07&projects=1X");
        assertThat(range.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        JSON.readTree(range.body()).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("projects", "to");

        HttpResponse<String> hidden = get("rest/failforward/1.0/showcase?projects=SECRET&period=2026-Q3");
        assertThat(hidden.statusCode()).isEqualTo(403);
        assertThat(hidden.body()).doesNotContain("experiments");
    }
}
