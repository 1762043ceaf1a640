package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview's Jira dashboard in headless Chromium, with the Jira plugin's real dashboard items (their AMD modules,
 * Chart.js and the REST resources behind them): the KPI item draws its charts and follows its own edit form, the
 * layouts render (screenshots in {@code target/screenshots/}), and the pulse takes one answer per user. Every test also
 * asserts that the page reported no error (console.error, uncaught exception, failed load).
 */
class DashboardBrowserTest extends BrowserTest {

    private static final List<String> DEFAULT_KPIS = List.of("experiments_started", "reporting_time_median",
            "reporting_time_p90", "recurrence_rate", "sharing_score", "failure_type_mix");
    /** The rhythm KPIs (issue 16) the preview's item shows after the others. */
    private static final List<String> RHYTHM_KPIS = List.of("follow_ups_effective_on_time", "huddles_held",
            "award_nominations", "award_voters", "team_learning_index");

    /** The items' root elements: the element the host hands to render(), on which the items set data-state. */
    private static final String KPI = "document.querySelector('#gadget-kpi [data-state]')";
    private static final String PULSE = "document.querySelector('#gadget-pulse [data-state]')";

    @Test
    void theKpiItemDrawsAChartForEveryConfiguredKpi() {
        open("/jira/dashboard");
        waitForKpiCharts();

        List<String> configured = new ArrayList<>(DEFAULT_KPIS);
        configured.addAll(RHYTHM_KPIS);
        assertThat(texts("#gadget-kpi [data-kpi]", "el.getAttribute('data-kpi')")).containsExactlyElementsOf(configured);
        int drawn = browser.evaluate(KPI + ".getAttribute('data-charts-drawn')").asInt();
        List<Integer> inkPerCanvas = new ArrayList<>();
        browser.evaluate("[...document.querySelectorAll('#gadget-kpi canvas')].map(c => {"
                + " const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let ink = 0;"
                + " for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) ink++; } return ink; })")
                .forEach(node -> inkPerCanvas.add(node.asInt()));
        assertThat(inkPerCanvas).hasSize(drawn).allSatisfy(ink -> assertThat(ink).as("painted pixels").isGreaterThan(500));
        assertThat(texts("#gadget-kpi canvas", "el.getAttribute('role') + ':' + (el.getAttribute('aria-label') || '')"))
                .allSatisfy(text -> assertThat(text).startsWith("img:").hasSizeGreaterThan(10));
        assertThat(chartLabels()).as("one label per month of the 24 configured").hasSize(24);
        assertThat(browser.evaluate("document.querySelector('#gadget-kpi .ff-gadget-title').textContent").asText())
                .startsWith("Culture KPIs").contains("OPS");
        // the charts draw the demo history (DemoHistory), not empty axes: values in most months of every chart
        for (String kpi : DEFAULT_KPIS) {
            int values = browser.evaluate("require('failforward/chart').getChart(document.querySelector("
                    + "'#gadget-kpi [data-kpi=" + kpi + "] canvas')).data.datasets.flatMap(d => d.data)"
                    + ".filter(v => v !== null && v !== undefined && !(typeof v === 'object' && v.y == null)).length")
                    .asInt();
            assertThat(values).as("points with a value in the chart of " + kpi).isGreaterThanOrEqualTo(18);
        }
        // the rhythms have demo data too: follow-ups checked, last week's huddle, the awards, reused learnings
        for (String kpi : RHYTHM_KPIS) {
            int positive = browser.evaluate("require('failforward/chart').getChart(document.querySelector("
                    + "'#gadget-kpi [data-kpi=" + kpi + "] canvas')).data.datasets.flatMap(d => d.data)"
                    + ".map(v => typeof v === 'object' && v !== null ? v.y : v).filter(v => v > 0).length").asInt();
            assertThat(positive).as("periods with a value above zero in the chart of " + kpi).isPositive();
        }
        // experiments started grow over the two years, as the demo teams adopt the practice
        JsonNode started = browser.evaluate("require('failforward/chart').getChart(document.querySelector("
                + "'#gadget-kpi [data-kpi=experiments_started] canvas')).data.datasets[0].data"
                + ".map(v => typeof v === 'object' && v !== null ? v.y : v)");
        assertThat(started.get(20).asDouble()).isGreaterThan(started.get(1).asDouble());
    }

