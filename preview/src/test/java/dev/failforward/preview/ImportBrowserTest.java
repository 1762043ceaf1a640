package dev.failforward.preview;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.failforward.preview.browser.HeadlessChromium.js;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing post-mortems as a new user would, in a real browser: the import page in the preview, a .zip of Markdown
 * post-mortems (two of the test corpus, one written here, one broken file) chosen in the file input, the dry run's
 * table reviewed (what would be created, what was found where, the broken file's reason), the import run — and an
 * imported learning found in the Confluence learnings archive.
 */
class ImportBrowserTest extends BrowserTest {

    private static final String LEARNING = "Expiry times need jitter so that cache entries never expire together.";

    @Test
    void aZipIsCheckedImportedAndItsLearningIsInTheArchive() throws Exception {
        List<Path> corpus = PostMortemImportTest.corpus();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("history/" + corpus.get(0).getFileName(), Files.readAllBytes(corpus.get(0)));
        files.put("history/" + corpus.get(1).getFileName(), Files.readAllBytes(corpus.get(1)));
        files.put("history/2026-01-12-cache-stampede.md", ("""
                # Cache stampede took the catalogue down

                Date: 2026-01-12 (all times UTC)

                ## Summary
                Every web node rebuilt the product cache at midnight at once and the catalogue database fell over.

                ## Timeline
                | Time  | Event |
                |-------|-------|
                | 00:00 | cache entries expire together |
                | 00:04 | latency alert fires (detected) |
                | 00:09 | incident declared |
                | 00:51 | service restored |

                ## Lessons learned
                - %s
                """.formatted(LEARNING)).getBytes(StandardCharsets.UTF_8));
        files.put("history/scan.md", new byte[] {0, 0, 1, 2, (byte) 0xFE, 0, 9, 0, 0, 0});
        Path zip = data.resolve("postmortems.zip");
        Files.write(zip, PostMortemImportTest.zip(files));

        open("/plugins/servlet/failforward/import?project=OPS");
        waitFor("document.getElementById('ff-import-files')");
        assertThat(browser.evaluate("document.getElementById('ff-import-project').value").asText()).isEqualTo("OPS");
        assertThat(browser.evaluate("document.getElementById('ff-import-run').disabled").asBoolean()).isTrue();
        browser.setFiles("#ff-import-files", List.of(zip));
        browser.evaluate("document.getElementById('ff-import-check').click()");
        waitFor("document.querySelectorAll('.ff-import-file').length === 4");
        assertThat(texts(".ff-import-file", "el.dataset.ffOutcome")).containsExactlyInAnyOrder("create", "create",
                "create", "failed");
        String stampede = "[...document.querySelectorAll('.ff-import-file')].find(r => r.querySelector('.ff-import-name')"
                + ".textContent.includes('cache-stampede'))";
        assertThat(browser.evaluate(stampede + ".querySelector('.ff-import-found').textContent").asText())
                .contains("Cache stampede took the catalogue down", "section \"Timeline\"");
        assertThat(browser.evaluate("[...document.querySelectorAll('.ff-import-file[data-ff-outcome=failed]')][0]"
                + ".querySelector('.ff-import-problems').textContent").asText()).isNotBlank();
        screenshot("import-dry-run.png");

        waitFor("!document.getElementById('ff-import-run').disabled");
        browser.evaluate("document.getElementById('ff-import-run').click()");
        waitFor("[...document.querySelectorAll('.ff-import-file')].filter(r => r.dataset.ffOutcome === 'created')"
                + ".length === 3");
        String key = browser.evaluate(stampede + ".querySelector('.ff-import-issue a').textContent").asText();
        assertThat(key).startsWith("OPS-");
        assertThat(browser.evaluate("document.getElementById('ff-import-status').textContent").asText())
                .contains("3 created");

        // the imported learning is in the archive
        open("/confluence/pages/learnings");
        waitFor("document.querySelector('.ff-archive') && document.querySelector('.ff-archive')"
                + ".getAttribute('data-state') === 'ok'");
        browser.evaluate("(() => { const q = document.querySelector('.ff-archive-query'); q.value = 'jitter';"
                + " q.dispatchEvent(new Event('input', {bubbles: true})); })()");
        waitFor("[...document.querySelectorAll('.ff-archive-item')].some(i => i.textContent.includes("
                + js("never expire together") + "))");
        assertThat(texts("a.ff-archive-item-issue", "el.textContent")).contains(key);
    }

    /**
     * "From Confluence": the space's post-mortem pages checked (the same dry-run table, one row per page) and imported
     * from the page's own section; an empty space key is named at its field, focused, before anything is sent.
     */
    @Test
    void theDemoConfluenceSpaceIsCheckedAndImportedFromThePage() throws Exception {
        open("/plugins/servlet/failforward/import?project=CARE");
        waitFor("document.getElementById('ff-import-space')");
        assertThat(browser.evaluate("document.querySelector('label[for=ff-import-space]').textContent").asText())
                .contains("Space key");
        browser.evaluate("document.getElementById('ff-import-confluence-check').click()");
        waitFor("!document.getElementById('ff-import-space-error').hidden");
        assertThat(browser.evaluate("document.activeElement.id").asText()).isEqualTo("ff-import-space");
        assertThat(browser.evaluate("document.getElementById('ff-import-space').getAttribute('aria-invalid')").asText())
                .isEqualTo("true");

        browser.evaluate("(() => { const s = document.getElementById('ff-import-space'); s.value = 'OPS';"
                + " s.dispatchEvent(new Event('input', {bubbles: true}));"
                + " document.getElementById('ff-import-label').value = 'postmortem'; })()");
        browser.evaluate("document.getElementById('ff-import-confluence-check').click()");
        waitFor("document.querySelectorAll('.ff-import-file').length === 3");
        assertThat(texts(".ff-import-file", "el.dataset.ffOutcome")).containsOnly("create");
        assertThat(texts(".ff-import-name", "el.textContent"))
                .contains("Incident review: Nightly billing export stuck (880000102)");
        screenshot("import-confluence-dry-run.png");

        waitFor("!document.getElementById('ff-import-confluence-run').disabled");
        browser.evaluate("document.getElementById('ff-import-confluence-run').click()");
        waitFor("[...document.querySelectorAll('.ff-import-file')].filter(r => r.dataset.ffOutcome === 'created')"
                + ".length === 3");
        assertThat(texts(".ff-import-issue a", "el.textContent")).allMatch(k -> k.startsWith("CARE-"));
    }

    @Override
    String describePage() {
        return "the page: " + browser.evaluate("document.body.textContent.replace(/\\s+/g, ' ').trim().slice(0, 800)");
    }
}
