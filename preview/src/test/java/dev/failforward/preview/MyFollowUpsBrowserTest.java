package dev.failforward.preview;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "My follow-ups" on the preview's dashboard, in headless Chromium: the preview user's demo follow-ups (DemoData),
 * overdue first, with the check-in that is due; one click marks an item done, the check-in form records "not
 * effective" with a note (through the failure database's own REST endpoints, so the record shows it), the digest
 * toggle opts in and survives a reload; the daily reminders land in the outbox once. Screenshot:
 * {@code target/screenshots/my-follow-ups.png}.
 */
class MyFollowUpsBrowserTest extends BrowserTest {

    private static final String ITEM = "#gadget-my-follow-ups-dashboard-item";
    private static final String ROOT = "document.querySelector('" + ITEM + " [data-state]')";

    @Override
    String describePage() {
        return "the page: " + browser.evaluate("location.pathname + ' ' + (document.querySelector('" + ITEM
                + " [data-state]') || {getAttribute: () => 'no item'}).getAttribute('data-state') + ': '"
                + " + document.body.textContent.replace(/\\s+/g, ' ').trim().slice(0, 600)");
    }

    private void waitForReady() {
        waitFor(ROOT + " && " + ROOT + ".getAttribute('data-state') === 'ready'");
    }

    private List<String> descriptions() {
        return texts(ITEM + " .ff-followup-description", "el.textContent");
    }

    private String itemWith(String description) {
        return "[...document.querySelectorAll('" + ITEM + " .ff-followup')].find(li => li.querySelector("
                + "'.ff-followup-description').textContent === " + dev.failforward.preview.browser.HeadlessChromium.js(description) + ")";
    }

    @Test
    void listsMyFollowUpsOverdueFirstAndMarksDoneAndChecksInWithOneClick() throws Exception {
        open("/jira/dashboard?layout=a");
        waitForReady();
        List<String> shown = descriptions();
        assertThat(shown).startsWith("Add a config diff review to the rollout pipeline",
                "Alert when the nightly backup job does not report");
        assertThat(shown).contains("Show prices in the visitor's currency from the geo header",
                "Add a currency smoke test to the pricing page deploy");
        assertThat(texts(ITEM + " .ff-followup", "el.getAttribute('data-kind')")).startsWith("overdue", "overdue")
                .contains("checkin", "due");
        assertThat(browser.evaluate(itemWith("Add a config diff review to the rollout pipeline")
                + ".querySelector('.aui-lozenge').textContent").asText()).isEqualTo("9 days overdue");
        assertThat(browser.evaluate(itemWith("Add a config diff review to the rollout pipeline")
                + ".querySelector('a.ff-followup-issue').getAttribute('href')").asText()).endsWith("/browse/OPS-102");
        browser.evaluate("document.querySelector('" + ITEM + "').scrollIntoView()");
        Path shot = browser.screenshot(Path.of(System.getProperty("basedir", "."), "target", "screenshots",
                "my-follow-ups.png"), ITEM);
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        // Done: one click
        browser.evaluate(itemWith("Alert when the nightly backup job does not report")
                + ".querySelector('.ff-followup-done').click()");
        waitFor(ROOT + ".querySelector('.aui-message-success') && " + ROOT + ".getAttribute('data-state') === 'ready'");
        assertThat(browser.evaluate(ROOT + ".querySelector('.aui-message-success').textContent").asText())
                .contains("Marked done");
        assertThat(descriptions()).doesNotContain("Alert when the nightly backup job does not report");

        // Check in: not effective, with a note
        browser.evaluate(itemWith("Show prices in the visitor's currency from the geo header")
                + ".querySelector('.ff-followup-checkin').click()");
        waitFor(ROOT + ".querySelector('.ff-followup-checkin-form')");
        browser.evaluate("(() => { const form = " + ROOT + ".querySelector('.ff-followup-checkin-form');"
                + " form.querySelector('input[value=not_effective]').click();"
                + " form.querySelector('textarea').value = 'Visitors behind proxies still see <USD>';"
                + " form.querySelector('.ff-followup-checkin-save').click(); })()");
        waitFor(ROOT + ".querySelector('.aui-message-success') && " + ROOT + ".textContent.includes('Check-in saved')");
        assertThat(descriptions()).doesNotContain("Show prices in the visitor's currency from the geo header");
        com.fasterxml.jackson.databind.JsonNode record = browser.evaluate("fetch('/rest/failforward/1.0/records/GROWTH-23',"
                + " {headers: {Accept: 'application/json'}}).then(r => r.json())");
        com.fasterxml.jackson.databind.JsonNode checked = null;
        for (com.fasterxml.jackson.databind.JsonNode action : record.path("actionItems")) {
            if (action.path("description").asText().startsWith("Show prices")) {
                checked = action;
            }
        }
        assertThat(checked).isNotNull();
        assertThat(checked.path("checkInResult").asText()).isEqualTo("not_effective");
        assertThat(checked.path("checkInNote").asText()).isEqualTo("Visitors behind proxies still see <USD>");

        // the weekly digest: opt in, and it holds after a reload
        browser.evaluate(ROOT + ".querySelector('.ff-followups-digest-toggle').click()");
        waitFor(ROOT + ".querySelector('.ff-followups-digest-status').textContent.length > 0");
        assertThat(browser.evaluate(ROOT + ".querySelector('.ff-followups-digest-status').textContent").asText())
                .contains("weekly digest on Monday");
        browser.reload();
        waitForReady();
        assertThat(browser.evaluate(ROOT + ".querySelector('.ff-followups-digest-toggle').checked").asBoolean()).isTrue();
    }

    @Test
    void theOutboxShowsTheDailyRemindersOnceWithLinksToTheIssues() {
        open("/jira/mail");
        browser.navigateBy("document.querySelector('#run-jobs button[value=reminders]').click()");
        waitFor("document.querySelector('.ff-mail-result')");
        int mails = browser.evaluate("document.querySelectorAll('.ff-mail').length").asInt();
        assertThat(mails).isGreaterThan(0);
        assertThat(texts(".ff-mail-to", "el.textContent")).contains("demo@preview.failforward.test");
        assertThat(browser.evaluate("[...document.querySelectorAll('.ff-mail-body a')].map(a => a.getAttribute('href'))"
                + ".some(href => href.endsWith('/browse/OPS-102'))").asBoolean()).isTrue();
        assertThat(browser.evaluate("document.body.textContent").asText()).contains("Overdue action items");

        browser.navigateBy("document.querySelector('#run-jobs button[value=reminders]').click()");
        waitFor("document.querySelector('.ff-mail-result')");
        assertThat(browser.evaluate("document.querySelectorAll('.ff-mail').length").asInt())
                .as("a second run the same day queues nothing").isEqualTo(mails);
        assertThat(browser.evaluate("document.querySelector('.ff-mail-result').textContent").asText())
                .contains("queued 0 mails");
    }
}