    @Test
    void theItemsOwnEditFormChangesItsChartsAndTheChoiceSurvivesAReload() {
        open("/jira/dashboard");
        waitForKpiCharts();
        assertThat(chartLabels()).noneMatch(label -> label.contains("Q"));

        browser.evaluate("document.querySelector('#gadget-kpi .ff-gadget-edit').click()");
        waitFor(KPI + ".getAttribute('data-state') === 'edit' && document.querySelector('#gadget-kpi form')");
        assertThat(browser.evaluate("document.querySelector('#gadget-kpi .ff-gadget-edit').hidden").asBoolean()).isTrue();
        browser.evaluate("(() => { const form = document.querySelector('#gadget-kpi form');"
                + " const granularity = form.querySelector('select[id$=\"-granularity\"]');"
                + " granularity.value = 'quarter'; granularity.dispatchEvent(new Event('change', {bubbles: true}));"
                + " form.querySelector('input[name=kpis][value=failure_type_mix]').click();"
                + " form.querySelector('button[type=submit]').click(); })()");

        waitForKpiCharts();
        List<String> left = new ArrayList<>(DEFAULT_KPIS.subList(0, 5));
        left.addAll(RHYTHM_KPIS);
        assertThat(texts("#gadget-kpi [data-kpi]", "el.getAttribute('data-kpi')")).containsExactlyElementsOf(left);
        List<String> quarters = chartLabels();
        assertThat(quarters).as("24 months in quarters").hasSizeBetween(8, 9).allMatch(label -> label.matches(".*Q[1-4].*"));
        JsonNode saved = browser.evaluate("JSON.parse(localStorage.getItem('failforward.preview.dashboard.kpi'))");
        assertThat(saved.path("granularity").asText()).isEqualTo("quarter");
        assertThat(saved.path("kpis").asText()).doesNotContain("failure_type_mix");

        // the item's own "Show as table" is a saved preference too: the table lists the same quarters, also after a reload
        browser.evaluate("document.querySelector('#gadget-kpi .ff-kpi-toggle').click()");
        waitFor(KPI + ".getAttribute('data-state') === 'ready' && document.querySelector('#gadget-kpi table')");
        browser.reload();
        waitFor(KPI + " && " + KPI + ".getAttribute('data-state') === 'ready' && document.querySelector('#gadget-kpi table')");
        assertThat(browser.evaluate("document.querySelectorAll('#gadget-kpi canvas').length").asInt()).isZero();
        List<String> rows = texts("#gadget-kpi [data-kpi=experiments_started] tbody th", "el.textContent");
        assertThat(rows).hasSize(quarters.size()).allMatch(row -> row.matches(".*Q[1-4].*"));

        // "Reset" forgets the configuration: the defaults again
        browser.navigateBy("document.getElementById('ff-dashboard-reset').click()");
        waitForKpiCharts();
        assertThat(chartLabels()).hasSize(24);
        assertThat(browser.evaluate("localStorage.getItem('failforward.preview.dashboard.kpi')").isNull()).isTrue();
    }

    @Test
    void theLayoutsPutTheItemsInOneToThreeColumns() throws Exception {
        open("/jira/dashboard?layout=aaa");
        waitForKpiCharts();
        waitForPulse();
        assertThat(browser.evaluate("document.querySelectorAll('.ff-dashboard-column').length").asInt()).isEqualTo(3);
        int narrow = browser.evaluate("document.getElementById('gadget-kpi').getBoundingClientRect().width").asInt();
        assertThat(narrow).isLessThan(1280 / 3);
        screenshot("dashboard-3-columns.png");

        browser.navigateBy("document.querySelector('.ff-dashboard-tools a[data-layout=a]').click()");
        waitForKpiCharts();
        waitForPulse();
        assertThat(browser.evaluate("location.search").asText()).isEqualTo("?layout=a");
        assertThat(browser.evaluate("document.querySelectorAll('.ff-dashboard-column').length").asInt()).isEqualTo(1);
        assertThat(browser.evaluate("document.getElementById('gadget-kpi').getBoundingClientRect().width").asInt())
                .isGreaterThan(2 * narrow);
        assertThat(browser.evaluate("document.getElementById('gadget-pulse').getBoundingClientRect().top > "
                + "document.getElementById('gadget-kpi').getBoundingClientRect().bottom").asBoolean()).isTrue();
        screenshot("dashboard-1-column.png");
    }

    @Test
    void thePulseTakesOneAnswerAndThanksForIt() {
        open("/jira/dashboard");
        waitForPulse();
        assertThat(browser.evaluate(PULSE + ".getAttribute('data-answered')").asText()).isEqualTo("false");
        assertThat(browser.evaluate("document.querySelectorAll('#gadget-pulse input[type=radio]').length").asInt()).isGreaterThanOrEqualTo(2);

        browser.evaluate("(() => { const radios = document.querySelectorAll('#gadget-pulse input[type=radio]');"
                + " radios[radios.length - 1].click(); document.querySelector('#gadget-pulse .ff-pulse-submit').click(); })()");
        waitFor(PULSE + ".getAttribute('data-answered') === 'true'");
        assertThat(browser.evaluate("document.querySelector('#gadget-pulse .aui-message-success').textContent").asText())
                .contains("Thank you");
        assertThat(browser.evaluate("document.querySelectorAll('#gadget-pulse input[type=radio]').length").asInt()).isZero();

        browser.reload();
        waitForPulse();
        assertThat(browser.evaluate(PULSE + ".getAttribute('data-answered')").asText()).isEqualTo("true");
        assertThat(browser.evaluate("document.querySelectorAll('#gadget-pulse input[type=radio], #gadget-pulse .ff-pulse-submit').length")
                .asInt()).as("no second answer offered").isZero();
    }

    @Override
    String describePage() {
        return "the gadgets: " + browser.evaluate("[...document.querySelectorAll('.ff-gadget')]"
                + ".map(g => g.id + ' [' + g.dataset.mode + '/' + ((g.querySelector('[data-state]') || {}).dataset || {}).state + ']: '"
                + " + g.textContent.replace(/\\s+/g, ' ').trim().slice(0, 300))");
    }

    private void waitForKpiCharts() {
        waitFor(KPI + " && " + KPI + ".getAttribute('data-state') === 'ready' && Number("
                + KPI + ".getAttribute('data-charts-drawn')) >= 5");
    }

    private void waitForPulse() {
        waitFor(PULSE + " && " + PULSE + ".getAttribute('data-state') === 'ready'");
    }

    /** The x-axis labels of the first KPI chart, from its Chart.js instance (AMD module failforward/chart). */
    private List<String> chartLabels() {
        return strings(browser.evaluate("require('failforward/chart').getChart("
                + "document.querySelector('#gadget-kpi [data-kpi=experiments_started] canvas')).data.labels.map(String)"));
    }
}
