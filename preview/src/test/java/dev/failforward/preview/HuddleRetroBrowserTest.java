package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure huddle retro in the preview's Confluence, in headless Chromium over the demo data
 * ({@link DemoResurfacing}): the OPS and CARE team's huddle page ({@code /confluence/pages/huddle}, the
 * {@code failforward-retro} macro with the failure huddle template and the team's projects) prepares the huddle from
 * Jira's board through the plugin's REST proxy and the preview's Application Links: failures since last week's huddle,
 * the open 24-hour rule of OPS-106 with its countdown, the overdue follow-ups, a learning to celebrate; "Mark huddle
 * held" records this week's huddle in Jira with the page as its note, and Jira's huddle dashboard item then says it
 * was held. With Jira unreachable the board says so, and "Try again" loads it once Jira answers. The board's screenshot goes to {@code target/screenshots/huddle-retro.png}.
 */
class HuddleRetroBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOARD = "document.querySelector('.ff-retro .ff-huddle-board')";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    @Test
    void theHuddlePagePreparesTheHuddleFromJiraAndMarksItHeld() throws Exception {
        open("/confluence/pages/huddle");
        waitFor(BOARD + " && " + BOARD + ".getAttribute('data-state') === 'ok'");
        assertThat(browser.evaluate(BOARD + ".getAttribute('data-held')").asText()).isEqualTo("false");
        assertThat(browser.evaluate(BOARD + ".querySelector('.ff-huddle-title').textContent").asText())
                .isEqualTo("This week's huddle of CARE, OPS, prepared from Jira");
        assertThat(browser.evaluate("document.querySelector('[data-ff-huddle=failures] h4').textContent").asText())
                .startsWith("Failures reported since the last huddle");
        assertThat(texts("[data-ff-huddle=failures] .ff-huddle-key", "el.textContent"))
                .contains("OPS-106", "CARE-9").doesNotContain("OPS-102");
        assertThat(texts("[data-ff-huddle=failures] .ff-huddle-key", "el.getAttribute('href')"))
                .as("linked into Jira through the application link's display URL")
                .allSatisfy(href -> assertThat(href).matches("https?://[^/]+(/[^/]+)*/browse/[A-Z]+-\\d+"));
        assertThat(texts("[data-ff-huddle=rules] .ff-huddle-key", "el.textContent")).contains("OPS-106");
        assertThat(browser.evaluate("document.querySelector('.ff-huddle-board .ff-huddle-countdown').textContent")
                .asText()).matches("\\d+ h \\d+ min left");
        assertThat(texts("[data-ff-huddle=overdue] .ff-huddle-action", "el.textContent"))
                .contains("Put configuration changes through the canary stage",
                        "Agree the night courier route with the lab");
        assertThat(browser.evaluate("document.querySelector('.ff-huddle-board .ff-huddle-learning').textContent")
                .asText()).isEqualTo("After a jam the wristband printer repeats the previous patient's label");
        assertThat(browser.evaluate("document.querySelector('.ff-huddle-board .ff-huddle-last').textContent").asText())
                .startsWith("The last huddle (");
        assertThat(texts(".ff-retro-section-heading", "el.textContent"))
                .containsExactly("What did not work", "Why it mattered", "One tweak");
        Path board = browser.screenshot(SCREENSHOTS.resolve("huddle-retro.png"), ".ff-retro");
        assertThat(Files.size(board)).isGreaterThan(10_000);

        browser.evaluate("document.querySelector('.ff-huddle-board .ff-huddle-mark').click()");
        waitFor(BOARD + ".getAttribute('data-state') === 'ok' && " + BOARD + ".getAttribute('data-held') === 'true'");
        assertThat(browser.evaluate("document.querySelector('.ff-huddle-board .aui-message-success').textContent")
                .asText()).contains("marked held");
        assertThat(texts("[data-ff-huddle=failures] .ff-huddle-key", "el.textContent"))
                .as("the next huddle starts from this one").isEmpty();
        assertThat(browser.evaluate("document.querySelector('.ff-huddle-board .ff-huddle-held').textContent").asText())
                .contains("was held on").contains("Dee Demo");

        browser.evaluate("document.querySelector('.ff-huddle-board .ff-huddle-mark').click()");
        waitFor("document.querySelector('.ff-huddle-board .aui-message-info')");
        assertThat(browser.evaluate("document.querySelector('.ff-huddle-board .aui-message-info').textContent").asText())
                .contains("was already held this week").contains("Nothing was changed");

        JsonNode huddles = JSON.readTree(get("/rest/failforward/1.0/huddles?projects=OPS,CARE").body()).path("huddles");
        assertThat(huddles).as("last week's and this week's").hasSize(2);
        assertThat(huddles.get(0).path("note").asText())
                .contains("\"" + ConfluenceSpaceServlet.HUDDLE_PAGE_TITLE + "\"")
                .contains("/pages/viewpage.action?pageId=" + ConfluenceSpaceServlet.HUDDLE_PAGE_ID);

        open("/jira/dashboard?layout=aa");
        String item = "document.querySelector('#gadget-huddle [data-state]')";
        waitFor(item + " && " + item + ".getAttribute('data-state') === 'ready'");
        assertThat(browser.evaluate(item + ".getAttribute('data-held')").asText())
                .as("Jira's dashboard item sees the huddle held from Confluence").isEqualTo("true");
    }

    @Test
    void whenJiraCannotBeReachedThePageSaysSoAndTryAgainLoadsTheBoard() {
        host.services().confluenceLinks.jiraReachable(false);
        try {
            open("/confluence/pages/huddle");
            waitFor(BOARD + " && " + BOARD + ".getAttribute('data-state') === 'unavailable'");
            assertThat(browser.evaluate(BOARD + ".querySelector('.ff-huddle-state').textContent").asText())
                    .startsWith("Jira could not be reached just now.");
            assertThat(browser.evaluate(BOARD + ".querySelectorAll('.ff-huddle-mark').length").asInt()).isZero();
        } finally {
            host.services().confluenceLinks.jiraReachable(true);
        }
        browser.evaluate(BOARD + ".querySelector('.ff-huddle-retry').click()");
        waitFor(BOARD + ".getAttribute('data-state') === 'ok'");
        assertThat(texts("[data-ff-huddle=rules] .ff-huddle-key", "el.textContent")).contains("OPS-106");
    }

    @Override
    String describePage() {
        return browser.evaluate("document.body.innerText.replace(/\\s+/g, ' ').slice(0, 1500)").asText();
    }
}
