package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.EmbeddedPostgres;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview on a real PostgreSQL ({@code --db-url}, here a database on the build's embedded PostgreSQL): demo data,
 * writes and reads through the REST API, the rows in PostgreSQL's own tables, and a restart that finds them again.
 */
class PreviewOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void runsOnAnExternalPostgresAndKeepsItsDataAcrossRestarts() throws Exception {
        EmbeddedPostgres server = TestDatabases.postgres();
        String url = TestDatabases.newPostgresDatabase();
        PreviewOptions options = PreviewOptions.parse(List.of("--port", "0", "--data", data.toString(), "--db-url", url,
                "--db-user", server.user(), "--db-password", server.password()));
        assertThat(options.toString()).doesNotContain(server.password());

        long learningId;
        int records;
        try (PreviewHost host = PreviewHost.start(options)) {
            JsonNode backup = json(host, send(host, "GET", "rest/failforward/1.0/records/OPS-104", null), 200);
            assertThat(backup.path("record").path("summary").asText()).as("demo data loaded")
                    .isEqualTo("Nightly backup silently skipped");

            HttpResponse<String> added = send(host, "POST", "rest/failforward/1.0/records/OPS-104/learnings",
                    "{\"text\":\"Straße gesperrt: the BACKUP job had no alert\",\"kind\":\"surprise\"}");
            learningId = json(host, added, 201).path("id").asLong();
            assertThat(learningId).isPositive();

            // the archive's text search, case-insensitive beyond ASCII, on PostgreSQL
            JsonNode found = json(host, send(host, "GET", "rest/failforward/1.0/learnings?text="
                    + URLEncoder.encode("STRAßE", StandardCharsets.UTF_8), null), 200);
            assertThat(found.path("items").findValuesAsText("text"))
                    .containsExactly("Straße gesperrt: the BACKUP job had no alert");
            assertThat(found.path("items").get(0).path("record").path("issueKey").asText()).isEqualTo("OPS-104");

            JsonNode search = json(host, send(host, "GET", "rest/failforward/1.0/records?project=OPS&text=backup", null), 200);
            assertThat(search.path("records").findValuesAsText("issueKey")).contains("OPS-104");
            records = json(host, send(host, "GET", "rest/failforward/1.0/records?project=OPS", null), 200).path("total").asInt();
            assertThat(records).isPositive();

            JsonNode kpis = json(host, send(host, "GET", "rest/failforward/1.0/kpis?project=OPS", null), 200);
            assertThat(kpis.path("kpis").size()).isEqualTo(dev.failforward.core.kpi.Kpi.values().length).isEqualTo(19);
            assertThat(kpis.path("kpis").get(0).path("points").size()).isEqualTo(12);
        }

        // the rows are PostgreSQL's, in the plugin's AO tables
        String table = AoDatabase.tablePrefixFor(PreviewServices.JIRA_PLUGIN_KEY) + "LEARNING";
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             PreparedStatement select = c.prepareStatement("SELECT \"BODY\" FROM public.\"" + table + "\" WHERE \"ID\" = ?")) {
            select.setLong(1, learningId);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Straße gesperrt: the BACKUP job had no alert");
            }
        }

        try (PreviewHost again = PreviewHost.start(options)) {
            JsonNode backup = json(again, send(again, "GET", "rest/failforward/1.0/records/OPS-104", null), 200);
            List<Long> ids = new ArrayList<>();
            backup.path("learnings").forEach(l -> ids.add(l.path("id").asLong()));
            assertThat(ids).contains(learningId);
            assertThat(json(again, send(again, "GET", "rest/failforward/1.0/records?project=OPS", null), 200)
                    .path("total").asInt()).as("the demo data is not loaded twice").isEqualTo(records);
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsNamedWithoutItsPassword() {
        PreviewOptions options = PreviewOptions.parse(List.of("--port", "0", "--data", data.toString(), "--db-url",
                "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2", "--db-user", "someone", "--db-password", "s3cret"));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> PreviewHost.start(options)))
                .isInstanceOf(PreviewHost.StartException.class)
                .hasMessageStartingWith("cannot use the database jdbc:postgresql://127.0.0.1:1/nowhere as someone")
                .hasMessageNotContaining("s3cret");
    }

    private HttpResponse<String> send(PreviewHost host, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(host.baseUri().resolve(path));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(PreviewHost host, HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
