package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static dev.failforward.preview.browser.HeadlessChromium.js;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Have we failed like this before?" in a real browser on the preview's node index: while a new incident is written,
 * the past incident it repeats is listed under the summary (debounced, as the user types); once it is reported, the
 * recurrence check (issue-created event, then the node's index) offers "Recurrence of …?" in the issue view, and
 * confirming it makes the "recurrence of" link, which the record, the panel and the recurrence-rate KPI then carry.
 */
class SimilarFailuresBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INDEX_WAIT = Duration.ofSeconds(60);
    private static final Duration DETECTION_WAIT = Duration.ofSeconds(45);

    @Test
    void aRepeatedIncidentIsShownWhileWrittenAndOfferedAsARecurrence() throws Exception {
        waitForTheIndex();
        // a past incident of the demo data: the new report tells its story again, in its own words
        JsonNode past = pastIncident();
        String pastKey = past.path("issueKey").asText();
        String summary = past.path("summary").asText();

        open("/jira/issues/new?type=incident");
        String discovered = LocalDateTime.now(ZoneId.systemDefault()).minusHours(2).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        browser.evaluate("document.getElementById('project').value = " + js(past.path("projectKey").asText()) + ";"
                + "document.getElementById('discoveredAt').value = " + js(discovered));
        browser.evaluate("(f => { f.value = " + js("Again: " + summary) + "; f.dispatchEvent(new Event('input', "
                + "{bubbles: true})); })(document.getElementById('summary'))");
        waitFor("document.querySelector('.ff-similar-match[data-ff-similar=' + " + js(js(pastKey)) + " + ']')");
        assertThat(texts(".ff-similar-match", "el.dataset.ffSimilar")).as("the repeated failure first").first()
                .isEqualTo(pastKey);
        assertThat(browser.evaluate("document.querySelector('.ff-similar-match .ff-similar-key').getAttribute('href')")
                .asText()).endsWith(pastKey);

        browser.navigateBy("document.querySelector('form.ff-issue-form').submit()");
        waitFor("document.getElementById('status') && document.getElementById('status').textContent === 'Reported'");
        String key = browser.evaluate("document.querySelector('.ff-issue').dataset.key").asText();

        // the recurrence check runs a moment after the report, off the request thread
        JsonNode suggestion = awaitSuggestion(key, pastKey);
        assertThat(suggestion.path("state").asText()).isEqualTo("pending");
        assertThat(suggestion.path("score").asDouble()).isGreaterThan(0.35);

        open("/jira/issues/" + key);
        waitFor("document.querySelector('[data-ff-recurrence=' + " + js(js(pastKey)) + " + '] [data-ff-recurrence-confirm]')");
        browser.evaluate("document.querySelector('[data-ff-recurrence-confirm]').click()");
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode record = record(key);
        while (!String.valueOf(record.findValue("recurrenceOf")).contains(pastKey) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            record = record(key);
        }
        assertThat(String.valueOf(record.findValue("recurrenceOf"))).as("the confirmed link is on the record").contains(pastKey);
        JsonNode decided = JSON.readTree(get("/rest/failforward/1.0/recurrence/" + key).body()).path("suggestions");
        // the demo has other failures like it (OPS-106 resembles OPS-102): the suggestion of the past key is decided
        JsonNode confirmed = null;
        for (JsonNode each : decided) {
            if (each.path("pastKey").asText().equals(pastKey)) {
                confirmed = each;
            }
        }
        assertThat(confirmed).as("the suggestion of " + pastKey + " in " + decided).isNotNull();
        assertThat(confirmed.path("state").asText()).isEqualTo("confirmed");

        // a decided suggestion is not offered again
        open("/jira/issues/" + key);
        waitFor("document.querySelector('[data-ff-panel=record]') && document.querySelector('[data-ff-panel=record]')"
                + ".dataset.ffEnhanced === 'true'");
        assertThat(browser.evaluate("document.querySelector('[data-ff-recurrence=' + " + js(js(pastKey))
                + " + '] [data-ff-recurrence-confirm]') === null").asBoolean()).isTrue();
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

    /** A demo incident with a summary of at least five words. */
    private JsonNode pastIncident() throws Exception {
        JsonNode page = JSON.readTree(get("/rest/failforward/1.0/records?kind=incident&maxResults=100").body());
        for (JsonNode record : page.path("records")) {
            if (record.path("summary").asText().trim().split("\\s+").length >= 5) {
                return record;
            }
        }
        throw new AssertionError("no demo incident with a summary of five words: " + page);
    }

    private JsonNode awaitSuggestion(String key, String pastKey) throws Exception {
        long deadline = System.nanoTime() + DETECTION_WAIT.toNanos();
        JsonNode body = null;
        while (System.nanoTime() < deadline) {
            body = JSON.readTree(get("/rest/failforward/1.0/recurrence/" + key).body());
            for (JsonNode suggestion : body.path("suggestions")) {
                if (suggestion.path("pastKey").asText().equals(pastKey)) {
                    return suggestion;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError(key + " was not offered as a recurrence of " + pastKey + " within " + DETECTION_WAIT
                + ": " + body);
    }

    private JsonNode record(String key) throws Exception {
        return JSON.readTree(get("/rest/failforward/1.0/records/" + key).body());
    }

    @Override
    String describePage() {
        return "the page: " + browser.evaluate("document.body.textContent.replace(/\\s+/g, ' ').trim().slice(0, 800)");
    }
}
