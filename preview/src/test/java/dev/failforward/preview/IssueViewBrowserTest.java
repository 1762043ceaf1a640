package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static dev.failforward.preview.browser.HeadlessChromium.js;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident from report to close using only the issue view, in a real browser: three learnings and two next steps
 * added in the Fail Forward panel (the blameless check marking a blaming phrase on the way, the owner chosen with the
 * user picker by keyboard, a missing due date refused under its field), the 24-hour rule met, the transitions run from
 * the issue view — and the counts agree in the panel, the Close validator, the retro page's header, the learnings
 * archive and the KPIs. Screenshots of the incident's and an experiment's issue views go to target/screenshots/.
 */
class IssueViewBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PANEL = "document.querySelector('[data-ff-panel=record]')";

    @Test
    void anIncidentFromReportToCloseInTheIssueView() throws Exception {
        long openedBefore = actionsOpenedThisMonth("CARE");

        // report: the create screen, discovered an hour ago
        open("/jira/issues/new?type=incident");
        String discovered = LocalDateTime.now(ZoneId.systemDefault()).minusHours(1).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        browser.evaluate("document.getElementById('project').value = 'CARE';"
                + "document.getElementById('summary').value = 'Night batch sent duplicate lab orders';"
                + "document.getElementById('discoveredAt').value = " + js(discovered));
        browser.navigateBy("document.querySelector('form.ff-issue-form').submit()");
        waitFor("document.getElementById('status') && document.getElementById('status').textContent === 'Reported'");
        String key = browser.evaluate("document.querySelector('.ff-issue').dataset.key").asText();
        waitFor(PANEL + ".dataset.ffEnhanced === 'true'");
        assertThat(browser.evaluate("document.querySelector('[data-ff-rule]').dataset.ffRule").asText()).isEqualTo("PENDING");

        // a blaming phrase is marked while typing; its finding is a button that selects the phrase in the field
        browser.evaluate("document.querySelector('.ff-add-learning').click()");
        waitFor("document.querySelector('.ff-learning-form textarea')");
        type(".ff-learning-form textarea", "It was human error: Sam should have checked the batch size.");
        waitFor("document.querySelector('.ff-learning-form .ff-blame-finding')");
        assertThat(browser.evaluate("document.querySelector('.ff-learning-form .ff-blame-live').textContent").asText())
                .as("announced to screen readers").contains("may read as blame");
        assertThat(browser.evaluate("document.querySelector('.ff-learning-form textarea').getAttribute('aria-describedby')")
                .asText()).isEqualTo(browser.evaluate("document.querySelector('.ff-learning-form .ff-blame').id").asText());
        browser.evaluate("document.querySelector('.ff-learning-form .ff-blame-phrase').click()");
        JsonNode selected = browser.evaluate("(t => t.value.substring(t.selectionStart, t.selectionEnd))"
                + "(document.querySelector('.ff-learning-form textarea'))");
        assertThat(selected.asText()).isNotEmpty();
        assertThat(browser.evaluate("document.querySelector('.ff-learning-form mark.ff-blame-mark').textContent").asText())
                .isEqualTo(selected.asText());
        type(".ff-learning-form textarea", "The batch job has no limit on how many orders one run may send.");
        waitFor("document.querySelector('.ff-learning-form .ff-blame').hidden");
        submitAndReload(".ff-learning-form");
        assertThat(count("learnings")).isEqualTo(1);
        assertThat(browser.evaluate(PANEL + ".querySelector('[data-ff-live]').textContent").asText()).isEqualTo("Learning added.");

        addLearning("SURPRISE", "Duplicate orders reached the lab before anyone saw the alert.");
        addLearning("GOT_LUCKY", "The lab questioned the duplicates; otherwise patients would have been drawn twice.");
        assertThat(count("learnings")).isEqualTo(3);
        assertThat(texts("[data-ff-learning] .aui-lozenge", "el.textContent")).containsExactly("Insight", "Surprise", "Got lucky");

        // a next step without a due date is refused under that field, with the focus there; then it is saved
        browser.evaluate("document.querySelector('.ff-add-action').click()");
        waitFor("document.querySelector('.ff-action-form')");
        type(".ff-action-form textarea[name=description]", "Cap a batch run at 500 orders");
        pickOwner("ann", "Anna Berg", "anna");
        browser.evaluate("document.querySelector('.ff-action-form button[type=submit]').click()");
        waitFor("document.querySelector('.ff-action-form [data-ff-error-for=dueDate]:not([hidden])')");
        browser.clearErrors(); // the refused save is a 400, which the browser logs
        assertThat(browser.evaluate("document.activeElement.name").asText()).isEqualTo("dueDate");
        assertThat(browser.evaluate("document.querySelector('.ff-action-form [name=dueDate]').getAttribute('aria-invalid')")
                .asText()).isEqualTo("true");
        browser.evaluate("document.querySelector('.ff-action-form [name=dueDate]').value = '2027-01-15'");
        submitAndReload(".ff-action-form");
        addAction("Alert the on-call when a run sends over 200 orders", "ben", "Ben Okafor", "2027-01-31");
        assertThat(count("actions")).isEqualTo(2);
        assertThat(texts("tr[data-ff-action] [data-ff-owner]", "el.textContent")).containsExactly("Anna Berg", "Ben Okafor");

        // the first next step becomes a tracked follow-up issue in the incident's project, linked from the row
        browser.evaluate("document.querySelector('tr[data-ff-action] .ff-follow-up').click()");
        waitFor("document.querySelector('.ff-followup-form')");
        assertThat(browser.evaluate("document.querySelector('.ff-followup-form input.ff-project').value").asText())
                .isEqualTo("CARE");
        submitAndReload(".ff-followup-form");
        assertThat(texts("[data-ff-follow-up-link]", "el.textContent")).hasSize(1).allMatch(k -> k.matches("CARE-\\d+"));
        String followUp = browser.evaluate("document.querySelector('[data-ff-follow-up-link]').textContent").asText();
        assertThat(browser.evaluate("document.querySelector('tr[data-ff-action]').dataset.ffFollowUp").asText())
                .isEqualTo(followUp);
        assertThat(count("actions")).as("a follow-up does not add a next step").isEqualTo(2);

        // the rule is met: three learnings and two next steps within 24 hours of discovery
        assertThat(browser.evaluate("document.querySelector('[data-ff-rule]').dataset.ffRule").asText()).isEqualTo("MET");

        // through the workflow from the issue view; the Close validator counts the same items and lets it close
        browser.navigateBy("document.querySelector('button[data-transition=\"11\"]').click()");
        waitFor("document.getElementById('status').textContent === 'Analysing'");
        browser.navigateBy("document.querySelector('a[data-transition=\"21\"]').click()");
        waitFor("document.getElementById('failureType')");
        browser.evaluate("document.getElementById('failureType').value = 'COMPLEX';"
                + "document.getElementById('failureCategory').value = 'PROCESS_DEVIATION';"
                + "document.getElementById('failureMode').value = 'PROCESS';"
                + "document.getElementById('fiveWhys').value = '1. Why duplicates? The run restarted.\\n"
                + "2. Why did it resend? It keeps no record of what it sent.\\n3. Why? It was built for one run a day.'");
        browser.navigateBy("document.querySelector('form.ff-issue-form').submit()");
        waitFor("document.getElementById('status').textContent === 'Learning review'");
        browser.navigateBy("document.querySelector('button[data-transition=\"31\"]').click()"); // Close has no screen
        waitFor("document.getElementById('status') && document.getElementById('status').textContent === 'Closed'");
        assertThat(count("learnings")).isEqualTo(3);
        assertThat(count("actions")).isEqualTo(2);
        assertThat(browser.evaluate("document.querySelector('[data-ff-rule]').dataset.ffRule").asText()).isEqualTo("MET");
        screenshot("issue-view-incident.png");

        // the follow-up issue is a real issue, assigned to the next step's owner and linked back to the incident
        open("/jira/issues/" + followUp);
        waitFor("document.getElementById('status')");
        assertThat(browser.evaluate("document.body.textContent").asText())
                .contains("Cap a batch run at 500 orders").contains("Anna Berg").contains(key);
        // resolving it completes the next step on the incident
        browser.navigateBy("document.getElementById('resolve').click()");
        waitFor("document.getElementById('resolution')");
        open("/jira/issues/" + key);
        waitFor(PANEL + " && " + PANEL + ".dataset.ffEnhanced === 'true'");
        assertThat(texts("tr[data-ff-action]", "el.dataset.ffStatus")).containsExactly("DONE", "OPEN");

        // the retro page's header, the archive and the KPIs count the same items
        long issueId = host.services().records.findByIssueKey(key).orElseThrow().issueId();
        open("/confluence" + RetroPages.VIEW_PATH + issueId);
        waitFor("document.querySelector('.ff-retro-header') && document.querySelector('.ff-retro-header')"
                + ".getAttribute('data-state') === 'ok'");
        assertThat(browser.evaluate("document.querySelectorAll('.ff-retro-learnings li').length").asInt()).isEqualTo(3);
        assertThat(browser.evaluate("document.querySelectorAll('.ff-retro-actions li').length").asInt()).isEqualTo(2);
        assertThat(browser.evaluate("document.querySelector('.ff-retro-actions li').textContent").asText())
                .as("owner by name, due date in the reader's language").contains("Anna Berg").contains("2027")
                .doesNotContain("2027-01-15").doesNotContain("anna ");

        JsonNode archive = JSON.readTree(get("/rest/failforward/1.0/learnings?project=CARE&maxResults=100").body());
        assertThat(archive.path("items").findValuesAsText("issueKey").stream().filter(key::equals).count())
                .isEqualTo(3);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (actionsOpenedThisMonth("CARE") < openedBefore + 2 && System.nanoTime() < deadline) {
            Thread.sleep(200); // the KPI roll-ups are applied off the request path
        }
        assertThat(actionsOpenedThisMonth("CARE")).isEqualTo(openedBefore + 2);
    }

    @Test
    void anExperimentsIssueViewShowsPlanResultAndLineage() throws Exception {
        // OPS-103 was refuted and pivoted into OPS-105: criteria one a line, enum values by their labels, the lineage
        open("/jira/issues/OPS-103");
        waitFor(PANEL + " && " + PANEL + ".dataset.ffEnhanced === 'true'");
        assertThat(texts("[data-ff-criterion] td", "el.textContent")).contains("rollbacks affect < 1% of requests",
                "canary verdict within 30 minutes", "canary error rate > 2%");
        assertThat(browser.evaluate("document.querySelector('[data-ff-outcome]').textContent").asText()).isEqualTo("Refuted");
        assertThat(browser.evaluate("document.querySelector('[data-ff-decision]').textContent").asText()).isEqualTo("Pivot");
        assertThat(texts("[data-ff-pivot] > a", "el.textContent")).containsExactly("OPS-105");
        assertThat(count("learnings")).isEqualTo(3);
        screenshot("issue-view-experiment.png");

        open("/jira/issues/OPS-105");
        waitFor(PANEL + " && " + PANEL + ".dataset.ffEnhanced === 'true'");
        assertThat(texts("[data-ff-lineage] > a", "el.textContent")).containsExactly("OPS-103");
    }

    private void type(String selector, String text) {
        browser.evaluate("(f => { f.value = " + js(text) + "; f.dispatchEvent(new Event('input', {bubbles: true})); })"
                + "(document.querySelector(" + js(selector) + "))");
    }

    /** Submits the panel's form; the panel saves and refreshes the issue view. */
    private void submitAndReload(String form) {
        browser.navigateBy("document.querySelector(" + js(form + " button[type=submit]") + ").click()");
        waitFor(PANEL + " && " + PANEL + ".dataset.ffEnhanced === 'true'");
    }

    private void addLearning(String kind, String text) {
        browser.evaluate("document.querySelector('.ff-add-learning').click()");
        waitFor("document.querySelector('.ff-learning-form')");
        browser.evaluate("document.querySelector('.ff-learning-form select[name=kind]').value = " + js(kind));
        type(".ff-learning-form textarea", text);
        submitAndReload(".ff-learning-form");
    }

    private void addAction(String description, String query, String name, String due) {
        browser.evaluate("document.querySelector('.ff-add-action').click()");
        waitFor("document.querySelector('.ff-action-form')");
        type(".ff-action-form textarea[name=description]", description);
        pickOwner(query, name, query);
        browser.evaluate("document.querySelector('.ff-action-form [name=dueDate]').value = " + js(due));
        submitAndReload(".ff-action-form");
    }

    /** Types into the owner field, then picks the first match with the arrow key and Enter, as a keyboard user would. */
    private void pickOwner(String query, String name, String userKey) {
        type(".ff-action-form [name=owner]", query);
        waitFor("document.querySelector('.ff-action-form [role=option]')");
        browser.evaluate("(i => { i.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', bubbles: true}));"
                + " i.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true})); })"
                + "(document.querySelector('.ff-action-form [name=owner]'))");
        assertThat(browser.evaluate("document.querySelector('.ff-action-form [name=owner]').value").asText()).isEqualTo(name);
        assertThat(browser.evaluate("document.querySelector('.ff-action-form [name=owner]').dataset.ffUserKey").asText())
                .isEqualTo(userKey);
    }

    private int count(String list) {
        return browser.evaluate("Number(document.querySelector('[data-ff-count=" + list + "]').textContent)").asInt();
    }

    private long actionsOpenedThisMonth(String project) throws Exception {
        HttpResponse<String> response = get("/rest/failforward/1.0/kpis?project=" + project
                + "&granularity=month&kpi=actions_opened");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode points = JSON.readTree(response.body()).path("kpis").get(0).path("points");
        return Math.round(points.get(points.size() - 1).path("value").asDouble());
    }

    @Override
    String describePage() {
        return "the page: " + browser.evaluate("document.body.textContent.replace(/\\s+/g, ' ').trim().slice(0, 800)");
    }
}
