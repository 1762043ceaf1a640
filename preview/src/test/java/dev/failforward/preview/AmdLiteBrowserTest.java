package dev.failforward.preview;

import dev.failforward.preview.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview's AMD loader ({@code /preview/static/amd-lite.js}) in a real browser: the contract Jira's loader has. */
class AmdLiteBrowserTest extends PreviewHttpTest {

    private static HeadlessChromium browser;

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
    void loadTheLoader() {
        browser.navigate(host.baseUri().resolve("/"));
        browser.clearErrors();
        browser.evaluate("new Promise((loaded, failed) => { const s = document.createElement('script');"
                + " s.src = '/preview/static/amd-lite.js'; s.onload = loaded; s.onerror = () => failed(new Error('not served'));"
                + " document.head.appendChild(s); })");
    }

    @Test
    void aRequireWaitsForModulesDefinedLaterAndRunsEachFactoryOnce() {
        browser.evaluate("window.log = []; window.runs = 0;"
                + "require(['app/a', 'app/b'], (a, b) => log.push('first:' + a + b));"
                + "require(['app/a'], a => log.push('second:' + a));"
                + "define('app/a', ['app/b'], b => { runs++; return 'A' + b; });");
        assertThat(browser.evaluate("log.length").asInt()).isZero();
        assertThat(browser.evaluate("require.waitingFor()").toString()).isEqualTo("[\"app/b\"]");
        assertThat(browser.evaluate("require.waitingFor(['app/a', 'app/c'])").toString()).isEqualTo("[\"app/b\",\"app/c\"]");

        browser.evaluate("define('app/b', [], () => 'B')");

        assertThat(browser.evaluate("log").toString()).isEqualTo("[\"first:ABB\",\"second:AB\"]");
        assertThat(browser.evaluate("runs").asInt()).isEqualTo(1);
        assertThat(browser.evaluate("require.waitingFor().length").asInt()).isZero();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void namedModulesTakeValuesFactoriesOrCommonJsExports() {
        browser.evaluate("define('v/value', {answer: 42});"
                + "define('v/exports', ['exports', 'v/value'], (exports, value) => { exports.double = value.answer * 2; });"
                + "define('v/module', function (require, exports, module) { module.exports = require('v/value').answer + 1; });");

        assertThat(browser.evaluate("require('v/value').answer").asInt()).isEqualTo(42);
        assertThat(browser.evaluate("require('v/exports').double").asInt()).isEqualTo(84);
        assertThat(browser.evaluate("require('v/module')").asInt()).isEqualTo(43);
        assertThat(browser.evaluate("typeof define.amd === 'object' && require === requirejs").asBoolean()).isTrue();
    }

    @Test
    void aSynchronousRequireOfAMissingModuleThrows() {
        assertThat(browser.evaluate("try { require('nowhere'); 'no error' } catch (e) { e.message }").asText())
                .contains("module \"nowhere\" is not defined yet");
    }

    @Test
    void anonymousDefineIsAnErrorOnTheConsoleAsOnJira() {
        browser.evaluate("define(['jquery'], $ => $)");

        assertThat(browser.errors()).singleElement().asString().contains("anonymous define() is not supported");
        browser.clearErrors();
    }

    @Test
    void aFailingFactoryIsReportedWithoutStoppingOtherModules() throws Exception {
        browser.evaluate("window.log = [];"
                + "require(['f/broken'], () => log.push('broken'));"
                + "require(['f/fine'], fine => log.push(fine));"
                + "define('f/broken', () => { throw new Error('factory exploded'); });"
                + "define('f/fine', () => 'fine')");
        browser.waitFor("window.log.length === 1", java.time.Duration.ofSeconds(2));
        Thread.sleep(100);

        assertThat(browser.evaluate("log").toString()).isEqualTo("[\"fine\"]");
        assertThat(browser.errors()).singleElement().asString().contains("factory exploded");
        browser.clearErrors();
    }
}
