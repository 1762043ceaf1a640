package dev.failforward.preview;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripts pages get as web resources (written into the head, not at the end of the body) run in a real browser:
 * the start page's live hypothesis check answers, and the admin page's script, which waits for the document, fills in
 * the failure database's rebuild state.
 */
class PageScriptsBrowserTest extends BrowserTest {

    @Test
    void theStartPagesHypothesisCheckRuns() {
        open("/");
        waitFor("document.querySelector('#hypothesis-result').getAttribute('data-acceptable') !== null");
        assertThat(browser.evaluate("document.head.querySelector('script[src$=\"hypothesis-check.js\"]') !== null")
                .asBoolean()).isTrue();
        assertThat(browser.evaluate("document.querySelector('#hypothesis-result').textContent").asText()).isNotBlank();
    }

    @Test
    void theAdminPagesScriptRunsFromTheHead() {
        open("/plugins/servlet/failforward/admin/setup");
        waitFor("document.getElementById('ff-backfill-queue').textContent.length > 0");
        assertThat(browser.evaluate("document.head.querySelector('script[src$=\"admin-setup.js\"]') !== null")
                .asBoolean()).isTrue();
        assertThat(browser.evaluate("document.getElementById('ff-backfill-queue').textContent").asText())
                .doesNotContain("{0}");
    }

    @Override
    String describePage() {
        return "the page: " + browser.evaluate("document.body.textContent.replace(/\\s+/g, ' ').trim().slice(0, 600)");
    }
}
