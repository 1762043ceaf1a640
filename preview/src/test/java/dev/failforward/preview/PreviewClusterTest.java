package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.host.db.EmbeddedPostgres;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two previews started at once with {@code --node-id} on one PostgreSQL are two nodes of a cluster: the demo data is
 * written once, what one node writes the other serves, and the KPIs one node's writes change are the same on both —
 * applied by whichever node's applier holds the cluster lock, also after the writing node stopped. With one shared home
 * (the pulse's keys), the same person's pulse answer sent to both nodes at once counts once.
 */
class PreviewClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<PreviewHost> hosts = new ArrayList<>();

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;
    @TempDir
    Path sharedHome;

    @AfterEach
    void stop() {
        hosts.forEach(PreviewHost::close);
    }

    private HttpResponse<String> get(PreviewHost host, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(PreviewHost host, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int total(String recordsJson) throws Exception {
        return JSON.readTree(recordsJson).path("total").asInt(-1);
    }

    @Test
    void twoNodesOnOneDatabaseShareWhatTheyWriteAndTheirKpis() throws Exception {
        EmbeddedPostgres server = TestDatabases.postgres();
        PreviewOptions.ExternalDatabase db = new PreviewOptions.ExternalDatabase(TestDatabases.newPostgresDatabase(),
                server.user(), server.password());
        CompletableFuture<PreviewHost> a = CompletableFuture.supplyAsync(() ->
                PreviewHost.start(new PreviewOptions(0, dataA, db, "node-a", sharedHome)));
        CompletableFuture<PreviewHost> b = CompletableFuture.supplyAsync(() ->
                PreviewHost.start(new PreviewOptions(0, dataB, db, "node-b", sharedHome)));
        PreviewHost nodeA = a.get();
        hosts.add(nodeA);
        PreviewHost nodeB = b.get();
        hosts.add(nodeB);

        // the demo data went in once, whichever node loaded it
        String allRecords = "rest/failforward/1.0/records?maxResults=1";
        int records = total(get(nodeA, allRecords).body());
        assertThat(records).isGreaterThan(300);
        assertThat(total(get(nodeB, allRecords).body())).isEqualTo(records);
        String learnings = "rest/failforward/1.0/learnings?maxResults=1";
        int learned = total(get(nodeA, learnings).body());
        assertThat(total(get(nodeB, learnings).body())).isEqualTo(learned);

        // a learning and next steps written on node A are read on node B
        HttpResponse<String> written = postJson(nodeA, "rest/failforward/1.0/records/OPS-102/learnings",
                "{\"text\":\"Written on node A\",\"kind\":\"insight\"}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        JsonNode details = JSON.readTree(get(nodeB, "rest/failforward/1.0/records/OPS-102").body());
        assertThat(details.toString()).contains("Written on node A");

        // the same person answers the pulse on both nodes at the same moment: one answer is taken, the other refused
        String pulseBody = "{\"project\":\"OPS\",\"score\":4}";
        CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> postQuietly(nodeA, pulseBody));
        CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> postQuietly(nodeB, pulseBody));
        List<Integer> statuses = new ArrayList<>(List.of(onA.get().statusCode(), onB.get().statusCode()));
        statuses.sort(null);
        assertThat(statuses).as(onA.get().body() + " / " + onB.get().body()).containsExactly(201, 409);
        assertThat(JSON.readTree(get(nodeB, "rest/failforward/1.0/pulse?project=OPS").body()).path("answered")
                .asBoolean()).isTrue();

        String kpis = "rest/failforward/1.0/kpis?project=OPS&kpi=actions_opened&granularity=month";
        String before = get(nodeB, kpis).body();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> step = postJson(nodeA, "rest/failforward/1.0/records/OPS-102/actions",
                    "{\"description\":\"Step " + i + "\",\"owner\":\"demo\",\"dueDate\":\"2026-12-31\",\"type\":\"prevent\"}");
            assertThat(step.statusCode()).as(step.body()).isEqualTo(201);
        }
        // node A stops at once: its change log stays in the database, and node B's applier applies it
        nodeA.close();
        String after = before;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (after.equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = get(nodeB, kpis).body();
        }
        assertThat(after).as("node B's KPIs follow node A's writes").isNotEqualTo(before);
        assertThat(opened(after) - opened(before)).isEqualTo(3);
    }

    private HttpResponse<String> postQuietly(PreviewHost host, String body) {
        try {
            return postJson(host, "rest/failforward/1.0/pulse", body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Action items opened in all periods of a KPI answer. */
    private static double opened(String kpiJson) throws Exception {
        double sum = 0;
        for (JsonNode kpi : JSON.readTree(kpiJson).path("kpis")) {
            for (JsonNode point : kpi.path("points")) {
                sum += point.path("value").asDouble(0);
            }
        }
        return sum;
    }
}
