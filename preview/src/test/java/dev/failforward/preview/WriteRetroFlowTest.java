package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.confluence.retro.RetroKeys;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.retro.RetroLaunch;
import dev.failforward.jira.retro.RetroPage;
import dev.failforward.jira.retro.RetroPageLinks;
import dev.failforward.preview.confluence.PreviewConfluenceLinks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Write the retro" end to end in the preview: the issue view's action (the Jira plugin's web-item, its condition),
 * the plugin's servlet redirecting to the preview Confluence's Create dialog on the blueprint for the record's kind with
 * the key, the wizard filled with it, Create (the Confluence plugin's context provider titles the page, its listener
 * links the page to the issue through the Application Links), and the Jira plugin's {@link RetroPageLinks} finding the
 * page among the issue's remote links.
 */
class WriteRetroFlowTest extends PreviewHttpTest {

    private FailureRecord demo(RecordKind kind) {
        return IssueViewTest.allRecords(host.services()).stream()
                .filter(r -> r.kind() == kind)
                .filter(r -> host.services().jira.issues().find(r.issueKey()).isEmpty())
                .findFirst().orElseThrow();
    }

    /** From the issue view to the retro page, and the link back. */
    private String writeTheRetro(FailureRecord record, String blueprintKey) throws Exception {
        HttpResponse<String> issueView = get("/jira/issues/" + record.issueKey());
        assertThat(issueView.statusCode()).isEqualTo(200);
        Document issue = Jsoup.parse(issueView.body());
        assertThat(issue.select("a#write-retro").text()).isEqualTo("Write the retro");
        assertThat(issue.select("a#write-retro").attr("data-web-item")).isEqualTo("dev.failforward.jira:write-retro");
        String action = issue.select("a#write-retro").attr("href");
        assertThat(action).isEqualTo("/plugins/servlet/failforward/write-retro?issueId=" + record.issueId());

        HttpResponse<String> launched = get(action);
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(302);
        URI dialog = URI.create(launched.headers().firstValue("Location").orElseThrow());
        assertThat(dialog.toString()).isEqualTo(origin() + "/confluence/dashboard.action?createDialog=true"
                + "&createDialogBlueprintKey=" + blueprintKey.replace(":", "%3A") + "&issueKey=" + record.issueKey());

        Document wizard = Jsoup.parse(get(dialog.getRawPath() + "?" + dialog.getRawQuery()).body());
        assertThat(wizard.select("input[name=issueKey]").val()).isEqualTo(record.issueKey());
        assertThat(wizard.select("input[name=createDialogBlueprintKey]").val()).isEqualTo(blueprintKey);

        HttpResponse<String> created = post("/confluence/dashboard.action",
                Map.of("createDialogBlueprintKey", blueprintKey, "issueKey", record.issueKey()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        return created.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void anIncidentsRetroIsAPostmortemLinkedBackToTheIssue() throws Exception {
        FailureRecord incident = demo(RecordKind.INCIDENT);
        String page = writeTheRetro(incident, "dev.failforward.confluence:postmortem-blueprint");
        assertThat(page).startsWith("/confluence/pages/viewpage.action?pageId=");
        String pageId = page.substring(page.indexOf('=') + 1);

        HttpResponse<String> shown = get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        Document retro = Jsoup.parse(shown.body());
        String title = "Post-mortem: " + incident.issueKey() + " " + incident.summary();
        assertThat(retro.title()).contains(title);

        // the remote link Confluence made, as Jira's REST API has it
        JsonNode links = new ObjectMapper().readTree(get("/rest/api/2/issue/" + incident.issueKey() + "/remotelink").body());
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("globalId").asText())
                .isEqualTo("appId=" + PreviewConfluenceLinks.CONFLUENCE_APPLICATION_ID + "&pageId=" + pageId);
        assertThat(links.get(0).at("/application/type").asText()).isEqualTo("com.atlassian.confluence");
        assertThat(links.get(0).get("relationship").asText()).isEqualTo("Wiki Page");

        // and the Jira plugin's component the issue panel lists retro pages with
        List<RetroPage> pages = host.services().jiraComponents.get(RetroPageLinks.class)
                .pages(new RecordIssue(incident));
        assertThat(pages).containsExactly(new RetroPage(title, origin() + "/confluence" + page.substring("/confluence".length())));
    }

    @Test
    void anExperimentsRetroUsesTheExperimentRetroBlueprint() throws Exception {
        FailureRecord experiment = demo(RecordKind.EXPERIMENT);
        String page = writeTheRetro(experiment, "dev.failforward.confluence:experiment-retro-blueprint");
        assertThat(Jsoup.parse(get(page).body()).title()).contains("Experiment retro: " + experiment.issueKey());
        assertThat(host.services().jiraComponents.get(RetroPageLinks.class).pages(new RecordIssue(experiment)))
                .singleElement().satisfies(p -> assertThat(p.url()).endsWith(page));
    }

    @Test
    void badInputIsAnswered400NamingTheField() throws Exception {
        HttpResponse<String> noId = get("/plugins/servlet/failforward/write-retro?issueId=OPS-1");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noId.body()).select("#ff-write-retro-message").text()).startsWith("issueId:");
        assertThat(get("/plugins/servlet/failforward/write-retro?issueId=424242").statusCode()).isEqualTo(404);

        HttpResponse<String> badKey = post("/confluence/dashboard.action",
                Map.of("createDialogBlueprintKey", "dev.failforward.confluence:postmortem-blueprint", "issueKey", "not a key"));
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(badKey.body()).select("#ff-blueprint-issue-key-error").text()).isNotBlank();
        assertThat(post("/confluence/dashboard.action", Map.of("createDialogBlueprintKey", "x:y", "issueKey", "OPS-1"))
                .statusCode()).isEqualTo(400);

        FailureRecord incident = demo(RecordKind.INCIDENT);
        HttpResponse<String> noUrl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        host.baseUri().resolve("/rest/api/2/issue/" + incident.issueKey() + "/remotelink"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"object\": {\"title\": \"t\", \"url\": \"javascript:x\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noUrl.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(noUrl.body()).at("/errors/url").asText()).startsWith("object.url");
        assertThat(host.services().remoteLinks.forIssue(incident.issueId())).isEmpty();
    }

    @Test
    void jirasBlueprintKeysAreTheConfluencePluginsOwn() {
        assertThat(RetroLaunch.POSTMORTEM_BLUEPRINT).isEqualTo(RetroKeys.completeKey(RetroKeys.POSTMORTEM_BLUEPRINT));
        assertThat(RetroLaunch.EXPERIMENT_RETRO_BLUEPRINT)
                .isEqualTo(RetroKeys.completeKey(RetroKeys.EXPERIMENT_RETRO_BLUEPRINT));
        assertThat(RetroLaunch.ISSUE_KEY_PARAM).isEqualTo(RetroKeys.WIZARD_ISSUE_KEY_FIELD);
    }
}
