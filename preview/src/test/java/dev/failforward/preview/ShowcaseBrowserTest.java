package dev.failforward.preview;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.failforward.preview.browser.HeadlessChromium.js;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview Confluence's failure showcase page in headless Chromium: the {@code failforward-showcase} macro printed
 * on the server from the Jira plugin's {@code GET /showcase} over the preview's Application Links (real HTTP), with the
 * demo's award of the last complete quarter (winner badge), reused learnings, decided experiments, incidents whose
 * follow-ups worked and KPIs. With Jira switched off, the page view and the PDF export print the same content from the
 * viewer's copy. Screenshots: {@code target/screenshots/showcase.png} and {@code showcase-pdf-jira-down.png}.
 */
class ShowcaseBrowserTest extends BrowserTest {

    private static final String PAGE = "/confluence/pages/showcase";
    /** The printed content: the macro's HTML without the page view's tools and the output marker. */
    private static final String CONTENT = "(() => { const el = document.querySelector('.ff-showcase').cloneNode(true);"
            + " el.querySelectorAll('[data-ff-interactive]').forEach(t => t.remove()); el.removeAttribute('data-output');"
            + " return el.outerHTML; })()";

    @Test
    void theShowcasePageShowsTheQuartersAwardLearningsExperimentsIncidentsAndKpis() throws Exception {
        open(PAGE);
        waitFor("document.querySelector('.ff-showcase-title')");

        assertThat(text(".ff-showcase-title")).matches("Failure showcase: Q[1-4] 20[0-9]{2}");
        assertThat(text(".ff-showcase-asof")).startsWith("From Jira as of ");
        assertThat(texts(".ff-showcase-winner .ff-badge-winner")).containsExactly("Most valuable failure");
        assertThat(texts(".ff-showcase-nominee .ff-badge-nominee")).isNotEmpty().allMatch("Nominee"::equals);
        assertThat(text(".ff-showcase-winner .ff-showcase-votes")).isEqualTo("4 votes");
        assertThat(texts(".ff-showcase-learning .ff-showcase-reuses").get(0)).startsWith("reused 4 times");
        assertThat(texts(".ff-showcase-experiment")).isNotEmpty();
        assertThat(texts(".ff-showcase-followup")).isNotEmpty().allMatch(f -> f.startsWith("Effective, checked "));
        assertThat(texts(".ff-showcase-kpi th")).hasSize(5);
        assertThat(texts(".ff-showcase-copy")).as("Jira answered: no copy notice").isEmpty();
        // a record of the showcase opens in Jira (the preview's /browse/KEY)
        assertThat(browser.evaluate("document.querySelector('.ff-showcase-winner a.ff-showcase-key').href").asText())
                .startsWith(host.baseUri().toString()).contains("/browse/");
        screenshot("showcase.png");
    }

    @Test
    void thePdfExportPrintsWhatThePageShowsFromTheCopyWhenJiraIsDown() throws Exception {
        open(PAGE);
        waitFor("document.querySelector('.ff-showcase-title')");
        host.services().confluenceLinks.jiraReachable(false);
        try {
            open(PAGE);
            waitFor("document.querySelector('.ff-showcase-copy')");
            String pageView = browser.evaluate(CONTENT).asText();
            assertThat(texts(".ff-showcase-print")).containsExactly("Print");

            open(PAGE + "?output=pdf");
            waitFor("document.querySelector('.ff-showcase-copy')");
            String pdf = browser.evaluate(CONTENT).asText();
            assertThat(pdf).isEqualTo(pageView);
            assertThat(text(".ff-showcase-copy")).startsWith("Jira could not be reached just now. This is your copy from");
            assertThat(texts(".ff-showcase-print, [data-ff-interactive]")).as("nothing to click on paper").isEmpty();
            assertThat(texts(".ff-showcase-winner .ff-badge-winner")).containsExactly("Most valuable failure");
            screenshot("showcase-pdf-jira-down.png");

            open(PAGE + "?output=pdf&period=2024-Q1");
            waitFor("document.querySelector('.ff-showcase-message')");
            assertThat(text(".ff-showcase-message")).startsWith("The showcase could not be loaded from Jira");
        } finally {
            host.services().confluenceLinks.jiraReachable(true);
        }
    }

    @Test
    void aBadPeriodIsAMessageNamingIt() {
        open(PAGE + "?period=Q3-2026");
        waitFor("document.querySelector('.ff-showcase-error')");
        assertThat(text(".ff-showcase-error")).contains("\"period\"").contains("not \"Q3-2026\"");
    }

    @Override
    String describePage() {
        return "the page: " + browser.evaluate(
                "document.querySelector('main').textContent.replace(/\\s+/g, ' ').trim().slice(0, 600)");
    }

    private String text(String selector) {
        return browser.evaluate("document.querySelector(" + js(selector) + ").textContent").asText().trim()
                .replaceAll("\\s+", " ");
    }

    private List<String> texts(String selector) {
        return texts(selector, "el.textContent.replace(/\\s+/g, ' ')");
    }
}
