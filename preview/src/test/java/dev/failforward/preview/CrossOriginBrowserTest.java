package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.failforward.preview.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static dev.failforward.preview.browser.HeadlessChromium.js;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-site request forgery in a real browser: a page on another origin ({@code http://127.0.0.1:<its port>}, a
 * second tiny server; the preview is {@code http://localhost:<port>}) fires every request a page may send without a
 * CORS preflight at the endpoints that store learnings, action items and pulse answers, and at a preview form:
 * {@code fetch(…, {mode: "no-cors", method: "POST"})} with an untyped body and with a {@code text/plain} one,
 * {@code navigator.sendBeacon} with an untyped blob, and HTML form posts ({@code text/plain} "JSON" and urlencoded).
 * Chromium's own network log shows each request reached the preview and was refused (415 on the REST APIs, 403 on the
 * form); the REST API then shows nothing was stored.
 */
class CrossOriginBrowserTest extends PreviewHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEARNING = "{\"text\":\"Stored from another site\",\"kind\":\"insight\"}";
    private static final String ACTION = "{\"description\":\"Stored from another site\",\"owner\":\"demo\","
            + "\"dueDate\":\"2026-06-30\",\"type\":\"detect\"}";
    private static final String PULSE = "{\"project\":\"GROWTH\",\"score\":1}";

    private static HeadlessChromium browser;
    private HttpServer attacker;
    private volatile String attackPage = "";

    @BeforeAll
    static void launch() throws Exception {
        browser = HeadlessChromium.launch();
        browser.recordNetwork();
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void startTheOtherSite() throws Exception {
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestURI().getPath().equals("/attack.html") ? attackPage : "").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/attack.html") ? 200 : 404,
                    body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        attacker.start();
    }

    @AfterEach
    void stopTheOtherSite() {
        browser.navigate(URI.create("about:blank"));
        attacker.stop(0);
    }

    private JsonNode jira(String path) throws Exception {
        return JSON.readTree(get("/rest/failforward/1.0/" + path).body());
    }

    /** The page of the other site: fires everything, then sets window.done. */
    private String attack(String preview) {
        String jira = preview + "/rest/failforward/1.0/";
        String confluence = preview + "/confluence/rest/failforward-confluence/1.0/";
        List<String[]> posts = List.of(
                new String[]{jira + "records/OPS-101/learnings", LEARNING},
                new String[]{jira + "records/OPS-101/actions", ACTION},
                new String[]{jira + "pulse", PULSE},
                new String[]{confluence + "records/OPS-101/learnings", LEARNING},
                new String[]{confluence + "records/OPS-101/actions", ACTION});
        StringBuilder script = new StringBuilder("window.fired = []; const sent = [];\n");
        for (String[] post : posts) {
            String url = js(post[0]);
            String body = js(post[1]);
            script.append("sent.push(fetch(").append(url).append(", {method: 'POST', mode: 'no-cors', credentials: 'include',"
                    + " body: new Blob([").append(body).append("])}).then(() => fired.push('fetch-untyped'), e => fired.push('fetch-untyped failed: ' + e)));\n");
            script.append("sent.push(fetch(").append(url).append(", {method: 'POST', mode: 'no-cors', credentials: 'include',"
                    + " body: ").append(body).append("}).then(() => fired.push('fetch-text'), e => fired.push('fetch-text failed: ' + e)));\n");
            script.append("fired.push('beacon ' + navigator.sendBeacon(").append(url).append(", new Blob([")
                    .append(body).append("])));\n");
        }
        // HTML forms: the classic "JSON in a text/plain form" trick at the REST API, and the preview's own form
        StringBuilder forms = new StringBuilder();
        int i = 0;
        for (String[] post : posts) {
            String json = post[1];
            String name = json.substring(0, json.length() - 1) + ",\"pad\":\"";
            forms.append("<iframe name=\"sink").append(i).append("\"></iframe>")
                    .append("<form method=\"post\" enctype=\"text/plain\" target=\"sink").append(i).append("\" action=\"")
                    .append(html(post[0])).append("\"><input name=\"").append(html(name)).append("\" value='\"}'></form>\n");
            i++;
        }
        forms.append("<iframe name=\"sinkform\"></iframe><form method=\"post\" target=\"sinkform\" action=\"")
                .append(html(preview + "/jira/records/OPS-101/learnings"))
                .append("\"><input name=\"text\" value=\"Stored from another site\"><input name=\"kind\" value=\"insight\">"
                        + "<input name=\"atl_token\" value=\"guessed\"></form>\n");
        script.append("let frames = 0; document.querySelectorAll('iframe').forEach(f => f.addEventListener('load', () => frames++));\n");
        script.append("document.querySelectorAll('form').forEach(f => f.submit());\n");
        script.append("Promise.all(sent).then(() => { window.fetched = true; });\n");
        script.append("window.allFramesLoaded = () => frames >= document.querySelectorAll('iframe').length;\n");
        return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>Another site</title></head><body>\n" + forms
                + "<script>\n" + script + "</script></body></html>";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    @Test
    void aPageOnAnotherOriginStoresNothing() throws Exception {
        int learnings = jira("records/OPS-101").path("learnings").size();
        int actions = jira("records/OPS-101").path("actionItems").size();
        assertThat(jira("pulse?project=GROWTH").path("answered").asBoolean()).isFalse();
        String preview = origin();
        String other = "http://127.0.0.1:" + attacker.getAddress().getPort();
        assertThat(other).isNotEqualTo(preview);
        attackPage = attack(preview);

        browser.navigate(URI.create(other + "/attack.html"));
        browser.waitFor("window.fetched && window.allFramesLoaded()", Duration.ofSeconds(20));
        // beacons are sent in the background: wait until the browser saw an answer to each
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (answered(preview) < 5 * 4 + 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        List<HeadlessChromium.Exchange> toPreview = browser.exchanges().stream()
                .filter(e -> e.url().startsWith(preview) && e.method().equals("POST")).toList();
        String log = toPreview.stream().map(e -> e.status() + " " + e.contentType() + " " + e.url())
                .collect(Collectors.joining("\n"));
        assertThat(browser.evaluate("fired").toString()).as("every script request was sent")
                .contains("fetch-untyped", "fetch-text", "beacon true").doesNotContain("failed");
        // 5 endpoints x (untyped fetch, text fetch, beacon, text/plain form) + the preview form
        assertThat(toPreview).as(log).hasSize(21);
        assertThat(toPreview).as(log).allSatisfy(e -> assertThat(e.status()).isIn(403, 415));
        assertThat(toPreview.stream().filter(e -> e.url().contains("/rest/"))).as(log).hasSize(20)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(415));
        assertThat(toPreview.stream().filter(e -> e.contentType() == null)).as("untyped fetches and beacons\n" + log)
                .hasSize(10);
        assertThat(toPreview.stream().filter(e -> String.valueOf(e.contentType()).startsWith("text/plain")))
                .as("text fetches and text/plain forms\n" + log).hasSize(10);
        assertThat(toPreview.stream().filter(e -> e.url().endsWith("/jira/records/OPS-101/learnings")))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(403));

        JsonNode record = jira("records/OPS-101");
        assertThat(record.path("learnings")).hasSize(learnings);
        assertThat(record.path("actionItems")).hasSize(actions);
        assertThat(record.toString()).doesNotContain("Stored from another site");
        assertThat(jira("pulse?project=GROWTH").path("answered").asBoolean()).as("no pulse answer").isFalse();
    }

    private static long answered(String preview) {
        return browser.exchanges().stream()
                .filter(e -> e.url().startsWith(preview) && e.method().equals("POST") && e.status() != 0).count();
    }
}
