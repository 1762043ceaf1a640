package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.core.text.Html;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts the real preview host on a free port and talks HTTP to it. */
class PreviewHostTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private PreviewHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private PreviewHost start() {
        host = PreviewHost.start(new PreviewOptions(0, data));
        return host;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(host.baseUri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theCommandLineDefaultIsTheEmbeddedPostgresAndAnEarlierHsqldbIsKept() throws Exception {
        // as root, the embedded PostgreSQL runs as nobody, who must be able to enter the data directory
        java.nio.file.Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path fresh = data.resolve("fresh");
        host = PreviewHost.start(PreviewOptions.parse(List.of("--port", "0", "--data", fresh.toString())));
        boolean postgresRunsHere = dev.failforward.host.db.EmbeddedPostgres.unavailable(fresh.resolve("postgres")).isEmpty();
        assertThat(host.databaseDescription()).startsWith(postgresRunsHere ? "the embedded PostgreSQL in "
                : "the embedded HSQLDB in ");
        assertThat(get("").body()).contains(Html.escape(host.databaseDescription()));
        HttpResponse<String> written = postJson("rest/failforward/1.0/records/OPS-102/learnings",
                "{\"text\":\"Kept across a restart\",\"kind\":\"insight\"}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        host.close();
        host = PreviewHost.start(PreviewOptions.parse(List.of("--port", "0", "--data", fresh.toString())));
        assertThat(get("rest/failforward/1.0/records/OPS-102").body()).contains("Kept across a restart");
        host.close();

        // data an earlier preview left in DATA/db stays in use
        Path earlier = data.resolve("earlier");
        host = PreviewHost.start(new PreviewOptions(0, earlier));
        host.close();
        host = PreviewHost.start(PreviewOptions.parse(List.of("--port", "0", "--data", earlier.toString())));
        assertThat(host.databaseDescription()).startsWith("the embedded HSQLDB in ");
        assertThat(java.nio.file.Files.exists(earlier.resolve("postgres"))).isFalse();
    }

    @Test
    void theHypothesisCheckAnswersAsInTheReadme() throws Exception {
        start();
        HttpResponse<String> response = postJson("rest/failforward/1.0/hypotheses/check",
                "{\"text\":\"If we add a checklist, then deploy failures drop below 2 per month\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("parts").path("condition").asText()).isEqualTo("we add a checklist");
        assertThat(body.path("parts").path("expectedOutcome").asText()).isEqualTo("deploy failures drop below 2 per month");
        assertThat(body.path("findings").findValuesAsText("code")).containsExactly("rationale.missing");
    }

    @Test
    void aBadBodyIs400NamingTheField() throws Exception {
        start();
        HttpResponse<String> response = postJson("rest/failforward/1.0/hypotheses/check", "{\"txt\":\"If x then y\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("text");
        assertThat(error.path("message").asText()).isEqualTo("The field \"text\" is required.");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void theStartPageShowsTheDemoDataAndTheLiveCheck() throws Exception {
        start();
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.title()).isEqualTo("Fail Forward preview");
        assertThat(page.select(".ff-facts").text()).contains("dev.failforward.jira", "dev.failforward.confluence",
                "FAILURE_RECORD");
        // the 12 hand-written demo records and two years of history (DemoHistory) for the culture dashboard
        assertThat(recordCount(page)).isGreaterThan(12 + 300);
        assertThat(page.select(".ff-records td").eachText()).contains("OPS-101", "Checkout outage after config rollout", "CARE-9");
        assertThat(page.select("textarea#hypothesis")).hasSize(1);
        assertThat(page.select("script[src]").attr("src")).isEqualTo("/download/resources/dev.failforward.jira:hypothesis-check/hypothesis-check.js");
    }

    @Test
    void servesThePluginsWebResourcesTransformed() throws Exception {
        start();
        HttpResponse<String> js = get("/download/resources/dev.failforward.jira:hypothesis-check/hypothesis-check.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(js.body()).doesNotContain("AJS.I18n.getText").contains("\"If (what we change)\"");

        assertThat(get("/download/resources/dev.failforward.confluence:hypothesis-card/hypothesis-card.css").statusCode()).isEqualTo(200);
        assertThat(get("/download/resources/dev.failforward.confluence/images/hypothesisMacroIcon.png").statusCode()).isEqualTo(200);
        assertThat(get("/download/resources/dev.failforward.jira:hypothesis-check/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/download/resources/dev.failforward.confluence/images/../atlassian-plugin.xml").statusCode()).isEqualTo(404);
        assertThat(get("/download/resources/nobody:nothing/x.js").statusCode()).isEqualTo(404);
    }

    @Test
    void theConfluencePageRendersTheMacroAndEscapesInput() throws Exception {
        start();
        String text = "If we <b>bold</b>, then errors drop below 2 per week";
        HttpResponse<String> response = get("/confluence/hypothesis-card?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<b>bold</b>").contains("&lt;b&gt;bold&lt;/b&gt;");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".ff-hypothesis-card").size()).isGreaterThanOrEqualTo(7);
        assertThat(page.select(".ff-hypothesis-card").first().select("dd").first().text()).isEqualTo("we <b>bold</b>");
    }

    @Test
    void theFieldIdsAreServedForTheCreateScreensScript() throws Exception {
        start();
        HttpResponse<String> response = get("/rest/failforward/1.0/fields");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("hypothesis").asText()).matches("customfield_\\d+");
    }

    @Test
    void unknownPagesAre404() throws Exception {
        start();
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(get("/rest/failforward/1.0/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void keepsTheDatabaseAcrossRestartsWithoutReloadingDemoData() throws Exception {
        start();
        int loaded = recordCount(Jsoup.parse(get("/").body()));
        host.close();
        host = null;
        start();
        Document page = Jsoup.parse(get("/").body());
        assertThat(recordCount(page)).isEqualTo(loaded);
        assertThat(data.resolve("db")).isDirectory();
    }

    @Test
    void aPulseAnswerIsStillRefusedAfterARestartAndItsKeysAreInTheDataDirectoryOnly() throws Exception {
        start();
        assertThat(postJson("rest/failforward/1.0/pulse", "{\"project\":\"OPS\",\"score\":4}").statusCode())
                .isEqualTo(201);
        host.close();
        host = null;
        start();
        assertThat(JSON.readTree(get("rest/failforward/1.0/pulse?project=OPS").body()).path("answered").asBoolean())
                .isTrue();
        HttpResponse<String> again = postJson("rest/failforward/1.0/pulse", "{\"project\":\"OPS\",\"score\":1}");
        assertThat(again.statusCode()).as("the guard key survived the restart").isEqualTo(409);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(data.resolve("secrets")))).isEqualTo("rwx------");
        try (java.util.stream.Stream<Path> keys = java.nio.file.Files.list(data.resolve("secrets"))) {
            assertThat(keys.map(k -> k.getFileName().toString())).anyMatch(k -> k.startsWith("pulse-guard-"))
                    .anyMatch(k -> k.startsWith("pulse-pool-"));
        }
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> PreviewHost.start(new PreviewOptions(taken.getLocalPort(), data)))
                    .isInstanceOf(PreviewHost.StartException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is in use");
        }
        // the failed start released the database: a new start works
        start();
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void theBaseUriIsLocalhost() {
        start();
        assertThat(host.baseUri()).hasScheme("http").hasHost("localhost");
        assertThat(URI.create(host.baseUri() + "rest/failforward/1.0/hypotheses/check").getPath())
                .isEqualTo("/rest/failforward/1.0/hypotheses/check");
    }

    /** The number in the start page's "N records in …FAILURE_RECORD". */
    private static int recordCount(Document page) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+) records in")
                .matcher(page.select(".ff-facts").text());
        assertThat(matcher.find()).as(page.select(".ff-facts").text()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
