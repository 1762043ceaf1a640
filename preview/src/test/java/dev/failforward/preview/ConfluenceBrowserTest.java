package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static dev.failforward.preview.browser.HeadlessChromium.js;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview's Confluence pages in headless Chromium, with the Confluence plugin's real macros, scripts and REST
 * resources, Jira reached over the preview's Application Links (real HTTP to the Jira plugin's REST API): the retro
 * header loads from Jira, the blameless check marks the write-up, a learning captured on the page lands in Jira with
 * the page, and the learnings archive searches in the page without a reload. Screenshots in {@code target/screenshots/};
 * every test also asserts that the page reported no error (console.error, uncaught exception, failed load).
 */
class ConfluenceBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** OPS-102 "Checkout outage after config rollout": a demo incident whose retro page is pageId 10102. */
    private static final String OPS_102_PAGE = "/confluence/pages/viewpage.action?pageId=10102";
    private static final String HEADER = "document.querySelector('.ff-retro-header')";

    @Test
    void theRetroHeaderComesFromJiraAndTheBlamelessCheckMarksTheWriteUp() throws Exception {
        open(OPS_102_PAGE);
        waitFor(HEADER + ".getAttribute('data-state') === 'ok'");

        assertThat(text(".ff-retro-summary")).isEqualTo("OPS-102: Checkout outage after config rollout");
        List<String> terms = texts(".ff-retro-facts dt");
        assertThat(terms).contains("Discovered", "Reported", "Time to report", "Failure type", "Failure category");
        assertThat(texts(".ff-retro-facts dd")).contains("12 min", "Complex failure", "Process deviation");
        assertThat(texts(".ff-retro-learnings li")).contains("Configuration changes need the same canary stage as code");

        waitFor("document.querySelector('.ff-retro-check')");
        List<String> codes = texts(".ff-retro-findings [data-code]", "el.getAttribute('data-code')");
        assertThat(codes).contains("human_error", "hindsight");
        List<String> marked = texts(".ff-retro-body mark.ff-blame-mark");
        assertThat(marked).contains("Human error", "should have");
        assertThat(browser.evaluate("document.querySelector('.ff-retro-body mark').getAttribute('title')").asText())
                .isNotBlank();
        // the team's text is still all there, only wrapped
        assertThat(text(".ff-retro-body")).contains("Sam should have checked the diff before the rollout");
        screenshot("confluence-retro.png");
    }

    @Test
    void aLearningCapturedOnTheRetroPageLandsInJiraWithThePage() throws Exception {
        open(OPS_102_PAGE);
        waitFor(HEADER + ".getAttribute('data-state') === 'ok' && document.querySelector('.ff-retro-add')");
        browser.evaluate("(() => { const form = document.querySelector('.ff-retro-add');"
                + " form.querySelector('select').value = 'insight';"
                + " form.querySelector('textarea').value = 'Diff views must show numeric changes';"
                + " form.querySelector('button[type=submit]').click(); })()");
        waitFor("document.querySelector('.ff-retro-added') && [...document.querySelectorAll('.ff-retro-learnings li')]"
                + ".some(li => li.textContent === 'Diff views must show numeric changes')");

        JsonNode record = JSON.readTree(get("/rest/failforward/1.0/records/OPS-102").body());
        JsonNode captured = null;
        for (JsonNode learning : record.path("learnings")) {
            if (learning.path("text").asText().equals("Diff views must show numeric changes")) {
                captured = learning;
            }
        }
        assertThat(captured).as("the learning in Jira").isNotNull();
        assertThat(captured.path("source").path("url").asText())
                .isEqualTo(host.baseUri().resolve(OPS_102_PAGE).toString());
        assertThat(captured.path("source").path("title").asText())
                .isEqualTo("Post-mortem: OPS-102 Checkout outage after config rollout");

        // an empty learning is refused by Jira, and the form says which field
        browser.evaluate("(() => { const form = document.querySelector('.ff-retro-add');"
                + " form.querySelector('textarea').value = '   '; form.querySelector('button[type=submit]').click(); })()");
        waitFor("document.querySelector('.ff-retro-errors li')");
        assertThat(text(".ff-retro-errors li")).isEqualTo("Learning: write what you learned.");
        assertThat(browser.evaluate("document.querySelector('.ff-retro-errors li').dataset.field").asText())
                .isEqualTo("text");
        // the browser logs the refused request; that one is expected
        assertThat(browser.errors()).singleElement().asString().contains("status of 400", "/learnings");
        browser.clearErrors();
    }

    @Test
    void theLearningsArchiveSearchesAndFiltersInThePageWithoutAReload() throws Exception {
        open("/confluence/pages/learnings");
        String archive = "document.querySelector('.ff-archive')";
        waitFor(archive + ".getAttribute('data-state') === 'ok' && document.querySelector('.ff-archive-item')");
        int everything = total();
        assertThat(everything).as("every demo learning").isGreaterThan(400);
        assertThat(texts(".ff-archive-facet-value[data-facet=project]", "el.dataset.value"))
                .containsExactlyInAnyOrder("OPS", "GROWTH", "CARE");
        // a marker on the window survives only if the page is never reloaded
        browser.evaluate("window.ffNoReload = 'still here'");
        String url = browser.evaluate("location.href").asText();

        // free text, typed: the debounced search narrows the list
        browser.evaluate("(() => { const q = document.querySelector('.ff-archive-query'); q.value = 'checklist';"
                + " q.dispatchEvent(new Event('input', {bubbles: true})); })()");
        waitFor("Number(document.querySelector('.ff-archive-count').dataset.total) < " + everything);
        int checklist = total();
        assertThat(checklist).isPositive();
        assertThat(texts(".ff-archive-item", "el.textContent.toLowerCase()"))
                .isNotEmpty().allSatisfy(item -> assertThat(item).contains("checklist"));

        // a facet: only surprises, counted before the click
        int surprises = browser.evaluate("Number(document.querySelector("
                + "'.ff-archive-facet-value[data-facet=learningKind][data-value=surprise] .ff-archive-facet-count')"
                + ".textContent.replace(/\\D/g, ''))").asInt();
        browser.evaluate("document.querySelector('.ff-archive-facet-value[data-facet=learningKind][data-value=surprise]').click()");
        waitFor("Number(document.querySelector('.ff-archive-count').dataset.total) === " + surprises);
        assertThat(texts(".ff-archive-item .ff-archive-item-kind", "el.dataset.kind")).isNotEmpty()
                .allMatch("surprise"::equals);
        assertThat(browser.evaluate("document.querySelector('.ff-archive-facet-value[data-facet=learningKind]"
                + "[data-value=surprise]').getAttribute('aria-pressed')").asText()).isEqualTo("true");
        assertThat(texts(".ff-archive-active-filter")).hasSize(1);

        // each result links to its Jira issue, and to its retro page where the team held one
        assertThat(texts("a.ff-archive-item-issue", "el.getAttribute('href')"))
                .allMatch(href -> href.matches("http://localhost:\\d+/browse/[A-Z]+-\\d+"));
        screenshot("confluence-learnings-archive.png");

        // "Clear all" brings back the text search's results; the page was never reloaded
        browser.evaluate("document.querySelector('.ff-archive-clear').click()");
        waitFor("Number(document.querySelector('.ff-archive-count').dataset.total) === " + checklist
                + " || Number(document.querySelector('.ff-archive-count').dataset.total) === " + everything);
        assertThat(browser.evaluate("window.ffNoReload").asText()).isEqualTo("still here");
        assertThat(browser.evaluate("location.href").asText()).isEqualTo(url);
    }

    @Test
    void theArchiveSaysWhileJirasIndexBuildsMarksMatchesAndFiltersByMonth() throws Exception {
        open("/confluence/pages/learnings");
        String archive = "document.querySelector('.ff-archive')";
        waitFor(archive + ".getAttribute('data-state') === 'ok' && " + archive + ".hasAttribute('data-index')");
        // the index line: shown (as a status) only while the Jira node's index builds
        String index = browser.evaluate(archive + ".getAttribute('data-index')").asText();
        boolean lineShown = !browser.evaluate("document.querySelector('.ff-archive-index').hidden").asBoolean();
        assertThat(lineShown).as("index " + index).isEqualTo("building".equals(index));
        assertThat(browser.evaluate("document.querySelector('.ff-archive-index').getAttribute('role')").asText())
                .isEqualTo("status");
        if (lineShown) {
            assertThat(text(".ff-archive-index"))
                    .matches("Search index building, \\d{1,3} % \u2014 results come from the database meanwhile\\.");
        }

        // the month facet: newest month first, labelled in words; a click narrows to that month
        List<String> months = texts(".ff-archive-facet-value[data-facet=period]", "el.dataset.value");
        assertThat(months).isNotEmpty().allMatch(month -> month.matches("\\d{4}-\\d{2}"));
        assertThat(months).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(texts(".ff-archive-facet-value[data-facet=period] .ff-archive-facet-label"))
                .allMatch(label -> label.matches("\\p{L}+ \\d{4}"));
        String month = months.get(0);
        int inMonth = browser.evaluate("Number(document.querySelector("
                + "'.ff-archive-facet-value[data-facet=period] .ff-archive-facet-count').textContent)").asInt();
        browser.evaluate("document.querySelector('.ff-archive-facet-value[data-facet=period]').click()");
        waitFor("Number(document.querySelector('.ff-archive-count').dataset.total) === " + inMonth);
        assertThat(texts(".ff-archive-item time", "el.getAttribute('datetime')")).isNotEmpty()
                .allMatch(datetime -> datetime.startsWith(month));
        assertThat(texts(".ff-archive-active-filter", "el.dataset.value")).containsExactly(month);
        browser.evaluate("document.querySelector('.ff-archive-clear').click()");
        waitFor(archive + ".getAttribute('data-state') === 'ok' && !document.querySelector('.ff-archive-active-filter')");

        // once Jira's index is ready, a text search marks the matching words; the learning's text is all there
        long until = System.nanoTime() + WAIT.toNanos();
        while (!"ready".equals(JSON.readTree(get("/rest/failforward/1.0/learnings?text=checklist&maxResults=1").body())
                .path("index").path("state").asText()) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        browser.evaluate("(() => { const q = document.querySelector('.ff-archive-query'); q.value = 'checklist';"
                + " q.form.querySelector('.ff-archive-submit').click(); })()");
        waitFor("document.querySelector('.ff-archive-item-text mark.ff-archive-highlight')");
        assertThat(browser.evaluate(archive + ".getAttribute('data-index')").asText()).isEqualTo("ready");
        assertThat(browser.evaluate("document.querySelector('.ff-archive-index').hidden").asBoolean()).isTrue();
        assertThat(texts(".ff-archive-item-text mark", "el.textContent.toLowerCase()"))
                .isNotEmpty().allSatisfy(marked -> assertThat(marked).contains("checklist"));
        assertThat(browser.evaluate("document.querySelector('.ff-archive-item-text mark').children.length").asInt())
                .as("segments are text").isZero();
    }

    @Test
    void archiveResultsLinkToTheRetroPageTheLearningWasWrittenOn() {
        open("/confluence/pages/learnings");
        waitFor("document.querySelector('.ff-archive').getAttribute('data-state') === 'ok'");
        browser.evaluate("(() => { const q = document.querySelector('.ff-archive-query');"
                + " q.value = 'canary stage as code'; q.form.querySelector('.ff-archive-submit').click(); })()");
        waitFor("document.querySelectorAll('.ff-archive-item').length === 1"
                + " && document.querySelector('.ff-archive-count').dataset.total === '1'");
        assertThat(browser.evaluate("document.querySelector('a.ff-archive-item-retro').getAttribute('href')").asText())
                .isEqualTo(host.baseUri().resolve(OPS_102_PAGE).toString());
        assertThat(text("a.ff-archive-item-issue")).contains("OPS-102");

        // the link leads to the retro page, whose archive shows the project's incidents only
        browser.navigateBy("document.querySelector('a.ff-archive-item-retro').click()");
        waitFor(HEADER + " && " + HEADER + ".getAttribute('data-state') === 'ok'"
                + " && document.querySelector('.ff-archive').getAttribute('data-state') === 'ok'");
        assertThat(texts(".ff-archive-facet-value[data-facet=project]", "el.dataset.value")).containsExactly("OPS");
        assertThat(texts(".ff-archive-facet-value[data-facet=recordKind]", "el.dataset.value")).containsExactly("incident");
        assertThat(browser.evaluate("document.querySelectorAll('.ff-archive-item').length").asInt()).isBetween(1, 5);
    }

    // ----- helpers ----------------------------------------------------------------------------------------------

    @Override
    String describePage() {
        return "the page: " + browser.evaluate(
                "document.querySelector('main').textContent.replace(/\\s+/g, ' ').trim().slice(0, 600)");
    }

    private int total() {
        return browser.evaluate("Number(document.querySelector('.ff-archive-count').dataset.total)").asInt();
    }

    private String text(String selector) {
        return browser.evaluate("document.querySelector(" + js(selector) + ").textContent").asText().trim();
    }

    private List<String> texts(String selector) {
        return texts(selector, "el.textContent");
    }
}
