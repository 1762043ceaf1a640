package dev.failforward.preview.bench;

import dev.failforward.preview.PreviewHost;
import dev.failforward.preview.PreviewOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Malformed requests against both REST APIs of a running preview — the Jira plugin's {@code /rest/failforward/1.0} and
 * the Confluence plugin's {@code /confluence/rest/failforward-confluence/1.0} — from several concurrent clients, each
 * request with a timeout. What must hold: no 5xx, no request that hangs, no stack trace in any answer.
 *
 * <p>Kinds of mischief (one per request, chosen by a seeded generator, so a run is repeatable request by request):
 * wrong, missing, repeated or malformed {@code Content-Type}; broken JSON, trailing tokens and second values, duplicate
 * keys, lone surrogates (escaped, and as invalid UTF-8 bytes), control characters, deep nesting; huge and fractional
 * numbers; wrong types; dates outside 0001–9999; overlong strings (up to 1.2 M characters); bad path ids (overflowing
 * numbers, negative, not numbers, odd keys); bad query parameters; unknown and unusual methods; and, mixed in, valid
 * requests that really write, so the malformed ones meet real data.
 *
 * <pre>
 *   java -cp "preview/target/fail-forward-preview.jar:preview/target/lib/*" dev.failforward.preview.bench.FuzzBenchmark \
 *        [--requests 10000] [--clients 4] [--seed 11] [--timeout-seconds 15] [--writes mixed|refused]
 *        [--url http://localhost:8080/]
 * </pre>
 * A server may close a kept-alive connection after an answer (Jetty does after refusing a URI it cannot decode, such
 * as one with {@code %00}, without reading the body); a request already sent on it then gets no bytes back. Such a
 * request is sent once more on a new connection, as browsers do, and counted and listed as a reconnect; any other
 * I/O error is a failure.
 *
 * <p>Without {@code --url} it starts its own preview (port chosen freely, data in a temporary directory). Prints the
 * counts by status and every 5xx, hang or stack trace with the request that caused it; exits 1 when there was one.
 * {@code FuzzBenchmarkTest} runs 1,000 requests on every build.
 */
public final class FuzzBenchmark {

    static final String JIRA = "rest/failforward/1.0/";
    static final String CONFLUENCE = "confluence/rest/failforward-confluence/1.0/";

    private FuzzBenchmark() {
    }

    /**
     * Whether requests may really write. {@link #MIXED}: valid requests and harmless mischief (an unknown field, a
     * boundary date) are stored, as in real use. {@link #REFUSED}: the same requests, each changed so that Jira must
     * refuse it after all its checks ran — an action item's owner who is no user, a learning kind, check-in result or
     * pulse score that does not exist, DELETEs only of what does not exist — so nothing is ever written; Confluence's
     * proxy then passes Jira's 400 on.
     */
    public enum Writes { MIXED, REFUSED }

    /** One request as sent: method, path and query (relative to the base), headers, body (null = none). */
    public record FuzzRequest(String kind, String method, String path, Map<String, List<String>> headers, byte[] body) {

        /** For the report: the kind, the request line, the content type and the start of the body. */
        public String describe() {
            String type = headers.getOrDefault("Content-Type", List.of()).toString();
            String shown = body == null ? "(no body)" : body.length + " bytes: "
                    + escape(new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8));
            String line = path.length() > 200 ? path.substring(0, 200) + "…" : path;
            return "[" + kind + "] " + method + " /" + line + " Content-Type " + type + " " + shown;
        }
    }

    /** A finding worth reporting: the request, and the status (0 = hang / I/O error) with the start of the answer. */
    public record Finding(FuzzRequest request, int status, String answer) {
    }

    /** What a run measured. */
    public record Result(int requests, int clients, long seed, Duration elapsed, SortedMap<Integer, Integer> statuses,
                         Map<String, Integer> kinds, List<Finding> serverErrors, List<Finding> hangs,
                         List<Finding> ioErrors, List<Finding> stackTraces, List<Finding> reconnects) {

        public int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        public int serverErrorCount() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        }

        public boolean clean() {
            return serverErrors.isEmpty() && hangs.isEmpty() && ioErrors.isEmpty() && stackTraces.isEmpty();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int requests = Integer.parseInt(options.getOrDefault("requests", "10000").replace("_", "").replace(",", ""));
        int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
        long seed = Long.parseLong(options.getOrDefault("seed", "11"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "15")));
        Writes writes = Writes.valueOf(options.getOrDefault("writes", "mixed").toUpperCase(Locale.ROOT));
        Result result;
        if (options.containsKey("url")) {
            String url = options.get("url");
            result = run(URI.create(url.endsWith("/") ? url : url + "/"), requests, clients, seed, writes, timeout,
                    System.err);
        } else {
            Path data = Files.createTempDirectory("failforward-fuzz");
            try (PreviewHost host = PreviewHost.start(new PreviewOptions(0, data))) {
                result = run(host.baseUri(), requests, clients, seed, writes, timeout, System.err);
            } finally {
                deleteQuietly(data);
            }
        }
        report(result, System.out);
        System.exit(result.clean() ? 0 : 1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: [--requests N] [--clients N] [--seed N] "
                        + "[--timeout-seconds N] [--writes mixed|refused] [--url http://localhost:8080/]; not understood: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    /** Sends {@code requests} generated requests from {@code clients} threads to the preview at {@code base}. */
    public static Result run(URI base, int requests, int clients, long seed, Writes writes, Duration timeout,
                             PrintStream progress)
            throws InterruptedException {
        Targets targets = Targets.discover(base, timeout);
        HttpClient http = fresh(timeout);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
        List<Finding> serverErrors = Collections.synchronizedList(new ArrayList<>());
        List<Finding> hangs = Collections.synchronizedList(new ArrayList<>());
        List<Finding> ioErrors = Collections.synchronizedList(new ArrayList<>());
        List<Finding> stackTraces = Collections.synchronizedList(new ArrayList<>());
        List<Finding> reconnects = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                FuzzRequest previous = null;
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    FuzzRequest request = request(seed, i, targets, writes);
                    kinds.computeIfAbsent(request.kind(), k -> new LongAdder()).increment();
                    int status;
                    String answer;
                    HttpResponse<String> response = null;
                    try {
                        try {
                            response = http.send(build(base, request, timeout), HttpResponse.BodyHandlers.ofString());
                        } catch (IOException e) {
                            if (!(e instanceof HttpTimeoutException) && previous != null
                                    && String.valueOf(e.getMessage()).contains("received no bytes")) {
                                // the server closed the kept-alive connection after its previous answer, as HTTP/1.1
                                // allows; a browser would send again on a new connection, and so do we, once
                                reconnects.add(new Finding(request, 0, "after " + previous.describe()));
                                response = fresh(timeout).send(build(base, request, timeout),
                                        HttpResponse.BodyHandlers.ofString());
                            } else {
                                throw e;
                            }
                        }
                        status = response.statusCode();
                        answer = response.body();
                    } catch (HttpTimeoutException e) {
                        hangs.add(new Finding(request, 0, "no answer within " + timeout.toSeconds() + " s"));
                        status = 0;
                        answer = null;
                    } catch (IOException e) {
                        ioErrors.add(new Finding(request, 0, e + (previous == null ? ""
                                : " (this client's previous request: " + previous.describe() + ")")));
                        status = -1;
                        answer = null;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    previous = request;
                    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    if (status >= 500) {
                        serverErrors.add(new Finding(request, status, shorten(answer)));
                    }
                    if (answer != null && hasStackTrace(answer)) {
                        stackTraces.add(new Finding(request, status, shorten(answer)));
                    }
                    int finished = done.incrementAndGet();
                    if (finished % 1000 == 0) {
                        progress.printf("fuzz: %,d of %,d requests%n", finished, requests);
                    }
                }
            }));
        }
        pool.shutdown();
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a fuzz client failed", e.getCause());
            }
        }
        pool.awaitTermination(1, TimeUnit.MINUTES);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        SortedMap<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.intValue()));
        Map<String, Integer> kindCounts = new TreeMap<>();
        kinds.forEach((kind, count) -> kindCounts.put(kind, count.intValue()));
        return new Result(requests, clients, seed, elapsed, counts, kindCounts, List.copyOf(serverErrors),
                List.copyOf(hangs), List.copyOf(ioErrors), List.copyOf(stackTraces), List.copyOf(reconnects));
    }

    public static void report(Result r, PrintStream out) {
        out.printf("%nFuzz: %,d requests, %d clients, seed %d, %.1f s (%.0f requests/s)%n", r.requests(), r.clients(),
                r.seed(), r.elapsed().toMillis() / 1000.0, r.requests() / Math.max(0.001, r.elapsed().toMillis() / 1000.0));
        out.println("By status (0 = hang, -1 = I/O error):");
        r.statuses().forEach((status, count) -> out.printf("  %4d  %,7d%n", status, count));
        out.println("By kind of request:");
        r.kinds().forEach((kind, count) -> out.printf("  %-22s %,7d%n", kind, count));
        out.printf("5xx: %d   hangs: %d   I/O errors: %d   answers with a stack trace: %d%n", r.serverErrorCount(),
                r.hangs().size(), r.ioErrors().size(), r.stackTraces().size());
        for (var list : List.of(r.serverErrors(), r.hangs(), r.ioErrors(), r.stackTraces())) {
            for (Finding f : list) {
                out.printf("  %s -> %d %s%n", f.request().describe(), f.status(), f.answer());
            }
        }
        out.printf("Sent again on a new connection after the server closed a kept-alive one: %d%n", r.reconnects().size());
        for (Finding f : r.reconnects()) {
            out.printf("  %s, %s%n", f.request().describe(), f.answer());
        }
    }

    private static HttpClient fresh(Duration timeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    // ----- requests -------------------------------------------------------------------------------------------------

    /** Keys and ids that exist in the preview, so malformed requests also meet real records and items. */
    record Targets(List<String> keys, List<Long> learningIds, List<Long> actionIds) {

        static Targets discover(URI base, Duration timeout) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            List<String> keys = new ArrayList<>(List.of("OPS-101", "OPS-102", "OPS-104"));
            List<Long> learnings = new ArrayList<>();
            List<Long> actions = new ArrayList<>();
            for (String key : keys) {
                try {
                    String body = http.send(HttpRequest.newBuilder(base.resolve(JIRA + "records/" + key)).timeout(timeout)
                            .build(), HttpResponse.BodyHandlers.ofString()).body();
                    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
                    json.path("learnings").forEach(l -> learnings.add(l.path("id").asLong()));
                    json.path("actionItems").forEach(a -> actions.add(a.path("id").asLong()));
                } catch (IOException e) {
                    throw new UncheckedIOException("the preview at " + base + " does not answer", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (learnings.isEmpty()) {
                learnings.add(1L);
            }
            if (actions.isEmpty()) {
                actions.add(1L);
            }
            return new Targets(List.copyOf(keys), List.copyOf(learnings), List.copyOf(actions));
        }
    }

    private static final String[] KINDS = {"content-type", "broken-json", "trailing", "duplicate-key",
            "lone-surrogate", "huge-number", "wrong-type", "date-range", "overlong", "path-id", "query", "method",
            "deep", "control-char", "valid"};

    /** Bodies each endpoint accepts, valid. */
    private static final String LEARNING = "{\"text\":\"Fuzzed learning\",\"kind\":\"insight\"}";
    private static final String ACTION = "{\"description\":\"Fuzzed action\",\"owner\":\"demo\","
            + "\"dueDate\":\"2026-06-30\",\"type\":\"detect\"}";

    static FuzzRequest generate(Random random, Targets t) {
        String kind = KINDS[random.nextInt(KINDS.length)];
        Endpoint endpoint = Endpoint.any(random, t);
        return switch (kind) {
            case "content-type" -> {
                String[] types = {null, "*/*", "application/*", "text/plain", "text/plain;charset=UTF-8",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/xml",
                        "text/json", "application/json-patch+json", "application/json;charset=ISO-8859-1",
                        "application/json;charset=UTF-16", "application/json;;;", "json", "/", "application/",
                        "application/json, text/plain", "", " ", "application/json;charset=\"", "*/json",
                        "APPLICATION/JSON;CHARSET=UTF-8", "application/json; charset=utf-8"};
                String type = types[random.nextInt(types.length)];
                Map<String, List<String>> headers = new LinkedHashMap<>();
                if (type != null) {
                    headers.put("Content-Type", random.nextInt(8) == 0 ? List.of(type, "application/json") : List.of(type));
                }
                String method = endpoint.mutating() ? endpoint.method() : pick(random, "POST", "PUT", "PATCH", "DELETE");
                yield new FuzzRequest(kind, method, endpoint.path(), headers, bytes(endpoint.body()));
            }
            case "broken-json" -> json(kind, endpoint, broken(random, endpoint.body()));
            case "trailing" -> json(kind, endpoint, endpoint.body() + pick(random, " x", "{}", endpoint.body(), "]",
                    "\n\"tail\"", " null", "1", ",{}", " // comment", "\u0000"));
            case "duplicate-key" -> {
                // one of the body's own keys, sent again in front (same or another value), or twice in a nested object
                String body = endpoint.body();
                List<String> keys = new ArrayList<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\w+)\":").matcher(body);
                while (m.find()) {
                    keys.add(m.group(1));
                }
                String key = keys.get(random.nextInt(keys.size()));
                String value = pick(random, "\"a\"", "1", "null", "{}", "{\"x\":1,\"x\":2}");
                yield json(kind, endpoint, "{\"" + key + "\":" + value + "," + body.substring(1));
            }
            case "lone-surrogate" -> {
                if (random.nextInt(3) == 0) {
                    // raw bytes: a UTF-8 encoded surrogate (ED A0 80), which is no valid UTF-8
                    byte[] head = "{\"text\":\"a".getBytes(StandardCharsets.UTF_8);
                    byte[] tail = "b\",\"kind\":\"insight\",\"description\":\"d\"}".getBytes(StandardCharsets.UTF_8);
                    byte[] body = new byte[head.length + 3 + tail.length];
                    System.arraycopy(head, 0, body, 0, head.length);
                    body[head.length] = (byte) 0xED;
                    body[head.length + 1] = (byte) 0xA0;
                    body[head.length + 2] = (byte) 0x80;
                    System.arraycopy(tail, 0, body, head.length + 3, tail.length);
                    yield new FuzzRequest(kind, endpoint.method(), endpoint.path(), jsonType(), body);
                }
                String surrogate = pick(random, "\\ud800", "\\udfff", "\\ud83d", "x\\ude00", "\\ude00\\ud83d");
                String field = pick(random, "text", "kind", "owner", "description", "project", "unread", "te\\ud800xt");
                yield json(kind, endpoint, replaceOrAdd(endpoint.body(), field, "\"" + surrogate + "\""));
            }
            case "huge-number" -> json(kind, endpoint, replaceOrAdd(endpoint.body(),
                    pick(random, "score", "version", "minAnswers", "text", "dueDate"),
                    pick(random, "1e999999", "-1e999999", "99999999999999999999999999", "9".repeat(150), "1.5", "-0",
                            "2147483648", "-2147483649", "9223372036854775808", "0.0000001", "1E400", "-9e-999")));
            case "wrong-type" -> json(kind, endpoint, replaceOrAdd(endpoint.body(),
                    pick(random, "text", "kind", "owner", "dueDate", "type", "score", "version", "project", "description",
                            "granularity", "minAnswers", "date", "result", "pageId", "checkInDate"),
                    pick(random, "[]", "{}", "true", "42", "[\"x\"]", "{\"a\":1}", "null", "\"\"", "-1", "3.14")));
            case "date-range" -> {
                String date = pick(random, "-0001-01-01", "+10000-01-01", "0000-01-01", "+999999999-12-31",
                        "-999999999-01-01", "10000-01-01", "2026-02-30", "2026-13-01", "9999-12-31", "0001-01-01",
                        "+2026-06-30", "2026-06-30T00:00:00Z", "１２３４-01-01");
                if (random.nextBoolean()) {
                    String path = pick(random, JIRA + "records?createdFrom=", JIRA + "records?createdTo=",
                            JIRA + "learnings?from=", JIRA + "learnings?to=", JIRA + "kpis?from=", JIRA + "kpis?to=",
                            CONFLUENCE + "learnings?from=", CONFLUENCE + "learnings?to=");
                    String value = path.contains("kpis") && random.nextBoolean() ? date.substring(0, date.lastIndexOf('-'))
                            : date;
                    yield new FuzzRequest(kind, "GET", path + encode(value), Map.of(), null);
                }
                Endpoint dated = Endpoint.dated(random, t);
                yield json(kind, dated, replaceOrAdd(dated.body(), pick(random, "dueDate", "checkInDate", "date"),
                        "\"" + date + "\""));
            }
            case "overlong" -> {
                int length = pick(random, 256, 2_001, 10_001, 100_001, 1_000_001, 1_200_000);
                String text = "x".repeat(length);
                yield json(kind, endpoint, replaceOrAdd(endpoint.body(), pick(random, "text", "description", "owner",
                        "kind", "project", "note", "sourceUrl", "sourceTitle", "pageTitle", "pageId"), "\"" + text + "\""));
            }
            case "path-id" -> {
                String key = pick(random, "OPS-99999999999999999999", "OPS-0", "ops-101", "OPS-", "-1", "OPS-101%00",
                        "%2e%2e", "OPS-1%2F..", "ÖPS-1", "OPS-101 ", "A".repeat(300) + "-1", "OPS--1", "OPS-1e3",
                        "OPS-" + Long.MAX_VALUE, "OPS-9223372036854775808", t.keys().get(random.nextInt(t.keys().size())));
                String id = pick(random, "99999999999999999999", "9223372036854775807", "9223372036854775808", "-1", "0",
                        "1e3", "abc", "%20", "1.5", "0x10", String.valueOf(Integer.MAX_VALUE + 1L), "+1", "١٢", "");
                String path = pick(random, JIRA + "records/" + key, JIRA + "records/" + key + "/learnings/" + id,
                        JIRA + "records/" + key + "/actions/" + id, JIRA + "records/" + key + "/actions/" + id + "/check-in",
                        JIRA + "projects/" + key + "/export.csv", JIRA + "projects/" + key + "/export.json",
                        CONFLUENCE + "records/" + key, CONFLUENCE + "records/" + key + "/learnings",
                        CONFLUENCE + "records/" + key + "/actions");
                String method = path.endsWith("/learnings") || path.endsWith("/actions") || path.endsWith("/check-in")
                        ? "POST" : pick(random, "GET", "GET", "PUT", "DELETE");
                String body = path.endsWith("/actions") || path.contains("/actions/") ? ACTION : LEARNING;
                yield new FuzzRequest(kind, method, path, method.equals("GET") || method.equals("DELETE") ? Map.of()
                        : jsonType(), method.equals("GET") || method.equals("DELETE") ? null : bytes(body));
            }
            case "query" -> new FuzzRequest(kind, "GET", query(random), Map.of(), null);
            case "method" -> {
                String method = pick(random, "PATCH", "OPTIONS", "HEAD", "PROPFIND", "FOO", "DELETE", "PUT", "POST",
                        "MKCOL", "LOCK", "GET");
                String path = pick(random, JIRA + "records", JIRA + "pulse", JIRA + "fields", JIRA + "kpis",
                        JIRA + "hypotheses/check", JIRA + "openapi.json", JIRA + "learnings", JIRA + "nope",
                        JIRA + "pulse/settings", JIRA + "records/OPS-101", CONFLUENCE + "blameless/check",
                        CONFLUENCE + "learnings", CONFLUENCE + "records/OPS-101", JIRA, CONFLUENCE);
                boolean body = random.nextBoolean() && !method.equals("GET") && !method.equals("HEAD");
                yield new FuzzRequest(kind, method, path, body ? jsonType() : Map.of(), body ? bytes(LEARNING) : null);
            }
            case "deep" -> {
                int depth = pick(random, 33, 100, 2_000, 50_000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                yield json(kind, endpoint, replaceOrAdd(endpoint.body(), "text",
                        open.repeat(depth) + "1" + close.repeat(depth)));
            }
            case "control-char" -> json(kind, endpoint, replaceOrAdd(endpoint.body(),
                    pick(random, "text", "description", "owner", "kind", "project", "note"),
                    "\"a" + pick(random, "\\u0000", "\\u0001", "\\u001b", "\\u007f", "\\f", "\\b", "\\u2028",
                            "\\ufeff", "\\uffff") + "b\""));
            default -> json("valid", endpoint, endpoint.body());
        };
    }

    /** An endpoint that takes a JSON body, with a valid body for it; or a GET (body "{}" unused). */
    record Endpoint(String method, String path, String body) {

        boolean mutating() {
            return !method.equals("GET");
        }

        static Endpoint any(Random random, Targets t) {
            String key = t.keys().get(random.nextInt(t.keys().size()));
            long learning = t.learningIds().get(random.nextInt(t.learningIds().size()));
            long action = t.actionIds().get(random.nextInt(t.actionIds().size()));
            List<Endpoint> all = List.of(
                    new Endpoint("POST", JIRA + "records/" + key + "/learnings", LEARNING),
                    new Endpoint("PUT", JIRA + "records/" + key + "/learnings/" + learning, LEARNING),
                    new Endpoint("POST", JIRA + "records/" + key + "/actions", ACTION),
                    new Endpoint("PUT", JIRA + "records/" + key + "/actions/" + action,
                            ACTION.replace("}", ",\"version\":0}")),
                    new Endpoint("POST", JIRA + "records/" + key + "/actions/" + action + "/check-in",
                            "{\"date\":\"2026-07-15\",\"result\":\"effective\",\"note\":\"n\"}"),
                    new Endpoint("POST", JIRA + "hypotheses/check", "{\"text\":\"If we add a checklist, then fewer failures\"}"),
                    new Endpoint("POST", JIRA + "pulse", "{\"project\":\"" + FuzzBenchmark.pick(random, "OPS", "GROWTH", "CARE", "NOPE")
                            + "\",\"score\":" + (1 + random.nextInt(5)) + "}"),
                    new Endpoint("PUT", JIRA + "pulse/settings", "{\"granularity\":\"month\",\"minAnswers\":5}"),
                    new Endpoint("POST", CONFLUENCE + "records/" + key + "/learnings",
                            "{\"text\":\"Fuzzed learning\",\"kind\":\"insight\",\"pageId\":\"" + (10000 + random.nextInt(500))
                                    + "\",\"pageTitle\":\"Retro\"}"),
                    new Endpoint("POST", CONFLUENCE + "records/" + key + "/actions", ACTION),
                    new Endpoint("POST", CONFLUENCE + "blameless/check", "{\"text\":\"It was human error.\"}"));
            // valid writes are kept to the few endpoints whose writes do not pile up unboundedly in a long run
            return all.get(random.nextInt(all.size()));
        }

        static Endpoint dated(Random random, Targets t) {
            String key = t.keys().get(random.nextInt(t.keys().size()));
            long action = t.actionIds().get(random.nextInt(t.actionIds().size()));
            return FuzzBenchmark.pick(random,
                    new Endpoint("POST", JIRA + "records/" + key + "/actions", ACTION),
                    new Endpoint("PUT", JIRA + "records/" + key + "/actions/" + action, ACTION.replace("}", ",\"version\":0}")),
                    new Endpoint("POST", JIRA + "records/" + key + "/actions/" + action + "/check-in",
                            "{\"date\":\"2026-07-15\",\"result\":\"effective\"}"),
                    new Endpoint("POST", CONFLUENCE + "records/" + key + "/actions", ACTION));
        }
    }

    private static String query(Random random) {
        String value = pick(random, "-1", "0", "1e9", "99999999999999999999", "2147483648", "abc", "", " ", "%00",
                "%FF", "%ED%A0%80", "x".repeat(300), "1,2,3", "OPS,OPS,OPS", "month", "week", "quarter", "2026-13",
                "%2B10000-01", "-0001-01", "OPS&project=GROWTH", "NaN", "null", "[]", "%22%7B%7D%22", "ALL",
                "exp%C3%A9riment", "incident", "insight", "design-flaw", "created", "desc", "90d", "this-year", "12m");
        String parameter = pick(random, "project", "kind", "status", "phase", "failureType", "category", "createdFrom",
                "createdTo", "text", "sort", "order", "startAt", "maxResults", "recordKind", "learningKind", "from",
                "to", "period", "filter", "granularity", "kpi");
        String path = pick(random, JIRA + "records", JIRA + "learnings", JIRA + "kpis", JIRA + "pulse",
                JIRA + "pulse/settings", JIRA + "fields", JIRA + "openapi.json", CONFLUENCE + "learnings",
                JIRA + "records/OPS-101", CONFLUENCE + "records/OPS-101");
        StringBuilder query = new StringBuilder(path).append('?').append(parameter).append('=').append(value);
        int more = random.nextInt(4);
        for (int i = 0; i < more; i++) {
            query.append('&').append(pick(random, "project", "maxResults", "startAt", "kpi", "from", "to", "period"))
                    .append('=').append(pick(random, "OPS", "500", "-5", "1", "2026-01", "2030-01-01", "all", "x"));
        }
        if (random.nextInt(20) == 0) {
            query.append("&project=").append("P".repeat(10)).append(",".repeat(600));
        }
        return query.toString();
    }

    private static String broken(Random random, String body) {
        return switch (random.nextInt(8)) {
            case 0 -> body.substring(0, random.nextInt(body.length()));
            case 1 -> {
                char[] chars = body.toCharArray();
                for (int i = 0; i < 3; i++) {
                    String junk = "{}[]\",:\tn0 '\\";
                    chars[random.nextInt(chars.length)] = junk.charAt(random.nextInt(junk.length()));
                }
                yield new String(chars);
            }
            case 2 -> body.replace("\"", "'");
            case 3 -> body.replace(":", "=");
            case 4 -> "{" + body;
            case 5 -> body.replace("}", ",}");
            case 6 -> pick(random, "", " ", "null", "[]", "\"string\"", "42", "true", "{", "}", "NaN", "{\"a\":NaN}",
                    "/*x*/{}", "\uFEFF" + body, "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":01}");
            default -> body.replace("\"", "");
        };
    }

    /** Sets the top-level {@code field} of a flat JSON object to {@code json} (added when absent). */
    static String replaceOrAdd(String body, String field, String json) {
        String marker = "\"" + field + "\":";
        int at = body.indexOf(marker);
        if (at < 0) {
            return "{" + marker + json + (body.length() > 2 ? "," + body.substring(1) : "}");
        }
        int start = at + marker.length();
        int end = start;
        if (body.charAt(start) == '"') {
            end = body.indexOf('"', start + 1) + 1;
        } else {
            while (end < body.length() && body.charAt(end) != ',' && body.charAt(end) != '}') {
                end++;
            }
        }
        return body.substring(0, start) + json + body.substring(end);
    }

    private static FuzzRequest json(String kind, Endpoint endpoint, String body) {
        if (!endpoint.mutating()) {
            return new FuzzRequest(kind, "GET", endpoint.path(), Map.of(), null);
        }
        return new FuzzRequest(kind, endpoint.method(), endpoint.path(), jsonType(), bytes(body));
    }

    private static Map<String, List<String>> jsonType() {
        return Map.of("Content-Type", List.of("application/json"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static HttpRequest build(URI base, FuzzRequest r, Duration timeout) {
        URI uri;
        try {
            uri = base.resolve(r.path());
        } catch (IllegalArgumentException e) {
            uri = base.resolve(r.path().replace(" ", "%20").replace("|", "%7C").replace("^", "%5E"));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        r.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        builder.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        return builder.build();
    }

    private static final java.util.regex.Pattern EXCEPTION =
            java.util.regex.Pattern.compile("\\b(java|javax|jakarta|org|com|dev)\\.[\\w.$]+(Exception|Error)\\b");

    /** A Java stack trace or exception class name in an answer (never allowed, whatever the status). */
    static boolean hasStackTrace(String answer) {
        return answer.contains("\tat ") || answer.contains("at dev.failforward.") || answer.contains("at org.")
                || EXCEPTION.matcher(answer).find();
    }

    private static String shorten(String answer) {
        if (answer == null) {
            return "";
        }
        String flat = answer.replace('\n', ' ').replace('\r', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate((char) c)
                ? String.format(Locale.ROOT, "\\u%04x", c) : new String(Character.toChars(c))));
        return out.toString();
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** For tests: the generator alone, request {@code i} of a seeded run. */
    static FuzzRequest request(long seed, int i, Targets targets, Writes writes) {
        Random random = new Random(seed * 1_000_003L + i);
        FuzzRequest request = generate(random, targets);
        return writes == Writes.REFUSED ? refused(request) : request;
    }

    /** The request changed so that Jira refuses it after all its checks, whatever else is wrong with it ({@link Writes}). */
    static FuzzRequest refused(FuzzRequest r) {
        if (r.method().equals("DELETE")) {
            // a DELETE of something real would be a write: make its id name nothing
            return new FuzzRequest(r.kind(), r.method(), r.path().replaceAll("/(learnings|actions)/\\d{1,18}$",
                    "/$1/987654321"), r.headers(), r.body());
        }
        if (r.body() == null || r.method().equals("GET") || r.method().equals("HEAD")) {
            return r;
        }
        String body = new String(r.body(), StandardCharsets.ISO_8859_1); // byte for byte, invalid UTF-8 kept
        String path = r.path().replaceAll("\\?.*", "");
        String changed = body.replace("\"owner\":\"demo\"", "\"owner\":\"fuzz-nobody\"")
                .replace("\"kind\":\"insight\"", "\"kind\":\"fuzz-refused\"")
                .replace("\"result\":\"effective\"", "\"result\":\"fuzz-refused\"")
                .replaceAll("\"score\":[1-5]([,}])", "\"score\":0$1");
        if (path.endsWith("/learnings") || path.matches(".*/learnings/[^/]*")) {
            changed = changed.contains("\"kind\"") ? changed : changed.replaceFirst("^\\{", "{\"kind\":\"fuzz-refused\",");
        }
        return new FuzzRequest(r.kind(), r.method(), r.path(), r.headers(), changed.getBytes(StandardCharsets.ISO_8859_1));
    }
}
