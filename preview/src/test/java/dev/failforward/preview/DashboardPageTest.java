package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /jira/dashboard} over HTTP: layouts, gadget frames with their default preferences, the scripts in order. */
class DashboardPageTest extends PreviewHttpTest {

    @Test
    void theLayoutParameterPicksOneToThreeColumnsAndDefaultsToTwo() throws Exception {
        // the items in descriptor order, dealt to the columns in turn
        assertThat(columns("/jira/dashboard?layout=a")).containsExactly(List.of("gadget-kpi", "gadget-pulse",
                "gadget-my-follow-ups-dashboard-item", "gadget-huddle", "gadget-on-this-day", "gadget-award"));
        assertThat(columns("/jira/dashboard?layout=aa")).containsExactly(
                List.of("gadget-kpi", "gadget-my-follow-ups-dashboard-item", "gadget-on-this-day"),
                List.of("gadget-pulse", "gadget-huddle", "gadget-award"));
        assertThat(columns("/jira/dashboard?layout=aaa")).containsExactly(List.of("gadget-kpi", "gadget-huddle"),
                List.of("gadget-pulse", "gadget-on-this-day"), List.of("gadget-my-follow-ups-dashboard-item", "gadget-award"));
        assertThat(columns("/jira/dashboard")).hasSize(2);
        assertThat(columns("/jira/dashboard?layout=abc")).hasSize(2);

        Document page = Jsoup.parse(get("/jira/dashboard?layout=aaa").body());
        assertThat(page.select(".ff-dashboard-tools a[aria-current=page]").attr("data-layout")).isEqualTo("aaa");
        assertThat(page.select("header nav a[aria-current=page]").text()).isEqualTo("Dashboard");
    }

    @Test
    void eachItemHasAGadgetFrameWithItsModuleAndDefaultPreferences() throws Exception {
        Document page = Jsoup.parse(get("/jira/dashboard").body());

        Element kpi = page.getElementById("gadget-kpi");
        assertThat(kpi.attr("data-amd-module")).isEqualTo("failforward/kpi-dashboard-item");
        JsonNode kpiDefaults = new ObjectMapper().readTree(kpi.attr("data-default-prefs"));
        assertThat(kpiDefaults.path("project").asText()).isEqualTo("OPS,GROWTH,CARE");
        assertThat(kpiDefaults.path("months").asText()).isEqualTo("24");
        assertThat(kpiDefaults.path("granularity").asText()).isEqualTo("month");
        assertThat(kpiDefaults.path("kpis").asText()).isEqualTo("experiments_started,reporting_time_median,"
                + "reporting_time_p90,recurrence_rate,sharing_score,failure_type_mix,follow_ups_effective_on_time,"
                + "huddles_held,award_nominations,award_voters,team_learning_index");
        assertThat(kpi.select(".ff-gadget-title, .ff-gadget-edit, .ff-gadget-loading, .ff-gadget-content")).hasSize(4);

        Element pulse = page.getElementById("gadget-pulse");
        assertThat(pulse.attr("data-amd-module")).isEqualTo("failforward/pulse-dashboard-item");
        assertThat(new ObjectMapper().readTree(pulse.attr("data-default-prefs")).path("project").asText()).isEqualTo("OPS");
    }

    @Test
    void theHostScriptsComeFirstThenTheItemsWebResourcesWithTheirDependencies() throws Exception {
        Document page = Jsoup.parse(get("/jira/dashboard").body());

        List<String> scripts = page.select("script[src]").eachAttr("src");
        assertThat(scripts).startsWith("/preview/static/amd-lite.js", "/preview/vendor/jquery.js", "/preview/static/dashboard.js");
        assertThat(scripts).containsSubsequence(
                "/download/resources/dev.failforward.jira:chart-js/failforward-chart.js",
                "/download/resources/dev.failforward.jira:kpi-dashboard-item-resources/kpi-dashboard-item.js",
                "/download/resources/dev.failforward.jira:pulse-dashboard-item-resources/pulse-dashboard-item.js");
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).contains("/preview/static/aui-lite.css",
                "/download/resources/dev.failforward.jira:kpi-dashboard-item-resources/kpi-dashboard-item.css");
        assertThat(page.getElementById("ff-dashboard-missing")).as("every web resource found").isNull();
        assertThat(page.select(".ff-dashboard-columns").attr("data-host-provided")).contains("com.atlassian.auiplugin:ajs");

        for (String url : scripts) {
            HttpResponse<String> script = get(url);
            assertThat(script.statusCode()).as(url).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type").orElse("")).as(url).startsWith("text/javascript");
        }
    }

    @Test
    void jQueryComesFromTheWebjar() throws Exception {
        HttpResponse<String> jquery = get("/preview/vendor/jquery.js");

        assertThat(jquery.statusCode()).isEqualTo(200);
        assertThat(jquery.body()).contains("jQuery JavaScript Library v3.7");
        assertThat(get("/preview/vendor/other.js").statusCode()).isEqualTo(404);
        assertThat(get("/preview/static/aui-lite.css").statusCode()).isEqualTo(200);
    }

    /** The gadget ids per column. */
    private List<List<String>> columns(String path) throws Exception {
        return Jsoup.parse(get(path).body()).select(".ff-dashboard-column").stream()
                .map(column -> column.select(".ff-gadget").eachAttr("id")).toList();
    }
}
