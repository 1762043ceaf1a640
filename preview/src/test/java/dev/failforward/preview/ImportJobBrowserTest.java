package dev.failforward.preview;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large import on the page, in a real browser: 51 post-mortems are checked in parts, then imported as one background
 * job whose status the page polls; the progress bar is an accessible progressbar (its aria-valuenow follows the files
 * the server has done), and once the job is done the page shows every file's result.
 */
class ImportJobBrowserTest extends BrowserTest {

    @Test
    void aLargeImportRunsAsAJobWithAnAccessibleProgressBarAndThenEveryFilesResult() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            Path file = data.resolve("page-pm-" + i + ".md");
            Files.writeString(file, """
                    # Checkout latency %d

                    ## Detection
                    Detected: 2026-03-%02d 10:00 UTC by the latency alert.

                    ## Lessons learned
                    - Latency budgets need an owner.
                    """.formatted(i, 1 + i % 27), StandardCharsets.UTF_8);
            files.add(file);
        }

        open("/plugins/servlet/failforward/import?project=CARE");
        waitFor("document.getElementById('ff-import-files')");
        assertThat(browser.evaluate("document.getElementById('ff-import-progress').getAttribute('role')").asText())
                .isEqualTo("progressbar");
        browser.setFiles("#ff-import-files", files);
        browser.evaluate("document.getElementById('ff-import-check').click()");
        waitFor("document.querySelectorAll('.ff-import-file').length === 51");
        assertThat(texts(".ff-import-file", "el.dataset.ffOutcome")).containsOnly("create");

        waitFor("!document.getElementById('ff-import-run').disabled");
        browser.evaluate("document.getElementById('ff-import-run').click()");
        browser.waitFor("[...document.querySelectorAll('.ff-import-file')].filter(r => r.dataset.ffOutcome === "
                + "'created').length === 51", Duration.ofMinutes(3));

        assertThat(browser.evaluate("document.getElementById('ff-import-progress').getAttribute('aria-valuemax')")
                .asText()).isEqualTo("51");
        assertThat(browser.evaluate("document.getElementById('ff-import-progress').getAttribute('aria-valuenow')")
                .asText()).isEqualTo("51");
        assertThat(browser.evaluate("document.getElementById('ff-import-status').textContent").asText())
                .contains("51 created");
        screenshot("import-background-job.png");
    }

    @Override
    String describePage() {
        return "status: " + browser.evaluate("document.getElementById('ff-import-status').textContent").asText();
    }
}
