package dev.failforward.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /kpis} and {@code /pulse} over HTTP on the preview's demo history: scopes, periods, errors naming fields. */
class KpiEndpointTest {

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

    private static JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void twoYearsByQuarterWithEveryPeriodListedAndTheCurrentOnePartial() throws Exception {
        JsonNode report = ok("rest/failforward/1.0/kpis?project=OPS,CARE&from=2024-12&to=2026-11&granularity=quarter"
                + "&kpi=experiments_started&kpi=failure_type_mix&kpi=sharing_score");
        assertThat(report.path("projects").toString()).isEqualTo("[\"CARE\",\"OPS\"]");
        assertThat(report.path("periods")).hasSize(9);
        assertThat(report.path("periods").get(0).path("label").asText()).isEqualTo("Q4 2024");
        assertThat(report.path("kpis")).hasSize(3);
        JsonNode started = report.path("kpis").get(0);
        assertThat(started.path("direction").asText()).isEqualTo("up");
        assertThat(started.path("searchUrl").asText()).startsWith("/issues/?jql=project%20in%20");
        List<Double> values = new ArrayList<>();
        started.path("points").forEach(p -> values.add(p.path("value").asDouble()));
        assertThat(values).hasSize(9).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(0));
        assertThat(values.get(7)).as("the demo teams start more experiments over time").isGreaterThan(values.get(1));
        assertThat(report.path("kpis").get(1).path("series")).hasSize(3);
        assertThat(report.path("kpis").get(2).path("searchUrl").isNull()).isTrue();
        assertThat(report.path("kpis").get(2).path("points").get(8).path("status").asText())
                .as("the sharing score of the open period is withheld").isEqualTo("period_open");
    }

    @Test
    void aSavedFilterScopesToItsBrowsableProjects() throws Exception {
        JsonNode report = ok("rest/failforward/1.0/kpis?filter=10000&kpi=experiments_started");
        assertThat(report.path("filter").path("name").asText()).isEqualTo("Operations and care");
        assertThat(report.path("projects").toString()).isEqualTo("[\"CARE\",\"OPS\"]");
        assertThat(ok("rest/failforward/1.0/kpis?filter=10001&kpi=experiments_started").path("projects")).hasSize(3);
        HttpResponse<String> hidden = get("rest/failforward/1.0/kpis?filter=4242");
        assertThat(hidden.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(hidden.body()).path("message").asText()).contains("4242");
    }

    @Test
    void badParametersAreNamedAllAtOnceAndNothingLeaks() throws Exception {
        HttpResponse<String> response = get("rest/failforward/1.0/kpis?project=OPS&filter=10000&from=2026-13"
                + "&granularity=week&kpi=happiness");
        assertThat(response.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.body()).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("filter", "from", "granularity", "kpi");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.");

        assertThat(get("rest/failforward/1.0/kpis?from=2010-01&to=2026-11").statusCode()).isEqualTo(400);
        for (String month : List.of("%2B10000-01", "-0001-01", "0000-12", "%2B2026-01", "2026-02-30")) {
            HttpResponse<String> outside = get("rest/failforward/1.0/kpis?from=" + month);
            assertThat(outside.statusCode()).as(month).isEqualTo(400);
            assertThat(JSON.readTree(outside.body()).path("errors").get(0).path("field").asText()).isEqualTo("from");
        }
        HttpResponse<String> hidden = get("rest/failforward/1.0/kpis?project=SECRET");
        assertThat(hidden.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(hidden.body()).path("message").asText()).contains("SECRET");
    }

    @Test
    void thePulseTakesOneAnswerAndRefusesTheSecondWithItsPeriod() throws Exception {
        JsonNode pulse = ok("rest/failforward/1.0/pulse?project=GROWTH");
        assertThat(pulse.path("answered").asBoolean()).isFalse();
        assertThat(pulse.path("previous").path("shown").asBoolean()).as("last month had enough answers").isTrue();
        HttpRequest.Builder post = HttpRequest.newBuilder(host.baseUri().resolve("rest/failforward/1.0/pulse"))
                .header("Content-Type", "application/json");
        HttpResponse<String> bad = CLIENT.send(post.POST(HttpRequest.BodyPublishers.ofString(
                "{\"project\":\"GROWTH\",\"score\":9}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("errors").get(0).path("field").asText()).isEqualTo("score");
        HttpResponse<String> first = CLIENT.send(post.POST(HttpRequest.BodyPublishers.ofString(
                "{\"project\":\"GROWTH\",\"score\":4}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(first.body()).path("answered").asBoolean()).isTrue();
        HttpResponse<String> second = CLIENT.send(post.POST(HttpRequest.BodyPublishers.ofString(
                "{\"project\":\"GROWTH\",\"score\":2}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(409);
        JsonNode error = JSON.readTree(second.body());
        assertThat(error.path("errors").get(0).path("field").asText()).isEqualTo("score");
        String period = JSON.readTree(first.body()).path("period").path("label").asText();
        assertThat(period).as("the period in words").matches("(\\p{L}+|Q[1-4]) \\d{4}");
        assertThat(error.path("message").asText()).as("the period and the next one's first day in words, not ISO")
                .startsWith("You have already answered for " + period + ". The next question opens on ")
                .doesNotContainPattern("\\d{4}-\\d{2}");
    }
}
