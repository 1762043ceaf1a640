package dev.failforward.preview.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, headless, driven over the Chrome DevTools Protocol: a WebSocket to the page target
 * (JDK {@link WebSocket}) with JSON messages (Jackson). Enough for the preview's browser tests: navigate, evaluate
 * JavaScript, wait for a condition, resize the viewport, take screenshots, and collect what the page reported as an
 * error (console.error, uncaught exceptions, failed loads) so a test can assert there was none.
 * <p>
 * Each instance has its own fresh profile directory; {@link #close()} ends the browser's whole process tree and deletes
 * that directory.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final String MISSING = "headless browser tests need Debian's chromium: apt-get install -y chromium";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Null for a tab of another instance ({@link #openTab()}): the browser is its owner's. */
    private final Process process;
    private final Path directory;
    private final WebSocket socket;
    private final int port;
    /** The page target's id, for closing a tab. */
    private final String targetId;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final AtomicReference<CompletableFuture<Void>> nextLoad = new AtomicReference<>(new CompletableFuture<>());
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Exchange> exchanges = new java.util.LinkedHashMap<>();

    /** One HTTP request the page made, as the browser sent it, and the status it got (0 while none yet). */
    public record Exchange(String method, String url, String contentType, String origin, int status) {
    }

    private HeadlessChromium(Process process, Path directory, WebSocket socket, int port, String targetId) {
        this.process = process;
        this.directory = directory;
        this.socket = socket;
        this.port = port;
        this.targetId = targetId;
    }

    /** Starts chromium on about:blank; fails the test with {@link #MISSING} when chromium is not installed. */
    public static HeadlessChromium launch() throws IOException, InterruptedException {
        Path executable = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "chromium")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError(MISSING));
        Path directory = Files.createTempDirectory("ff-chromium");
        Path profile = Files.createDirectory(directory.resolve("profile"));
        Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--window-size=1280,1000", "about:blank")
                .redirectErrorStream(true).redirectOutput(directory.resolve("chromium.log").toFile()).start();
        try {
            int port = devToolsPort(process, profile.resolve("DevToolsActivePort"), directory.resolve("chromium.log"));
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body());
            JsonNode page = null;
            for (JsonNode target : targets) {
                if ("page".equals(target.path("type").asText())) {
                    page = target;
                    break;
                }
            }
            if (page == null) {
                throw new IllegalStateException("chromium has no page target: " + targets);
            }
            return connect(http, page, process, directory, port);
        } catch (Exception e) {
            destroy(process);
            deleteTree(directory);
            throw e instanceof IOException io ? io : new IOException("cannot start chromium: " + e.getMessage(), e);
        }
    }

    /**
     * A new tab of this browser on about:blank, as a person opens a second tab: the same profile, so the same cookies
     * and session. It has its own page, load events and {@link #errors()}; its {@link #close()} closes the tab only.
     */
    public HeadlessChromium openTab() {
        try {
            HttpClient http = HttpClient.newHttpClient();
            // PUT: newer Chromium refuses GET here
            JsonNode target = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/json/new?about:blank")).PUT(HttpRequest.BodyPublishers.noBody()).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            return connect(http, target, null, null, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open a tab: " + e.getMessage(), e);
        }
    }

    private static HeadlessChromium connect(HttpClient http, JsonNode page, Process process, Path directory, int port)
            throws Exception {
        Listener listener = new Listener();
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(URI.create(page.path("webSocketDebuggerUrl").asText()), listener)
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        HeadlessChromium browser = new HeadlessChromium(process, directory, socket, port, page.path("id").asText());
        listener.onMessage = browser::dispatch;
        for (String domain : List.of("Page", "Runtime", "Log")) {
            browser.send(domain + ".enable", JSON.createObjectNode());
        }
        return browser;
    }

    /** Opens the URL and waits for the page's load event. */
    public void navigate(URI url) {
        CompletableFuture<Void> loaded = expectLoad();
        JsonNode result = send("Page.navigate", JSON.createObjectNode().put("url", url.toString()));
        if (result.hasNonNull("errorText")) {
            throw new AssertionError("cannot open " + url + ": " + result.get("errorText").asText());
        }
        loaded.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** From now on, records every HTTP request the pages make and its answer's status ({@link #exchanges()}). */
    public void recordNetwork() {
        send("Network.enable", JSON.createObjectNode());
    }

    /** The requests recorded since {@link #recordNetwork()}, in the order they were sent. */
    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges.values());
    }

    /** Reloads the page and waits for its load event. */
    public void reload() {
        CompletableFuture<Void> loaded = expectLoad();
        send("Page.reload", JSON.createObjectNode().put("ignoreCache", true));
        loaded.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Runs JavaScript that leaves the page (clicks a link, submits a form) and waits for the next page's load event. */
    public void navigateBy(String javascript) {
        CompletableFuture<Void> loaded = expectLoad();
        evaluate(javascript);
        loaded.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Evaluates a JavaScript expression (awaiting a promise) and returns its value as JSON (null for undefined). */
    public JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            JsonNode details = result.get("exceptionDetails");
            throw new AssertionError("JavaScript failed: " + details.path("exception").path("description")
                    .asText(details.path("text").asText()) + "\n  in: " + expression);
        }
        return result.path("result").path("value");
    }

    /** Polls a JavaScript condition every 100 ms until it is truthy; fails after the timeout with what it waited for. */
    public void waitFor(String condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!evaluate("!!(" + condition + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for: " + condition
                        + (errors().isEmpty() ? "" : "\n  errors in the page: " + errors()));
            }
            sleep(100);
        }
    }

    /**
     * Chooses files in the file input the selector finds, as a user picking them in the file dialog would (the input's
     * {@code change} event fires).
     */
    public void setFiles(String selector, java.util.List<Path> files) {
        long root = send("DOM.getDocument", JSON.createObjectNode()).path("root").path("nodeId").asLong();
        long node = send("DOM.querySelector", JSON.createObjectNode().put("nodeId", root).put("selector", selector))
                .path("nodeId").asLong();
        if (node == 0) {
            throw new AssertionError("no element " + selector);
        }
        ObjectNode params = JSON.createObjectNode().put("nodeId", node);
        files.forEach(f -> params.withArray("files").add(f.toAbsolutePath().toString()));
        send("DOM.setFileInputFiles", params);
    }

    /** Sets the viewport (CSS pixels, scale 1), as a window of that size would have. */
    public void viewport(int width, int height) {
        send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
    }

    /** Makes this tab the one in front, as a person switching to it (a tab behind another paints no frames). */
    public void bringToFront() {
        send("Page.bringToFront", JSON.createObjectNode());
    }

    /** Writes a PNG of the whole page (beyond the viewport) to the file, creating its directories. */
    public Path screenshot(Path file) throws IOException {
        bringToFront();
        JsonNode size = send("Page.getLayoutMetrics", JSON.createObjectNode()).path("cssContentSize");
        ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0).put("scale", 1)
                .put("width", size.path("width").asDouble()).put("height", size.path("height").asDouble());
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, Base64.getDecoder().decode(send("Page.captureScreenshot", params).path("data").asText()));
    }

    /** Writes a PNG of one element (the first that {@code selector} finds, with a margin of 8 pixels) to the file. */
    public Path screenshot(Path file, String selector) throws IOException {
        bringToFront();
        JsonNode box = evaluate("(() => { const r = document.querySelector(" + js(selector) + ").getBoundingClientRect();"
                + " return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height}; })()");
        ObjectNode clip = JSON.createObjectNode().put("x", Math.max(0, box.path("x").asDouble() - 8))
                .put("y", Math.max(0, box.path("y").asDouble() - 8)).put("scale", 1)
                .put("width", box.path("width").asDouble() + 16).put("height", box.path("height").asDouble() + 16);
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, Base64.getDecoder().decode(send("Page.captureScreenshot", params).path("data").asText()));
    }

    /** What the page reported as errors so far: console.error calls, uncaught exceptions, failed loads. */
    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    public synchronized void clearErrors() {
        errors.clear();
    }

    /** A JavaScript string literal of the text, to build expressions safely. */
    public static String js(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the browser; for a tab ({@link #openTab()}), closes that tab only. */
    @Override
    public void close() {
        if (process == null) {
            try {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/json/close/" + targetId)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                // the tab goes with the browser at the latest
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                socket.abort();
            }
            return;
        }
        try {
            socket.abort();
        } finally {
            destroy(process);
            deleteTree(directory);
        }
    }

    // ---- protocol ----

    private JsonNode send(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        calls.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(message.toString(), true).join();
        JsonNode answer = reply.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (answer.has("error")) {
            throw new AssertionError(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    private CompletableFuture<Void> expectLoad() {
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        nextLoad.set(loaded);
        return loaded;
    }

    private void dispatch(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = calls.remove(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Page.loadEventFired" -> nextLoad.get().complete(null);
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(params.path("type").asText())) {
                    List<String> parts = new ArrayList<>();
                    params.path("args").forEach(arg -> parts.add(arg.has("value") ? arg.get("value").asText()
                            : arg.path("description").asText()));
                    addError("console.error: " + String.join(" ", parts));
                }
            }
            case "Network.requestWillBeSent" -> {
                JsonNode request = params.path("request");
                JsonNode headers = request.path("headers");
                recordExchange(params.path("requestId").asText(), new Exchange(request.path("method").asText(),
                        request.path("url").asText(), header(headers, "Content-Type"), header(headers, "Origin"), 0));
            }
            case "Network.responseReceived" -> recordStatus(params.path("requestId").asText(),
                    params.path("response").path("status").asInt());
            case "Runtime.exceptionThrown" -> {
                JsonNode details = params.path("exceptionDetails");
                addError("uncaught: " + details.path("exception").path("description").asText(details.path("text").asText()));
            }
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                if ("error".equals(entry.path("level").asText()) && !entry.path("url").asText().endsWith("/favicon.ico")) {
                    addError("log: " + entry.path("text").asText() + " " + entry.path("url").asText());
                }
            }
            default -> {
                // other events are not needed
            }
        }
    }

    private synchronized void recordExchange(String id, Exchange exchange) {
        exchanges.put(id + "#" + exchanges.size(), exchange);
    }

    private synchronized void recordStatus(String id, int status) {
        String key = null;
        for (String k : exchanges.keySet()) {
            if (k.startsWith(id + "#")) {
                key = k; // the last request of that id (a redirect reuses it)
            }
        }
        if (key != null) {
            Exchange e = exchanges.get(key);
            exchanges.put(key, new Exchange(e.method(), e.url(), e.contentType(), e.origin(), status));
        }
    }

    /** A request header, whatever the case of its name; null when absent. */
    private static String header(JsonNode headers, String name) {
        for (var fields = headers.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue().asText();
            }
        }
        return null;
    }

    private synchronized void addError(String error) {
        errors.add(error);
    }

    /** Collects a message's fragments and hands each complete JSON message on. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile Consumer<JsonNode> onMessage = message -> { };

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    onMessage.accept(JSON.readTree(text.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    text.setLength(0);
                }
            }
            socket.request(1);
            return null;
        }
    }

    // ---- process and files ----

    private static int devToolsPort(Process process, Path portFile, Path log) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile);
                if (lines.size() >= 2) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            if (!process.isAlive()) {
                break;
            }
            sleep(50);
        }
        throw new IOException("chromium did not open its DevTools port (exit: "
                + (process.isAlive() ? "still running" : process.exitValue()) + "); its output:\n" + Files.readString(log));
    }

    /** Ends chromium and every process it started (renderers, GPU and zygote helpers). */
    private static void destroy(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        try {
            process.waitFor(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteTree(Path directory) {
        for (int attempt = 0; attempt < 5 && Files.exists(directory); attempt++) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a helper process was still writing; try again
            }
            if (Files.exists(directory)) {
                sleep(200);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
