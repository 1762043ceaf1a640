package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.failforward.preview.browser.HeadlessChromium.js;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Cite in this retro" in a real browser: on a retro page, under "Have we failed like this before?", a similar past
 * failure's learning is cited (Confluence's proxy, then Jira over the application link, as the user); the button then
 * reads "Cited", Jira lists the reuse {@code retro → page:<id>}, and citing again is answered "already recorded" and
 * counts nothing new; a learning the page cited before reads "Cited" from the start.
 */
class CiteLearningBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INDEX_WAIT = Duration.ofSeconds(60);
    private static final String PAGE_ID = "10102";
    private static final String OPS_102_PAGE = "/confluence/pages/viewpage.action?pageId=" + PAGE_ID;
    private static final String BUTTON = "document.querySelector('.ff-retro-similar .ff-cite-button')";

    @Test
    void aRetroCitesAPastFailuresLearningOnceAndItCountsInJira() throws Exception {
        waitForTheIndex();
        open(OPS_102_PAGE);
        waitFor(BUTTON);
        String learningId = browser.evaluate(BUTTON + ".closest('.ff-similar-learning').dataset.learningId").asText();
        assertThat(browser.evaluate(BUTTON + ".textContent").asText()).isEqualTo("Cite in this retro");
        assertThat(browser.evaluate(BUTTON + ".closest('.ff-similar-match') !== null").asBoolean())
                .as("the learning sits under its similar failure").isTrue();
        long before = reuses(learningId).path("total").asLong();

        browser.evaluate(BUTTON + ".focus()");
        assertThat(browser.evaluate("document.activeElement === " + BUTTON).asBoolean()).as("keyboard-reachable")
                .isTrue();
        browser.evaluate(BUTTON + ".click()");
        String button = "document.querySelector('.ff-similar-learning[data-learning-id=' + " + js(js(learningId))
                + " + '] .ff-cite-button')";
        waitFor(button + ".textContent === 'Cited'");
        assertThat(browser.evaluate(button + ".disabled").asBoolean()).isTrue();

        JsonNode after = reuses(learningId);
        assertThat(after.path("total").asLong()).isEqualTo(before + 1);
        assertThat(after.path("reuses").findValuesAsText("target")).contains("page:" + PAGE_ID);

        // citing again is answered "already recorded" and counts nothing new
        String again = browser.evaluate("fetch(AJS.contextPath() + '/rest/failforward-confluence/1.0/learnings/' + "
                + js(learningId) + " + '/citations', {method: 'POST', credentials: 'same-origin',"
                + " headers: {'Content-Type': 'application/json', 'X-Atlassian-Token': 'no-check'},"
                + " body: JSON.stringify({pageId: " + PAGE_ID + "})}).then(r => r.status + ' ' + r.ok)").asText();
        assertThat(again).isEqualTo("200 true");

        // a learning the page cited before (the proxy's "cited": true) shows "Cited" from the start
        browser.evaluate("FailForward.retro.renderSimilar(document.querySelector('.ff-retro-header'), {state: 'ok',"
                + " matches: [{key: 'OPS-1', summary: 's', reasons: [], url: null, learnings: [{id: 5, text: 'Before',"
                + " kind: 'insight', cited: true}, {id: 6, text: 'Not yet', kind: 'insight', cited: false}]}],"
                + " index: {state: 'ready', percent: 100}}, " + js(PAGE_ID) + ")");
        assertThat(texts(".ff-retro-similar .ff-cite-button", "el.textContent + ' ' + el.disabled"))
                .containsExactly("Cited true", "Cite in this retro false");
        assertThat(reuses(learningId).path("total").asLong()).isEqualTo(before + 1);
    }

    private JsonNode reuses(String learningId) throws Exception {
        return JSON.readTree(get("/rest/failforward/1.0/learnings/" + learningId + "/reuses").body());
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

    @Override
    String describePage() {
        return "the similar failures: " + browser.evaluate("(s => s ? s.outerHTML.slice(0, 1500) : 'none, retro: '"
                + " + (document.querySelector('.ff-retro') || {outerHTML: 'none'}).outerHTML.slice(0, 300))"
                + "(document.querySelector('.ff-retro-similar'))");
    }
}
