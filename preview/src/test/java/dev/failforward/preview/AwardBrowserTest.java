package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.preview.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The most valuable failure award in headless Chromium, from the demo data to the winner's badge: last period's winner
 * carries its badge on the issue view; a record is nominated with a reason from its issue view; an administrator ends
 * the nominations ({@code POST /awards/admin/{award}/advance}); a click on the dashboard item's Vote button takes one
 * vote (every Vote button waits while it is sent) and the dashboard confirms it, and the same dashboard open in a second
 * tab refuses a second vote inline with the plain message; the administrator closes voting; the winner and its badge appear on the dashboard, the
 * issue view, the learnings archive and the failure showcase in Confluence. Screenshots in {@code target/screenshots/}.
 */
class AwardBrowserTest extends BrowserTest {

    private static final String AWARD = "document.querySelector('#gadget-award [data-state]')";
    private static final String REST = "/rest/failforward/1.0/awards";

    @Test
    void nominateVoteOnceCloseAndSeeTheWinnerEverywhere() throws Exception {
        // the demo's past award: GROWTH-23 won it
        open("/jira/issues/GROWTH-23");
        waitFor("document.querySelector('[data-ff-award-badge=winner]')");
        assertThat(browser.evaluate("document.querySelector('[data-ff-award-badge=winner]').textContent").asText().trim())
                .matches("Most valuable failure \u00b7 Q[1-4] \\d{4}");

        // nominate GROWTH-21 from its issue view
        open("/jira/issues/GROWTH-21");
        waitFor("document.querySelector('form[data-ff-award-nominate][data-ff-bound]')");
        assertThat(browser.evaluate("document.querySelectorAll('[data-ff-award-badge]').length").asInt()).isZero();
        browser.evaluate("(() => { const form = document.querySelector('form[data-ff-award-nominate]');"
                + " form.querySelector('textarea[name=reason]').value = '';"
                + " form.querySelector('button[type=submit]').click(); })()");
        waitFor("document.querySelector('#ff-award-reason-error').textContent.length > 0");
        assertThat(browser.evaluate("document.querySelector('#ff-award-reason-error').textContent").asText())
                .isEqualTo("Reason: say why this failure taught the most.");
        // the refused request is the only thing the page reported
        assertThat(browser.errors()).singleElement().asString().contains("status of 400", "/awards/nominations");
        browser.clearErrors();
        browser.evaluate("(() => { const form = document.querySelector('form[data-ff-award-nominate]');"
                + " form.querySelector('textarea[name=reason]').value = 'A confirmed bet that still taught us where"
                + " partner-referred trials differ';"
                + " form.querySelector('button[type=submit]').click(); })()");
        waitFor("document.querySelector('[data-ff-award-badge=nominee]')");
        assertThat(browser.evaluate("document.querySelector('[data-ff-award-badge=nominee]').textContent").asText().trim())
                .isEqualTo("Nominated");
        browser.reload();
        waitFor("document.querySelector('[data-ff-award-badge=nominee]')");
        String nominee = browser.evaluate("document.querySelector('[data-ff-award-badge=nominee]').textContent").asText()
                .trim();
        assertThat(nominee).matches("Nominated \u00b7 Q[1-4] \\d{4}");
        String quarter = nominee.substring(nominee.indexOf('\u00b7') + 2);
        String award = browser.evaluate("document.querySelector('[data-ff-award-badge=nominee]').dataset.ffAward")
                .asText();

        // the administrator ends the nominations: voting starts today
        assertThat(fetch("POST", REST + "/admin/" + award + "/advance", "{}").path("phase").asText()).isEqualTo("voting");

        open("/jira/dashboard");
        String voting = "#gadget-award section[data-phase=voting]";
        waitFor(AWARD + " && " + AWARD + ".getAttribute('data-state') === 'ready' && document.querySelector('" + voting
                + " .ff-award-vote')");
        assertThat(texts(voting + " .ff-award-nominee", "el.dataset.record")).contains("GROWTH-21", "OPS-102", "CARE-9");
        assertThat(texts(voting + " .ff-award-reason", "el.textContent")).contains(
                "A confirmed bet that still taught us where partner-referred trials differ");
        assertThat(browser.evaluate("document.querySelector('" + voting + " .ff-award-countdown').textContent").asText())
                .contains("left");
        screenshot("award-dashboard-voting.png");

        // a second tab shows the same dashboard, still with its Vote buttons
        try (HeadlessChromium other = browser.openTab()) {
            other.navigate(host.baseUri().resolve("/jira/dashboard"));
            other.waitFor(AWARD + " && " + AWARD + ".getAttribute('data-state') === 'ready' && document.querySelector('"
                    + voting + " .ff-award-nominee[data-record=OPS-102] .ff-award-vote')", WAIT);

            // back to the first tab: one vote, as a person gives it, with the Vote button of GROWTH-21; while it is
            // on its way no other Vote button can send a second ballot
            browser.bringToFront();
            assertThat(strings(browser.evaluate("(() => { document.querySelector('" + voting
                    + " .ff-award-nominee[data-record=GROWTH-21] .ff-award-vote').click();"
                    + " return [...document.querySelectorAll('" + voting + " .ff-award-vote')]"
                    + ".map(b => String(b.disabled)); })()"))).isNotEmpty().containsOnly("true");
            waitFor(AWARD + ".getAttribute('data-state') === 'ready' && document.querySelector('"
                    + "#gadget-award .aui-message-success')");
            assertThat(browser.evaluate("document.querySelector('#gadget-award .aui-message-success').textContent")
                    .asText().trim()).startsWith("Your vote is in. The results come out when voting closes on ");
            assertThat(browser.evaluate("document.querySelector('" + voting + "').dataset.voted").asText())
                    .isEqualTo("true");
            assertThat(browser.evaluate("document.querySelector('" + voting + " .ff-award-voted').textContent")
                    .asText().trim()).isEqualTo("You voted in this award. Results when voting closes.");
            assertThat(browser.evaluate("document.querySelectorAll('" + voting + " .ff-award-vote').length").asInt())
                    .isZero();
            screenshot("award-dashboard-voted.png");

            // the other tab still offers Vote: a second vote, for another nominee, is refused inline
            other.bringToFront();
            other.evaluate("document.querySelector('" + voting + " .ff-award-nominee[data-record=OPS-102]"
                    + " .ff-award-vote').click()");
            other.waitFor("document.querySelector('" + voting + " .ff-award-inline .aui-message')", WAIT);
            assertThat(other.evaluate("document.querySelector('" + voting + " .ff-award-inline .aui-message')"
                    + ".textContent").asText().trim()).isEqualTo("You already voted in this award.");
            assertThat(other.evaluate("document.querySelector('" + voting + " .ff-award-inline .aui-message')"
                    + ".classList.contains('aui-message-warning')").asBoolean()).isTrue();
            assertThat(other.evaluate("document.querySelectorAll('" + voting + " .ff-award-vote').length").asInt())
                    .as("the refusal is final: no Vote button is left to press").isZero();
            // the refused request is the only thing that tab reported
            assertThat(other.errors()).singleElement().asString().contains("status of 409", "/votes");
            screenshot(other, "award-dashboard-already-voted.png");
        }
        browser.bringToFront();
        assertThat(browser.errors()).as("the vote was accepted without an error").isEmpty();
        browser.reload();
        waitFor(AWARD + " && " + AWARD + ".getAttribute('data-state') === 'ready'");
        assertThat(browser.evaluate("document.querySelector('" + voting + "').dataset.voted").asText()).isEqualTo("true");
        assertThat(browser.evaluate("document.querySelectorAll('" + voting + " .ff-award-vote').length").asInt()).isZero();
        assertThat(browser.evaluate("document.querySelector('" + voting + " .ff-award-nominee').textContent").asText())
                .doesNotContain("votes");

        // the administrator closes voting: the results come out
        assertThat(fetch("POST", REST + "/admin/" + award + "/advance", "{}").path("phase").asText()).isEqualTo("closed");
        browser.reload();
        String closed = "#gadget-award section[data-award='" + award + "']";
        waitFor(AWARD + " && " + AWARD + ".getAttribute('data-state') === 'ready' && document.querySelector(\""
                + closed + " .ff-award-winner\")");
        assertThat(browser.evaluate("document.querySelector(\"" + closed + "\").dataset.phase").asText())
                .isEqualTo("closed");
        assertThat(browser.evaluate("document.querySelector(\"" + closed + " .ff-award-winner\").textContent").asText())
                .contains("Winner", "GROWTH-21");
        assertThat(texts(closed + " .ff-award-votes", "el.textContent")).first().isEqualTo("Votes: 1");
        // the past awards: last period's, with its winner
        browser.evaluate("document.querySelector('#gadget-award .ff-award-history-toggle').click()");
        waitFor("document.querySelector('#gadget-award .ff-award-history-list').dataset.state === 'ready'");
        assertThat(texts("#gadget-award .ff-award-past-item", "el.textContent")).anySatisfy(text ->
                assertThat(text).contains("GROWTH-23"));
        screenshot("award-dashboard-results.png");

        // the winner's badge on its issue view
        open("/jira/issues/GROWTH-21");
        waitFor("document.querySelector('[data-ff-award-badge=winner]')");
        assertThat(browser.evaluate("document.querySelector('[data-ff-award-badge=winner]').textContent").asText().trim())
                .isEqualTo("Most valuable failure \u00b7 " + quarter);
        assertThat(browser.evaluate("document.querySelectorAll('form[data-ff-award-nominate]').length").asInt()).isZero();
        screenshot("award-issue-view-winner.png");

        // and in the learnings archive (Confluence), on each of its learnings
        open("/confluence/pages/learnings");
        String archive = "document.querySelector('.ff-archive')";
        waitFor(archive + ".getAttribute('data-state') === 'ok' && document.querySelector('.ff-archive-item')");
        browser.evaluate("(() => { const q = document.querySelector('.ff-archive-query'); q.value = 'trials';"
                + " q.dispatchEvent(new Event('input', {bubbles: true})); })()");
        String item = ".ff-archive-item[data-issue-key=GROWTH-21]";
        waitFor("document.querySelector('" + item + " .ff-archive-item-award-winner')");
        assertThat(texts(item + " .ff-archive-item-award-winner", "el.textContent")).isNotEmpty()
                .allSatisfy(text -> assertThat(text).isEqualTo("Most valuable failure \u00b7 " + quarter));
        assertThat(texts(".ff-archive-item[data-issue-key=GROWTH-23] .ff-archive-item-award-winner", "el.textContent"))
                .allSatisfy(text -> assertThat(text).startsWith("Most valuable failure \u00b7 Q"));
        screenshot("award-learnings-archive.png");

        // and on the failure showcase of the award's quarter (Confluence, printed on the server for export)
        String period = quarter.substring(quarter.indexOf(' ') + 1) + "-" + quarter.substring(0, quarter.indexOf(' '));
        open("/confluence/pages/showcase?period=" + period);
        waitFor("document.querySelector('.ff-showcase-title')");
        assertThat(texts(".ff-showcase-winner", "el.querySelector('.ff-showcase-key').textContent + ' '"
                + " + el.querySelector('.ff-badge-winner').textContent")).contains("GROWTH-21 Most valuable failure");
        assertThat(texts(".ff-showcase-winner .ff-showcase-votes", "el.textContent")).contains("1 vote");
        screenshot("award-showcase.png");
    }

