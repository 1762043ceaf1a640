package dev.failforward.preview;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.issuetype.IssueType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.failuredb.RecordDetails;
import dev.failforward.preview.jira.PreviewWorkflows;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jira plugin's issue-view {@code <web-panel>}s in the preview's issue view, rendered from the plugin's own
 * descriptor, condition, context provider and templates: on the demo records' read-only views and on the preview's
 * own issues, with the counts of the failure database, and on no other issue type.
 */
class IssuePanelsTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String RECORD_PANEL = "dev.failforward.jira:record-panel";
    private static final String RULE_PANEL = "dev.failforward.jira:rule-panel";
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

    private static Element panel(Document page, String key) {
        List<Element> panels = page.select("[data-web-panel=" + key + "]");
        assertThat(panels).as(key).hasSize(1);
        return panels.get(0);
    }

    private static void assertCounts(Document page, RecordDetails details) {
        Element record = panel(page, RECORD_PANEL);
        assertThat(record.select("[data-ff-count=learnings]").text()).isEqualTo("" + details.learnings().size());
        assertThat(record.select("[data-ff-learning]")).hasSize(details.learnings().size());
        assertThat(record.select("[data-ff-count=actions]").text()).isEqualTo("" + details.actionItems().size());
        assertThat(record.select("tr[data-ff-action]")).hasSize(details.actionItems().size());
        for (int i = 0; i < details.learnings().size(); i++) {
            assertThat(record.select("[data-ff-learning]").get(i).text()).contains(details.learnings().get(i).text());
        }
    }

    /** A demo incident with learnings and action items: both panels, the counts of its record. */
    @Test
    void aDemoIncidentsIssueViewShowsBothPanelsWithItsRecordsCounts() throws Exception {
        RecordDetails incident = IssueViewTest.allRecords(host.services()).stream()
                .filter(r -> r.kind() == RecordKind.INCIDENT && r.discoveredAt() != null)
                .filter(r -> host.services().jira.issues().find(r.issueKey()).isEmpty())
                .map(r -> host.services().failureDb.details(r.issueKey()))
                .filter(d -> !d.learnings().isEmpty() && !d.actionItems().isEmpty())
                .findFirst().orElseThrow();
        Document page = page("/jira/issues/" + incident.record().issueKey());

        assertCounts(page, incident);
        Element record = panel(page, RECORD_PANEL);
        assertThat(record.select("[data-ff-why]")).hasSize(incident.whys().size());
        assertThat(record.select("table.ff-plan")).isEmpty();
        assertThat(page.select(".ff-web-panels-left [data-web-panel=" + RECORD_PANEL + "]")).hasSize(1);
        assertThat(page.select(".ff-web-panels-right [data-web-panel=" + RULE_PANEL + "]")).hasSize(1);
        Element rule = panel(page, RULE_PANEL);
        assertThat(rule.select("[data-ff-rule]").attr("data-ff-rule")).isIn("MET", "MISSED", "PENDING");
        assertThat(rule.select("time[datetime]").attr("datetime"))
                .isEqualTo(incident.record().discoveredAt().plusSeconds(24 * 3600).toString());
    }

    /** A demo experiment: plan and result, its lineage as links, no 5 whys. */
    @Test
    void aDemoExperimentsIssueViewShowsPlanResultAndLineage() throws Exception {
        RecordDetails experiment = host.services().failureDb.details("OPS-105");
        assertThat(experiment.record().pivotedFrom()).isEqualTo("OPS-103");
        Document page = page("/jira/issues/OPS-105");

        assertCounts(page, experiment);
        Element record = panel(page, RECORD_PANEL);
        assertThat(record.select("table.ff-plan")).hasSize(1);
        assertThat(record.select("[data-ff-count=whys]")).isEmpty();
        assertThat(record.select("[data-ff-lineage=OPS-103] > a").attr("href")).isEqualTo("/browse/OPS-103");
        assertThat(record.select("[data-ff-lineage=OPS-103] .ff-lineage-self")).hasSize(1);
        assertThat(panel(page, RULE_PANEL).select("[data-ff-rule]")).as("experiments have no 24-hour rule").isEmpty();
        assertThat(get("/browse/OPS-103").statusCode()).isIn(200, 302);
    }

    /** A new preview incident: empty lists, the rule open with its deadline and the countdown script required. */
    @Test
    void aNewPreviewIncidentShowsTheOpenRuleWithItsCountdown() throws Exception {
        PreviewWorkflows.Result created = host.services().jira.workflows().create(RecordKind.INCIDENT, "CARE",
                "Label printer jammed", Map.of("discoveredAt", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                        .minusHours(2).withNano(0).withSecond(0).toString()));
        assertThat(created.ok()).as(created.fieldErrors().toString()).isTrue();
        String key = created.issue().getKey();
        HttpResponse<String> response = get("/jira/issues/" + key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());

        assertCounts(page, host.services().failureDb.details(key));
        Element rule = panel(page, RULE_PANEL);
        assertThat(rule.select("[data-ff-rule]").attr("data-ff-rule")).isEqualTo("PENDING");
        assertThat(rule.select("[data-ff-countdown]").text()).matches("\\d+h \\d+m");
        assertThat(response.body()).contains("issue-panels.js");
    }

    /** The condition: another issue type gets no panels; the inventory counts the panels as hosted. */
    @Test
    void otherIssueTypesGetNoPanelsAndTheInventoryCountsThemHosted() {
        FailureRecord any = host.services().failureDb.details("OPS-105").record();
        IssueType type = new IssueType() {
            @Override
            public String getId() {
                return "10000";
            }

            @Override
            public String getName() {
                return "Task";
            }

            @Override
            public boolean isSubTask() {
                return false;
            }
        };
        Issue task = (Issue) java.lang.reflect.Proxy.newProxyInstance(Issue.class.getClassLoader(),
                new Class<?>[] {Issue.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getIssueType" -> type;
                    case "getKey" -> any.issueKey();
                    case "getId" -> any.issueId();
                    default -> null;
                });
        Map<String, Object> columns = host.services().webPanels.issueView(task);
        assertThat((List<?>) columns.get("left")).isEmpty();
        assertThat((List<?>) columns.get("right")).isEmpty();
        assertThat(host.services().inventory().items()).filteredOn(i -> i.what().startsWith("web-panel "))
                .extracting(i -> i.what() + " " + i.hosted())
                .containsExactlyInAnyOrder("web-panel record-panel true", "web-panel rule-panel true",
                        "web-panel award-panel true");
    }
}
