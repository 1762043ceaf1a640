package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.preview.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.failforward.preview.browser.HeadlessChromium.js;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A preview host per test and one headless Chromium per class, 1280×1000; after every test the page must have reported
 * no error (console.error, uncaught exception, failed load). Screenshots go to {@code target/screenshots/}.
 */
abstract class BrowserTest extends PreviewHttpTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    static HeadlessChromium browser;

    @BeforeAll
    static void launch() throws Exception {
        browser = HeadlessChromium.launch();
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void desktopWindow() {
        browser.viewport(1280, 1000);
        browser.clearErrors();
    }

    @AfterEach
    void thePageReportedNoError() {
        List<String> errors = browser.errors();
        browser.navigate(URI.create("about:blank")); // nothing of this page may reach the next test's host
        browser.clearErrors();
        assertThat(errors).as("errors reported by the page").isEmpty();
    }

    /** What the page shows, for the message of a wait that timed out. */
    abstract String describePage();

    /** Waits for the condition; on timeout the message also tells what the page shows. */
    void waitFor(String condition) {
        try {
            browser.waitFor(condition, WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n  " + describePage(), e);
        }
    }

    void open(String path) {
        browser.navigate(host.baseUri().resolve(path));
    }

    /** A JavaScript expression over {@code el} for each element the selector matches. */
    List<String> texts(String selector, String expression) {
        return strings(browser.evaluate("[...document.querySelectorAll(" + js(selector) + ")].map(el => " + expression + ")"));
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText().trim()));
        return values;
    }

    void screenshot(String name) throws Exception {
        screenshot(browser, name);
    }

    /** A screenshot of another tab ({@link HeadlessChromium#openTab()}). */
    void screenshot(HeadlessChromium tab, String name) throws Exception {
        Path file = tab.screenshot(SCREENSHOTS.resolve(name));
        assertThat(Files.size(file)).as(name).isGreaterThan(10_000);
    }
}