    @Test
    void administratorsSetTheAwardOnTheAdminPage() {
        open("/plugins/servlet/failforward/admin/setup");
        waitFor("document.querySelector('#ff-award-current li[data-phase=nominating]')");
        assertThat(browser.evaluate("document.getElementById('ff-award-months').value").asText()).isEqualTo("3");
        assertThat(browser.evaluate("document.getElementById('ff-award-voting-days').value").asText()).isEqualTo("14");
        assertThat(browser.evaluate("document.querySelector('#ff-award-current li .ff-award-advance').textContent")
                .asText()).isEqualTo("End nominations now");

        browser.evaluate("(() => { document.getElementById('ff-award-zone').value = 'Mars/Olympus';"
                + " document.getElementById('ff-award-save').click(); })()");
        waitFor("document.getElementById('ff-award-result').dataset.failed === 'true'");
        assertThat(browser.evaluate("document.getElementById('ff-award-result').textContent").asText())
                .contains("Mars/Olympus is not a time zone");
        assertThat(browser.errors()).singleElement().asString().contains("status of 400", "/awards/admin/settings");
        browser.clearErrors();

        browser.evaluate("(() => { document.getElementById('ff-award-zone').value = '';"
                + " document.getElementById('ff-award-months').value = '6';"
                + " document.getElementById('ff-award-groups').value = 'care | Care teams | CARE';"
                + " document.getElementById('ff-award-save').click(); })()");
        waitFor("document.getElementById('ff-award-result').textContent === 'Saved.'");
        waitFor("document.querySelector('#ff-award-current li[data-award^=care]')");
        assertThat(browser.evaluate("document.getElementById('ff-award-groups').value").asText())
                .isEqualTo("care | Care teams | CARE");
        assertThat(fetch("GET", REST + "/admin/settings", null).path("months").asInt()).isEqualTo(6);
    }

    /** A same-origin JSON request from the page, as the current preview user (the administrator); its body. */
    private JsonNode fetch(String method, String path, String body) {
        return browser.evaluate("fetch(" + js(path) + ", {method: " + js(method) + ", credentials: 'same-origin',"
                + " headers: {'Content-Type': 'application/json', 'Accept': 'application/json',"
                + " 'X-Atlassian-Token': 'no-check'}" + (body == null ? "" : ", body: " + js(body)) + "}).then(r => r.json())");
    }

    private static String js(String text) {
        return dev.failforward.preview.browser.HeadlessChromium.js(text);
    }

    @Override
    String describePage() {
        return browser.evaluate("(document.querySelector('#gadget-award') || document.querySelector('.ff-award-panel')"
                + " || document.querySelector('.ff-archive') || document.body).textContent.replace(/\\s+/g, ' ')"
                + ".trim().slice(0, 800)").asText();
    }
}
