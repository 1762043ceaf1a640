package dev.failforward.preview;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue screens in a real browser: a stamped time reaches the date-time input (which rejects a value it cannot
 * read), a create error keeps what was typed, and a server error under a field goes once the field changes.
 */
class IssueFormBrowserTest extends BrowserTest {

    @Test
    void aCreateErrorKeepsTheFormAndGoesWhenTheFieldChanges() {
        open("/jira/issues/new?type=incident");
        browser.evaluate("document.getElementById('project').value = 'CARE'");
        browser.evaluate("document.getElementById('summary').value = 'Lab results sent to the wrong ward'");
        browser.navigateBy("document.querySelector('form.ff-issue-form').submit()");
        waitFor("document.querySelector('[data-error-for=discoveredAt]') !== null");
        assertThat(browser.evaluate("document.getElementById('summary').value").asText()).isEqualTo("Lab results sent to the wrong ward");
        assertThat(browser.evaluate("document.getElementById('project').value").asText()).isEqualTo("CARE");
        browser.clearErrors(); // the refused create is a 400 page, which the browser logs

        browser.evaluate("var d = document.getElementById('discoveredAt'); d.value = '2026-11-30T22:15';"
                + " d.dispatchEvent(new Event('change', {bubbles: true}))");
        assertThat(browser.evaluate("document.querySelector('[data-error-for=discoveredAt]') === null").asBoolean())
                .as("the stale error is gone").isTrue();
        assertThat(browser.evaluate("document.getElementById('discoveredAt').closest('.ff-field').classList.contains('ff-has-error')")
                .asBoolean()).isFalse();

        browser.navigateBy("document.querySelector('form.ff-issue-form').submit()");
        waitFor("document.getElementById('status') !== null");
        assertThat(browser.evaluate("document.getElementById('status').textContent").asText()).isEqualTo("Reported");
        browser.navigateBy("location.href = location.pathname + '/edit'");
        waitFor("document.getElementById('reportedAt') !== null");
        assertThat(browser.evaluate("document.getElementById('reportedAt').value").asText())
                .as("the stamp the browser accepted into the input").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        assertThat(browser.evaluate("document.getElementById('discoveredAt').value").asText()).isEqualTo("2026-11-30T22:15");
    }

    @Override
    String describePage() {
        return "the page: " + browser.evaluate("document.body.textContent.replace(/\\s+/g, ' ').trim().slice(0, 600)");
    }
}
