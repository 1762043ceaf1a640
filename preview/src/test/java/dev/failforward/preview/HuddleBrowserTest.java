package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.failforward.preview.browser.HeadlessChromium.js;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resurfacing and the failure huddle in the preview's Jira, in headless Chromium over the demo data
 * ({@link DemoResurfacing}): the OPS and CARE team's huddle board shows failures since last week's huddle, the open
 * 24-hour rule of OPS-106 with its countdown, overdue follow-ups and a learning to celebrate; "Mark huddle held" holds
 * it once (a second press says who held it); "On this day" brings back a year's and a quarter's learnings; and the
 * issue view of OPS-106 offers the learnings of similar failures with "Apply here". The board's screenshot goes to
 * {@code target/screenshots/huddle-board.png} (prepared) and {@code huddle-board-held.png} (held).
 */
class HuddleBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUDDLE = "document.querySelector('#gadget-huddle [data-state]')";
    private static final String ON_THIS_DAY = "document.querySelector('#gadget-on-this-day [data-state]')";
    private static final Duration INDEX_WAIT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    @Test
    void theHuddleBoardIsMarkedHeldOncePerWeek() throws Exception {
        open("/jira/dashboard?layout=aa");
        waitFor(HUDDLE + " && " + HUDDLE + ".getAttribute('data-state') === 'ready'");
        assertThat(browser.evaluate(HUDDLE + ".getAttribute('data-held')").asText()).isEqualTo("false");
        assertThat(browser.evaluate("document.querySelector('#gadget-huddle [data-ff-huddle=failures] h3').textContent")
                .asText()).startsWith("Failures reported since the last huddle");
        assertThat(texts("#gadget-huddle [data-ff-huddle=failures] .ff-huddle-key", "el.textContent"))
                .contains("OPS-106", "CARE-9").doesNotContain("OPS-102");
        assertThat(texts("#gadget-huddle [data-ff-huddle=rules] .ff-huddle-key", "el.textContent")).contains("OPS-106");
        assertThat(browser.evaluate("document.querySelector('#gadget-huddle .ff-huddle-countdown').textContent").asText())
                .matches("\\d+ h \\d+ min left");
        assertThat(texts("#gadget-huddle [data-ff-huddle=overdue] .ff-huddle-action", "el.textContent"))
                .contains("Put configuration changes through the canary stage",
                        "Agree the night courier route with the lab");
        assertThat(browser.evaluate("document.querySelector('#gadget-huddle .ff-huddle-learning').textContent").asText())
                .isEqualTo("After a jam the wristband printer repeats the previous patient's label");
        assertThat(browser.evaluate("document.querySelector('#gadget-huddle .ff-huddle-rule-text').textContent").asText())
                .contains("reused most");

        Path board = browser.screenshot(SCREENSHOTS.resolve("huddle-board.png"), "#gadget-huddle");
        assertThat(Files.size(board)).isGreaterThan(10_000);

        browser.evaluate("document.querySelector('#gadget-huddle .ff-huddle-mark').click()");
        waitFor(HUDDLE + ".getAttribute('data-state') === 'ready' && " + HUDDLE + ".getAttribute('data-held') === 'true'");
        assertThat(browser.evaluate("document.querySelector('#gadget-huddle .aui-message-success').textContent")
                .asText()).contains("marked held");
        assertThat(texts("#gadget-huddle [data-ff-huddle=failures] .ff-huddle-key", "el.textContent"))
                .as("the next huddle starts from this one").isEmpty();
        Path shot = browser.screenshot(SCREENSHOTS.resolve("huddle-board-held.png"), "#gadget-huddle");
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        browser.evaluate("document.querySelector('#gadget-huddle .ff-huddle-mark').click()");
        waitFor(HUDDLE + ".getAttribute('data-state') === 'ready' && document.querySelector('#gadget-huddle .aui-message-info')");
        assertThat(browser.evaluate("document.querySelector('#gadget-huddle .aui-message-info').textContent").asText())
                .contains("was already held this week").contains("Dee Demo").contains("Nothing was changed");
        JsonNode history = JSON.readTree(get("/rest/failforward/1.0/huddles?projects=OPS,CARE").body());
        assertThat(history.path("huddles")).as("last week's and this week's").hasSize(2);
    }

    @Test
    void eachItemsEditFormChoosesItsProjectsAndNamesWhatIsWrong() {
        open("/jira/dashboard");
        waitFor(HUDDLE + " && " + HUDDLE + ".getAttribute('data-state') === 'ready'");
        assertThat(texts("#gadget-huddle [data-ff-huddle=failures] .ff-huddle-key", "el.textContent"))
                .anyMatch(key -> key.startsWith("CARE-"));

        // the huddle needs a team: nothing, or something that is not a project key, is refused in the field
        browser.evaluate("document.querySelector('#gadget-huddle .ff-gadget-edit').click()");
        waitFor(HUDDLE + ".getAttribute('data-state') === 'edit' && document.querySelector('#gadget-huddle form')");
        assertThat(submitProjects("#gadget-huddle", " , ")).isEqualTo("Enter at least one project key.");
        assertThat(submitProjects("#gadget-huddle", "ops, care team"))
                .isEqualTo("\"ops, care team\" is not a list of project keys.");
        assertThat(browser.evaluate("document.querySelector('#gadget-huddle form input').getAttribute('aria-invalid')")
                .asText()).isEqualTo("true");
        assertThat(submitProjects("#gadget-huddle", "ops")).isEmpty();
        waitFor(HUDDLE + ".getAttribute('data-state') === 'ready'");
        assertThat(texts("#gadget-huddle [data-ff-huddle=failures] .ff-huddle-key", "el.textContent"))
                .isNotEmpty().allMatch(key -> key.startsWith("OPS-"));
        assertThat(browser.evaluate("JSON.parse(localStorage.getItem('failforward.preview.dashboard.huddle')).projects")
                .asText()).isEqualTo("OPS");

        // "On this day" may cover every browsable project: an empty field is saved, a bad key is not
        browser.evaluate("document.querySelector('#gadget-on-this-day .ff-gadget-edit').click()");
        waitFor(ON_THIS_DAY + ".getAttribute('data-state') === 'edit'");
        assertThat(submitProjects("#gadget-on-this-day", "OPS;CARE"))
                .isEqualTo("\"OPS;CARE\" is not a list of project keys.");
        assertThat(submitProjects("#gadget-on-this-day", "")).isEmpty();
        waitFor(ON_THIS_DAY + ".getAttribute('data-state') === 'ready'");

        // Cancel leaves the saved choice as it was
        browser.evaluate("document.querySelector('#gadget-huddle .ff-gadget-edit').click()");
        waitFor(HUDDLE + ".getAttribute('data-state') === 'edit'");
        assertThat(browser.evaluate("document.querySelector('#gadget-huddle form input').value").asText())
                .isEqualTo("OPS");
        browser.evaluate("document.querySelector('#gadget-huddle form .aui-button-link').click()");
        waitFor(HUDDLE + ".getAttribute('data-state') === 'ready'");
        assertThat(browser.evaluate("JSON.parse(localStorage.getItem('failforward.preview.dashboard.huddle')).projects")
                .asText()).isEqualTo("OPS");
        browser.evaluate("localStorage.clear()");
    }

    /** Types into the item's projects field and submits: the field's error line afterwards ("" when saved). */
    private String submitProjects(String item, String value) {
        return browser.evaluate("(() => { const form = document.querySelector('" + item + " form');"
                + " if (!form) { return ''; }"
                + " const input = form.querySelector('input'); input.value = " + js(value) + ";"
                + " form.querySelector('button[type=submit]').click();"
                + " const error = document.querySelector('" + item + " form .error');"
                + " return error ? error.textContent : ''; })()").asText();
    }

    @Test
    void onThisDayBringsBackAYearAndAQuarterAgo() {
        open("/jira/dashboard");
        waitFor(ON_THIS_DAY + " && " + ON_THIS_DAY + ".getAttribute('data-state') === 'ready'");
        assertThat(texts("#gadget-on-this-day [data-ff-period=year] .ff-onthisday-text", "el.textContent"))
                .contains("Rollbacks were fast because the runbook had been rehearsed");
        assertThat(texts("#gadget-on-this-day [data-ff-period=quarter] .ff-onthisday-text", "el.textContent"))
                .contains("The alert threshold was set for weekday traffic only");
        assertThat(browser.evaluate("document.querySelector('#gadget-on-this-day .ff-onthisday-key').getAttribute('href')")
                .asText()).startsWith("/browse/");
    }

    @Test
    void aNewIncidentOffersTheLearningsOfSimilarFailuresToApply() throws Exception {
        waitForTheIndex();
        open("/jira/issues/OPS-106");
        waitFor("document.querySelector('[data-ff-related-for] .ff-related-item')");
        assertThat(browser.evaluate("document.querySelector('[data-ff-related-for]').hidden").asBoolean()).isFalse();
        assertThat(texts("[data-ff-related-for] .ff-related-key", "el.textContent")).contains("OPS-102")
                .doesNotContain("OPS-106");
        assertThat(browser.evaluate("document.querySelectorAll('[data-ff-related-for] [data-ff-applied]').length")
                .asInt()).as("one of OPS-102's learnings was applied here already").isGreaterThanOrEqualTo(1);

        String learning = browser.evaluate("document.querySelector('[data-ff-related-for] .ff-related-apply')"
                + ".closest('[data-ff-learning]').dataset.ffLearning").asText();
        browser.evaluate("document.querySelector('[data-ff-related-for] .ff-related-apply').click()");
        waitFor("document.querySelector('[data-ff-learning=' + " + js(js(learning))
                + " + '] [data-ff-applied]')");
        JsonNode reuses = JSON.readTree(get("/rest/failforward/1.0/learnings/" + learning + "/reuses").body());
        assertThat(reuses.path("reuses").findValuesAsText("target")).contains("OPS-106");
        screenshot("related-learnings.png");
    }

    @Override
    String describePage() {
        return browser.evaluate("document.body.innerText.replace(/\\s+/g, ' ').slice(0, 1500)").asText();
    }

    private void waitForTheIndex() throws Exception {
        long deadline = System.nanoTime() + INDEX_WAIT.toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = JSON.readTree(get("/rest/failforward/1.0/records?maxResults=1").body()).path("index").path("state")
                    .asText();
            if (state.equals("ready")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the node's search index is not ready after " + INDEX_WAIT + ": " + state);
    }
}
