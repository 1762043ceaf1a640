package dev.failforward.preview;

import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.text.Html;
import dev.failforward.preview.jira.PreviewWorkflows;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure record opens as an issue: the demo data's records (no preview issue behind them) as a read-only view
 * from the record, the preview's own issues as before; {@code /browse/KEY} leads there; a missing key is a 404 page.
 */
class IssueViewTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @TempDir
    static Path data;
    private static PreviewHost host;

    @BeforeAll
    static void start() {
        host = PreviewHost.start(PreviewHttpTest.options(data));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Document page(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + "\n" + response.body()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** Every record the failure database holds, read from the repository in batches of issue ids. */
    static List<FailureRecord> allRecords(PreviewServices services) {
        List<FailureRecord> records = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Long> ids = services.records.issueIds(null, after, 500);
            if (ids.isEmpty()) {
                return records;
            }
            ids.forEach(id -> records.add(services.records.findByIssueId(id).orElseThrow()));
            after = ids.get(ids.size() - 1);
        }
    }

    @Test
    void everyRecordOpensAsAnIssueAndBrowseLeadsThere() throws Exception {
        PreviewWorkflows.Result created = host.services().jira.workflows().create(RecordKind.INCIDENT, "CARE",
                "Lab label printer jammed", Map.of("discoveredAt", "2026-11-20T08:30"));
        assertThat(created.ok()).as(created.fieldErrors().toString()).isTrue();
        String previewKey = created.issue().getKey();

        List<FailureRecord> records = allRecords(host.services());
        assertThat(records).as("the demo data and its two years of history, and the issue just created")
                .hasSizeGreaterThan(300).anyMatch(r -> r.issueKey().equals(previewKey));
        for (FailureRecord record : records) {
            String key = record.issueKey();
            HttpResponse<String> view = get("/jira/issues/" + key);
            assertThat(view.statusCode()).as(key).isEqualTo(200);
            Document issue = Jsoup.parse(view.body());
            assertThat(issue.select("section.ff-issue").attr("data-key")).as(key).isEqualTo(key);
            assertThat(issue.selectFirst("h2").text()).as(key).isEqualTo(record.summary());
            assertThat(issue.select("a#record-link").attr("href")).as(key).isEqualTo("/jira/records/" + key);
            boolean demo = host.services().jira.issues().find(key).isEmpty();
            assertThat(issue.select("#read-only")).as(key + ": the read-only note of a demo issue").hasSize(demo ? 1 : 0);
            assertThat(issue.select("a[href$=/edit]")).as(key + ": only a preview issue has Edit").hasSize(demo ? 0 : 1);

            HttpResponse<String> browse = get("/browse/" + key);
            assertThat(browse.statusCode()).as(key).isEqualTo(302);
            assertThat(browse.headers().firstValue("Location")).as(key).hasValue("/jira/issues/" + key);
        }
    }

    @Test
    void aDemoIssueShowsItsFieldsLineageLearningsAndActionItemsReadOnly() throws Exception {
        Document incident = page("/jira/issues/OPS-102");
        assertThat(field(incident, "kind")).isEqualTo("Incident");
        assertThat(incident.selectFirst("#status").text()).isEqualTo("Learning review");
        assertThat(incident.selectFirst("#status").hasClass("ff-status-indeterminate")).as("In Progress: blue").isTrue();
        assertThat(page("/jira/issues/GROWTH-23").selectFirst("#status").hasClass("ff-status-done")).as("Done: green").isTrue();
        assertThat(page("/jira/issues/CARE-9").selectFirst("#status").hasClass("ff-status-new")).as("To Do: grey").isTrue();
        assertThat(field(incident, "team")).isEqualTo("Platform");
        assertThat(field(incident, "component")).isEqualTo("checkout");
        assertThat(field(incident, "failureType")).isEqualTo("Complex failure");
        assertThat(field(incident, "failureMode")).isNotEqualTo("None");
        assertThat(field(incident, "discoveredAt")).as("Jira's default format").matches("\\d\\d/[A-Z][a-z]{2}/\\d\\d \\d{1,2}:\\d\\d [AP]M");
        assertThat(incident.select("[data-field=labels] .ff-label").eachText()).containsExactly("config", "outage");
        assertThat(incident.select("[data-ff-panel=record] [data-ff-learning] [data-ff-text]").eachText()).hasSize(3)
                .anyMatch(text -> text.contains("Configuration changes need the same canary stage as code"));
        assertThat(incident.select("#read-only").text()).contains("does not run").contains("no Edit or transition buttons");
        assertThat(incident.select("form")).as("no workflow form on a demo issue; the panel's forms are its script's")
                .isEmpty();
        assertThat(incident.select("a[href^=/jira/issues/OPS-102/transition]")).isEmpty();
        assertThat(incident.select("[data-ff-panel=record]").attr("data-ff-can-edit")).isEqualTo("true");

        Document experiment = page("/jira/issues/OPS-101");
        assertThat(field(experiment, "kind")).isEqualTo("Experiment");
        assertThat(field(experiment, "hypothesisCondition")).isEqualTo("we add a pre-deploy checklist");
        assertThat(field(experiment, "hypothesisRationale")).isEqualTo("most failed deploys skipped a manual step");
        assertThat(field(experiment, "successCriteria")).isEqualTo("deploy failures < 2 per month");
        assertThat(field(experiment, "stopCriteria")).isEqualTo("spend over 5k");
        assertThat(field(experiment, "phase")).isEqualTo("Experiment");

        assertThat(page("/jira/issues/CARE-9").select("[data-field=recurrenceOf] a").attr("href"))
                .as("lineage links lead to the other issue").isEqualTo("/jira/issues/CARE-8");
        assertThat(page("/jira/issues/OPS-105").select("[data-field=pivotedFrom] a").attr("href"))
                .isEqualTo("/jira/issues/OPS-103");
        assertThat(page("/jira/issues/GROWTH-21").select("[data-field=decision]").text()).isEqualTo("Scale up");

        // a history incident with action items lists them in the panel (one list: the panel's), without check-in forms
        FailureRecord withActions = allRecords(host.services()).stream()
                .filter(r -> !host.services().actions.findByRecord(r.issueId()).isEmpty()).findFirst().orElseThrow();
        List<ActionItem> items = host.services().actions.findByRecord(withActions.issueId());
        Document acted = page("/jira/issues/" + withActions.issueKey());
        assertThat(acted.select("tr[data-ff-action]")).hasSize(items.size());
        assertThat(acted.select("tr[data-ff-action] [data-ff-text]").eachText())
                .containsExactlyElementsOf(items.stream().map(ActionItem::description).toList());
        assertThat(acted.select("#actions")).as("no second list beside the panel's").isEmpty();
        assertThat(acted.select(".ff-checkin-row")).isEmpty();
        assertThat(page("/jira/records/" + withActions.issueKey()).select("#actions tr[data-action]"))
                .as("the record page shows the same rows").hasSize(items.size());
    }

    @Test
    void theRecordPageLinksToItsIssueAndEscapesWhatItShows() throws Exception {
        assertThat(page("/jira/records/OPS-102").select(".ff-breadcrumb a").attr("href")).isEqualTo("/jira/issues/OPS-102");
        String evil = "<script>alert(1)</script> & \"quotes\"";
        PreviewWorkflows.Result created = host.services().jira.workflows().create(RecordKind.EXPERIMENT, "OPS", evil,
                Map.of());
        assertThat(created.ok()).isTrue();
        HttpResponse<String> view = get("/jira/issues/" + created.issue().getKey());
        assertThat(view.body()).doesNotContain("<script>alert").contains(Html.escape(evil));
    }

    @Test
    void aMissingIssueIsAPreviewStyledNotFoundPage() throws Exception {
        for (String path : List.of("/jira/issues/OPS-99999", "/jira/issues/OPS-102/edit", "/jira/issues/OPS-102/transition/11",
                "/jira/issues/not-a-key")) {
            HttpResponse<String> missing = get(path);
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            Document page = Jsoup.parse(missing.body());
            assertThat(page.select("section.ff-refused").attr("data-status")).as(path).isEqualTo("404");
            assertThat(page.select("#refusal").text()).as(path)
                    .isEqualTo("The issue does not exist or you do not have permission to see it.");
        }
        HttpResponse<String> browse = get("/browse/OPS-99999");
        assertThat(browse.headers().firstValue("Location")).hasValue("/jira/issues/OPS-99999");
    }

    private static String field(Document page, String key) {
        return page.selectFirst("[data-field=" + key + "]").text();
    }
}
