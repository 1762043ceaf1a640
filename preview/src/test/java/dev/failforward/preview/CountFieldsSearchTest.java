package dev.failforward.preview;

import dev.failforward.jira.fields.FailForwardField;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The count fields in the preview's issue search ({@code /issues/?jql=}) and issue view: a query by the number of
 * learnings or next steps lists the issues whose failure record has that many, and follows a learning added a moment
 * ago, as Jira's index does once the plugin had the issue reindexed.
 */
class CountFieldsSearchTest extends PreviewHttpTest {

    private static String search(String jql) {
        return "/issues/?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The keys the query lists (on its first page) and its total. */
    private Map.Entry<List<String>, Integer> keys(String jql) throws Exception {
        HttpResponse<String> response = get(search(jql));
        assertThat(response.statusCode()).as(jql + "\n" + response.body()).isEqualTo(200);
        Document html = Jsoup.parse(response.body());
        List<String> keys = html.select("#issue-table tbody tr").eachAttr("data-key");
        return Map.entry(keys, Integer.parseInt(html.select("#count").attr("data-total")));
    }

    private String create() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("project", "OPS");
        form.put("summary", "Pager storm after the DNS change");
        form.put("discoveredAt", "2026-11-20T08:30");
        HttpResponse<String> created = post("/jira/issues/new?type=incident", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring("/jira/issues/".length(), location.indexOf('?'));
    }

    private void learn(String key, String text) throws Exception {
        assertThat(post("/jira/records/" + key + "/learnings", Map.of("text", text, "kind", "insight")).statusCode())
                .isEqualTo(302);
    }

    private String viewed(String key, FailForwardField field) throws Exception {
        return Jsoup.parse(get("/jira/issues/" + key).body()).select("[data-field=" + field.key() + "]").text();
    }

    @Test
    void aQueryByLearningsCountFollowsTheLearningsAdded() throws Exception {
        String key = create();
        String atLeastTwo = "project = OPS AND \"Failure learnings\" >= 2";
        assertThat(keys(atLeastTwo).getKey()).doesNotContain(key);
        assertThat(keys("key = " + key + " AND \"Failure learnings\" = 0").getKey()).containsExactly(key);
        assertThat(viewed(key, FailForwardField.LEARNING_COUNT)).isEqualTo("0");

        learn(key, "DNS changes need a rollback plan");
        learn(key, "Alerts must be grouped by cause");

        assertThat(keys(atLeastTwo).getKey()).contains(key);
        assertThat(keys("key = " + key + " AND \"failure LEARNINGS\" = 2").getKey()).as("names in any case")
                .containsExactly(key);
        assertThat(keys("key = " + key + " AND \"Failure learnings\" < 2").getKey()).isEmpty();
        assertThat(keys("key = " + key + " AND \"Failure next steps\" = 0 AND \"Failure learnings\" > 1").getKey())
                .containsExactly(key);
        String id = host.services().jira.registry().field(FailForwardField.LEARNING_COUNT).orElseThrow().getIdAsLong()
                .toString();
        assertThat(keys("key = " + key + " AND cf[" + id + "] >= 2").getKey()).as("by id").containsExactly(key);
        assertThat(viewed(key, FailForwardField.LEARNING_COUNT)).isEqualTo("2");
        assertThat(viewed(key, FailForwardField.NEXT_STEP_COUNT)).isEqualTo("0");
    }

    @Test
    void theCountsOfTheDemoRecordsMatchTheFailureDatabase() throws Exception {
        var services = host.services();
        List<String> expected = IssueViewTest.allRecords(services).stream()
                .filter(r -> r.projectKey().equals("OPS") && services.learnings.countByRecord(r.issueId()) >= 3)
                .map(r -> r.issueKey()).sorted().toList();
        var found = keys("project = OPS AND \"Failure learnings\" >= 3 ORDER BY key ASC");
        assertThat(found.getValue()).isEqualTo(expected.size());
        assertThat(found.getKey()).containsExactlyElementsOf(expected.subList(0, Math.min(50, expected.size())));
    }

    @Test
    void aCountThatIsNoWholeNumberIsA400NamingIt() throws Exception {
        HttpResponse<String> response = get(search("\"Failure learnings\" >= three"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("three").contains("Failure learnings");
        assertThat(get(search("\"Failure learnings\" ~ 3")).statusCode()).isEqualTo(400);
    }
}
