package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing post-mortem pages straight from the preview's Confluence (its demo space OPS) over HTTP, end to end: Jira's
 * {@code POST /imports/confluence} asks the Confluence content search through the preview's application link (real
 * HTTP, paging included), each page goes through the Confluence page parser, the dry run writes nothing, the import
 * creates one Incident per post-mortem page with the page as its retro page (a "Wiki Page" remote link, the
 * learnings' source), and the same pages again are unchanged.
 */
class ConfluenceImportTest extends PreviewHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private HttpResponse<String> importFromConfluence(ObjectNode body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(host.baseUri().resolve("rest/failforward/1.0/imports/confluence"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> outcomes(JsonNode batch) {
        Map<String, String> outcomes = new TreeMap<>();
        batch.path("files").forEach(f -> outcomes.put(f.path("sourceKey").asText(f.path("name").asText()),
                f.path("outcome").asText()));
        return outcomes;
    }

    @Test
    void theDemoSpacesPostMortemsImportWithTheirPagesAsRetroPages() throws Exception {
        ObjectNode query = JSON.createObjectNode().put("project", "CARE").put("space", "OPS").put("label", "postmortem");
        HttpResponse<String> dryResponse = importFromConfluence(query.put("dryRun", true));
        assertThat(dryResponse.statusCode()).as(dryResponse.body()).isEqualTo(200);
        JsonNode dry = JSON.readTree(dryResponse.body());
        assertThat(outcomes(dry)).containsExactly(Map.entry("confluence-page-880000101", "create"),
                Map.entry("confluence-page-880000102", "create"), Map.entry("confluence-page-880000103", "create"));
        JsonNode checkout = dry.path("files").get(0);
        assertThat(checkout.path("name").asText())
                .isEqualTo("Post-mortem: Checkout 502s after the payment SDK upgrade (880000101)");
        assertThat(checkout.path("found").findValuesAsText("field")).contains("summary", "discovered_at", "learnings",
                "action_items");

        JsonNode imported = JSON.readTree(importFromConfluence(query.put("dryRun", false)).body());
        assertThat(outcomes(imported).values()).as(imported.toString()).containsOnly("created");
        String key = imported.path("files").get(0).path("issueKey").asText();
        JsonNode record = JSON.readTree(get("rest/failforward/1.0/records/" + key).body());
        assertThat(record.path("learnings")).isNotEmpty();
        String pageUrl = host.baseUri().resolve("/confluence/pages/viewpage.action?pageId=880000101").toString();
        assertThat(record.path("learnings").get(0).path("source").path("url").asText()).isEqualTo(pageUrl);
        // the page is the retro page: a "Wiki Page" link to Confluence, as Jira's REST API has it
        JsonNode links = JSON.readTree(get("/rest/api/2/issue/" + key + "/remotelink").body());
        assertThat(links).hasSize(1);
        assertThat(links.get(0).at("/object/url").asText()).isEqualTo(pageUrl);
        assertThat(links.get(0).at("/object/title").asText())
                .isEqualTo("Post-mortem: Checkout 502s after the payment SDK upgrade");
        assertThat(links.get(0).at("/application/type").asText()).isEqualTo("com.atlassian.confluence");
        assertThat(links.get(0).get("relationship").asText()).isEqualTo("Wiki Page");
        assertThat(get("confluence/pages/viewpage.action?pageId=880000101").statusCode()).isEqualTo(200);

        JsonNode again = JSON.readTree(importFromConfluence(query.put("dryRun", false)).body());
        assertThat(outcomes(again).values()).containsOnly("unchanged");
        assertThat(JSON.readTree(get("/rest/api/2/issue/" + key + "/remotelink").body())).hasSize(1);
    }

    @Test
    void aParentPageNarrowsTheImportAndPagingReadsThemAll() throws Exception {
        ObjectNode query = JSON.createObjectNode().put("project", "CARE").put("space", "OPS").put("parent", "880000100")
                .put("max", 2);
        JsonNode two = JSON.readTree(importFromConfluence(query).body());
        assertThat(outcomes(two)).containsOnlyKeys("confluence-page-880000101", "confluence-page-880000102");
        JsonNode all = JSON.readTree(importFromConfluence(query.put("max", 200)).body());
        assertThat(outcomes(all)).containsOnlyKeys("confluence-page-880000101", "confluence-page-880000102",
                "confluence-page-880000103");
        // the whole space: the parent page and the offsite notes are no post-mortems, and say so
        JsonNode space = JSON.readTree(importFromConfluence(JSON.createObjectNode().put("project", "CARE")
                .put("space", "OPS")).body());
        assertThat(outcomes(space)).containsEntry("confluence-page-880000100", "failed")
                .containsEntry("confluence-page-880000104", "failed").containsEntry("confluence-page-880000101", "create");
    }

    @Test
    void badInputNamesTheFieldAndAnEmptySpaceSaysSo() throws Exception {
        HttpResponse<String> noSpace = importFromConfluence(JSON.createObjectNode().put("project", "CARE"));
        assertThat(noSpace.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noSpace.body()).path("errors").get(0).path("field").asText()).isEqualTo("space");
        HttpResponse<String> badParent = importFromConfluence(JSON.createObjectNode().put("project", "CARE")
                .put("space", "OPS").put("parent", "12a"));
        assertThat(JSON.readTree(badParent.body()).path("errors").get(0).path("field").asText()).isEqualTo("parent");
        HttpResponse<String> empty = importFromConfluence(JSON.createObjectNode().put("project", "CARE")
                .put("space", "NOPE\"or"));
        assertThat(empty.statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = importFromConfluence(JSON.createObjectNode().put("project", "CARE")
                .put("space", "HR"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(unknown.body()).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("space");
        assertThat(error.path("message").asText()).contains("HR");
    }

    @Test
    void anUploadedPageIsKnownByThePageIdItNames() throws Exception {
        String page = "<!-- pageId: 4242 -->\n" + new String(getClass().getResourceAsStream(
                "/preview/confluence-space/880000102.xhtml").readAllBytes(), StandardCharsets.UTF_8);
        ObjectNode body = JSON.createObjectNode().put("project", "CARE").put("dryRun", false);
        body.putArray("files").addObject().put("name", "billing-export.xhtml").put("content", page);
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(host.baseUri()
                        .resolve("rest/failforward/1.0/imports")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode file = JSON.readTree(response.body()).path("files").get(0);
        assertThat(file.path("outcome").asText()).as(response.body()).isEqualTo("created");
        assertThat(file.path("sourceKey").asText()).isEqualTo("confluence-page-4242");
    }
}
