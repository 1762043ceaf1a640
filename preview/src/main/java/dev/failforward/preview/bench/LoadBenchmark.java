package dev.failforward.preview.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.host.db.EmbeddedPostgres;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent clients doing a team's day against the preview's REST APIs, for a fixed time, each request with a
 * timeout: record searches and details, learnings archive searches (Jira's, and Confluence's proxy, which asks Jira
 * over the application link), KPI reads for one project and for all, new learnings and action items, and edits of
 * them. Prints per endpoint and in total the requests per second, p50/p95/p99/max latency, errors by status, timeouts
 * and I/O errors, and the server's threads and heap before, at peak and after.
 *
 * <pre>
 *   java -cp "preview/target/fail-forward-preview.jar:preview/target/lib/*" dev.failforward.preview.bench.LoadBenchmark \
 *        [--clients 20,50] [--seconds 60] [--warmup-seconds 10] [--timeout-seconds 10] [--seed 11]
 *        [--postgres | --embedded-db postgres|hsqldb | --url http://localhost:8080/ [--pid PID]]
 *        [--server-jvm-args "-Xmx1g"]
 * </pre>
 * Without {@code --url} it starts the preview as a separate process (as {@code java … PreviewMain}: its threads and
 * heap are then the server's alone) on a new embedded database with the demo data (the preview's default, or the one
 * {@code --embedded-db} names), or with {@code --postgres} on a new database of a PostgreSQL it starts itself
 * ({@link EmbeddedPostgres}) given to the preview as {@code --db-url}, the same demo data; one server serves every
 * client count, in order. With {@code --url} it measures a running preview and finds its process by the port (or
 * {@code --pid}) to read threads and heap. Exits 1 when a run missed the target: no timeout, no error, p95 under
 * {@value #TARGET_P95_MILLIS} ms, at least {@value #TARGET_RATE} requests/s.
 *
 * <p>Every client is a closed loop (the next request when the answer is in, no pause): N clients are N requests in
 * flight. The mix (weights out of 100): {@link Endpoint}. Writes go to records spread over the demo data, each client
 * edits only what it created (so a 409 would be a bug, not a race between clients), and written texts are unique.
 * The first {@code --warmup-seconds} are sent but not counted (the server's JIT).
 */
public final class LoadBenchmark {

    static final String JIRA = "rest/failforward/1.0/";
    static final String CONFLUENCE = "confluence/rest/failforward-confluence/1.0/";
    public static final int TARGET_P95_MILLIS = 250;
    public static final int TARGET_RATE = 200;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"checklist", "deploy", "backup", "pricing", "night", "canary", "owner",
            "dashboard", "config", "lab", "payment", "onboarding", "alert", "runbook", "handover", "zebra"};
    private static final String[] LEARNING_KINDS = {"insight", "surprise", "went_well", "got_lucky"};
    private static final String[] ACTION_TYPES = {"prevent", "mitigate", "detect", "process"};
    private static final String[] OWNERS = {"demo", "anna", "ben", "kim"};
    private static final String[] PROJECTS = {"OPS", "GROWTH", "CARE"};

    private LoadBenchmark() {
    }

    /** What a client does, with its share of the requests (out of 100). */
    public enum Endpoint {
        RECORD_SEARCH("GET records?text=", 16),
        RECORD_DETAILS("GET records/{key}", 20),
        ARCHIVE_SEARCH("GET learnings?…", 12),
        CONFLUENCE_ARCHIVE("GET confluence …/learnings?…", 8),
        KPIS_PROJECT("GET kpis?project=", 10),
        KPIS_ALL("GET kpis", 5),
        ADD_LEARNING("POST …/learnings", 11),
        ADD_ACTION("POST …/actions", 8),
        EDIT_LEARNING("PUT …/learnings/{id}", 5),
        EDIT_ACTION("PUT …/actions/{id}", 5);

        final String label;
        final int weight;

        Endpoint(String label, int weight) {
            this.label = label;
            this.weight = weight;
        }

        static Endpoint pick(Random random) {
            int n = random.nextInt(100);
            for (Endpoint e : values()) {
                n -= e.weight;
                if (n < 0) {
                    return e;
                }
            }
            throw new IllegalStateException("weights must add up to 100");
        }
    }

    /** One endpoint's (or the total's) numbers; latencies in milliseconds. */
    public record Stats(String name, int requests, double perSecond, double p50, double p95, double p99, double max,
                        SortedMap<Integer, Integer> errorsByStatus, int timeouts, int ioErrors) {

        public int errors() {
            return errorsByStatus.values().stream().mapToInt(Integer::intValue).sum() + ioErrors;
        }
    }

    /** A run: the clients, the counted time, per endpoint and total, and the server before, at peak and after. */
    public record Result(int clients, Duration measured, Map<Endpoint, Stats> endpoints, Stats total, String probe,
                         ServerProbe.Sample before, int peakThreads, ServerProbe.Sample after,
                         double serverCpuMillisPerRequest, double clientCpuMillisPerRequest, String loadAverage,
                         List<String> firstErrors) {

        public boolean meetsTarget() {
            return total.timeouts() == 0 && total.errors() == 0 && total.p95() < TARGET_P95_MILLIS
                    && total.perSecond() >= TARGET_RATE;
        }
    }

    // ----- main -----

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int[] clientCounts = Arrays.stream(options.getOrDefault("clients", "20,50").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        Duration seconds = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup-seconds", "10")));
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "10")));
        long seed = Long.parseLong(options.getOrDefault("seed", "11"));
        List<String> jvmArgs = options.containsKey("server-jvm-args")
                ? List.of(options.get("server-jvm-args").trim().split("\\s+")) : List.of();
        List<Result> results = new ArrayList<>();
        String database;
        if (options.containsKey("url")) {
            String url = options.get("url");
            URI base = URI.create(url.endsWith("/") ? url : url + "/");
            long pid = options.containsKey("pid") ? Long.parseLong(options.get("pid"))
                    : ServerProbe.pidListeningOn(base.getPort() < 0 ? 80 : base.getPort());
            ServerProbe probe = pid > 0 ? ServerProbe.process(pid) : null;
            database = "the running preview at " + base;
            for (int clients : clientCounts) {
                results.add(run(base, clients, warmup, seconds, timeout, seed, probe, System.err));
            }
        } else {
            boolean postgres = options.containsKey("postgres");
            Path work = Files.createTempDirectory("failforward-load");
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            EmbeddedPostgres pg = null;
            try {
                PreviewProcess.Database db = null;
                if (postgres) {
                    pg = EmbeddedPostgres.start(work.resolve("postgres"));
                    pg.createDatabase("loadbench");
                    db = new PreviewProcess.Database(pg.jdbcUrl("loadbench"), pg.user(), pg.password());
                }
                String embedded = options.get("embedded-db");
                database = postgres ? "a PostgreSQL 17 of its own (--db-url; fsync on), pool of 10"
                        : "the embedded " + (embedded == null ? "default" : embedded) + " database";
                try (PreviewProcess server = PreviewProcess.start(work.resolve("data"), db, embedded,
                        work.resolve("preview.log"), jvmArgs, Duration.ofMinutes(3))) {
                    database = database + " — the preview says: " + server.databaseLine();
                    System.err.println("load: preview pid " + server.pid() + " at " + server.baseUri() + " on " + database);
                    for (int clients : clientCounts) {
                        results.add(run(server.baseUri(), clients, warmup, seconds, timeout, seed,
                                ServerProbe.process(server.pid()), System.err));
                    }
                    Optional<Duration> stopped = server.terminate(Duration.ofSeconds(30));
                    System.err.println("load: preview stopped on SIGTERM " + stopped.map(d -> "in " + d.toMillis() + " ms")
                            .orElse("NOT within 30 s"));
                }
            } finally {
                if (pg != null) {
                    pg.close();
                }
                PreviewProcess.deleteQuietly(work);
            }
        }
        System.out.println();
        System.out.printf("Load benchmark on %s; %s; load average now %s%n", database,
                Runtime.getRuntime().availableProcessors() + " cores", loadAverage());
        for (Result r : results) {
            report(r, System.out);
        }
        System.exit(results.stream().allMatch(Result::meetsTarget) ? 0 : 1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--postgres")) {
                options.put("postgres", "true");
                continue;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: [--clients 20,50] [--seconds 60] [--warmup-seconds 10] "
                        + "[--timeout-seconds 10] [--seed N] [--postgres | --embedded-db postgres|hsqldb | --url URL [--pid PID]] "
                        + "[--server-jvm-args \"…\"]; not understood: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    /** {@code /proc/loadavg}'s first three numbers: how busy the machine was (other work competes for the CPU). */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    // ----- the run -----

    /**
     * Runs {@code clients} closed-loop clients against the preview at {@code base} for {@code warmup} (not counted)
     * plus {@code duration}.
     *
     * @param probe the server's threads and heap, or {@code null} when they cannot be read
     */
    public static Result run(URI base, int clients, Duration warmup, Duration duration, Duration timeout, long seed,
                             ServerProbe probe, PrintStream progress) throws InterruptedException {
        List<String> keys = recordKeys(base, timeout);
        ServerProbe.Sample before = probe == null ? null : probe.sample(true);
        progress.printf("load: %d clients, %d s (+%d s warm-up), %d records; server before: %s%n", clients,
                duration.toSeconds(), warmup.toSeconds(), keys.size(), before == null ? "?" : before.describe());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        long start = System.nanoTime();
        long countFrom = start + warmup.toNanos();
        long[] cpuAtCountFrom = {-1, -1};
        long end = countFrom + duration.toNanos();
        Map<Endpoint, Recorder> recorders = new EnumMap<>(Endpoint.class);
        for (Endpoint e : Endpoint.values()) {
            recorders.put(e, new Recorder());
        }
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger peakThreads = new AtomicInteger(probe == null ? -1 : probe.threads());
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1, r -> {
            Thread t = new Thread(r, "load-client");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(c, base, http, timeout, keys, new Random(seed * 1_000 + c), recorders,
                    firstErrors);
            workers.add(pool.submit(() -> client.loop(end, countFrom)));
        }
        pool.submit(() -> {
            try {
                Thread.sleep(Math.max(0, (countFrom - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
            cpuAtCountFrom[0] = probe == null ? -1 : probe.cpuMillis();
            cpuAtCountFrom[1] = ServerProbe.thisJvm().cpuMillis();
        });
        if (probe != null) {
            pool.submit(() -> {
                while (!stop.get()) {
                    peakThreads.accumulateAndGet(probe.threads(), Math::max);
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        long lastReport = System.nanoTime();
        for (Future<?> worker : workers) {
            while (true) {
                try {
                    worker.get(5, TimeUnit.SECONDS);
                    break;
                } catch (java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() - lastReport > 10_000_000_000L) {
                        lastReport = System.nanoTime();
                        progress.printf("load: %d clients, %.0f s, %,d requests counted%n", clients,
                                (System.nanoTime() - start) / 1e9,
                                recorders.values().stream().mapToInt(Recorder::count).sum());
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    stop.set(true);
                    pool.shutdownNow();
                    throw new IllegalStateException("a load client failed", e.getCause());
                }
            }
        }
        long serverCpu = probe == null || cpuAtCountFrom[0] < 0 ? -1 : probe.cpuMillis() - cpuAtCountFrom[0];
        long clientCpu = cpuAtCountFrom[1] < 0 ? -1 : ServerProbe.thisJvm().cpuMillis() - cpuAtCountFrom[1];
        String load = loadAverage();
        stop.set(true);
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        // the counted window: from the end of the warm-up to the last counted request's end
        double seconds = Math.max(duration.toNanos(), recorders.values().stream().mapToLong(r -> r.lastEnd).max()
                .orElse(end) - countFrom) / 1e9;
        Map<Endpoint, Stats> stats = new EnumMap<>(Endpoint.class);
        Recorder all = new Recorder();
        recorders.forEach((endpoint, recorder) -> {
            stats.put(endpoint, recorder.stats(endpoint.label, seconds));
            all.addAll(recorder);
        });
        ServerProbe.Sample after = probe == null ? null : probe.sample(true);
        Stats total = all.stats("total", seconds);
        return new Result(clients, Duration.ofNanos((long) (seconds * 1e9)), stats, total,
                probe == null ? "not read" : probe.describe(), before, peakThreads.get(), after,
                serverCpu < 0 ? -1 : (double) serverCpu / Math.max(1, total.requests()),
                clientCpu < 0 ? -1 : (double) clientCpu / Math.max(1, total.requests()), load,
                List.copyOf(firstErrors));
    }

    /** Up to 300 record keys of the demo data, newest first, from the records search. */
    static List<String> recordKeys(URI base, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        List<String> keys = new ArrayList<>();
        try {
            for (int startAt = 0; startAt < 300; startAt += 100) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve(JIRA
                        + "records?maxResults=100&startAt=" + startAt)).timeout(timeout).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("GET records answered " + page.statusCode() + ": " + page.body());
                }
                JsonNode json = JSON.readTree(page.body());
                json.path("records").forEach(r -> keys.add(r.path("issueKey").asText()));
                if (json.path("records").size() < 100) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the preview at " + base + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("the preview at " + base + " has no records to work on");
        }
        return List.copyOf(keys);
    }

    /** One closed-loop client: its own random generator, and what it created (to edit it later). */
    private static final class Client {
        private final int id;
        private final URI base;
        private final HttpClient http;
        private final Duration timeout;
        private final List<String> keys;
        private final Random random;
        private final Map<Endpoint, Recorder> recorders;
        private final List<String> firstErrors;
        /** Learnings this client created: [key, id]. */
        private final Deque<String[]> learnings = new ArrayDeque<>();
        /** Action items this client created: their last JSON answer. */
        private final Deque<JsonNode> actions = new ArrayDeque<>();
        private int written;

        Client(int id, URI base, HttpClient http, Duration timeout, List<String> keys, Random random,
               Map<Endpoint, Recorder> recorders, List<String> firstErrors) {
            this.id = id;
            this.base = base;
            this.http = http;
            this.timeout = timeout;
            this.keys = keys;
            this.random = random;
            this.recorders = recorders;
            this.firstErrors = firstErrors;
        }

        void loop(long end, long countFrom) {
            while (System.nanoTime() < end) {
                Endpoint endpoint = Endpoint.pick(random);
                if (endpoint == Endpoint.EDIT_LEARNING && learnings.isEmpty()) {
                    endpoint = Endpoint.ADD_LEARNING;
                } else if (endpoint == Endpoint.EDIT_ACTION && actions.isEmpty()) {
                    endpoint = Endpoint.ADD_ACTION;
                }
                Call call = call(endpoint);
                long sent = System.nanoTime();
                int status;
                String body = null;
                try {
                    HttpResponse<String> response = http.send(call.request(base, timeout),
                            HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    body = response.body();
                } catch (HttpTimeoutException e) {
                    status = 0;
                } catch (IOException e) {
                    status = -1;
                    body = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long received = System.nanoTime();
                if (sent >= countFrom) {
                    recorders.get(endpoint).add(received - sent, status, call.expected, received);
                }
                if (status != call.expected && firstErrors.size() < 20) {
                    firstErrors.add(call.method + " /" + call.path + " -> " + (status == 0 ? "timeout" : status) + " "
                            + (body == null ? "" : body.substring(0, Math.min(300, body.length()))));
                }
                if (status == call.expected) {
                    remember(endpoint, call, body);
                }
            }
        }

        private record Call(String method, String path, String json, int expected) {
            HttpRequest request(URI base, Duration timeout) {
                HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
                if (json == null) {
                    return b.GET().build();
                }
                return b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
            }
        }

        private Call call(Endpoint endpoint) {
            String word = WORDS[random.nextInt(WORDS.length)];
            String key = keys.get(random.nextInt(keys.size()));
            String project = PROJECTS[random.nextInt(PROJECTS.length)];
            return switch (endpoint) {
                case RECORD_SEARCH -> get(JIRA + "records?text=" + word
                        + (random.nextBoolean() ? "&project=" + project : "") + "&maxResults=20");
                case RECORD_DETAILS -> get(JIRA + "records/" + key);
                case ARCHIVE_SEARCH -> get(JIRA + "learnings?" + switch (random.nextInt(4)) {
                    case 0 -> "text=" + word + "&maxResults=20";
                    case 1 -> "project=" + project + "&learningKind=insight&maxResults=20";
                    case 2 -> "recordKind=incident&failureType=complex&maxResults=20";
                    default -> "maxResults=20";
                });
                case CONFLUENCE_ARCHIVE -> get(CONFLUENCE + "learnings?" + (random.nextBoolean()
                        ? "text=" + word + "&period=90d&maxResults=10" : "project=" + project + "&maxResults=10"));
                case KPIS_PROJECT -> get(JIRA + "kpis?project=" + project);
                case KPIS_ALL -> get(JIRA + "kpis");
                case ADD_LEARNING -> new Call("POST", JIRA + "records/" + key + "/learnings", learningJson(), 201);
                case ADD_ACTION -> new Call("POST", JIRA + "records/" + key + "/actions", actionJson(null), 201);
                case EDIT_LEARNING -> {
                    String[] learning = pickRecent(learnings);
                    yield new Call("PUT", JIRA + "records/" + learning[0] + "/learnings/" + learning[1],
                            learningJson(), 200);
                }
                case EDIT_ACTION -> {
                    JsonNode action = pickRecent(actions);
                    yield new Call("PUT", JIRA + "records/" + action.path("issueKey").asText() + "/actions/"
                            + action.path("id").asLong(), actionJson(action), 200);
                }
            };
        }

        private <T> T pickRecent(Deque<T> items) {
            // the newest of the client's items, or now and then an older one
            T item = random.nextInt(4) == 0 ? items.peekLast() : items.peekFirst();
            return item;
        }

        private static Call get(String path) {
            return new Call("GET", path, null, 200);
        }

        private String learningJson() {
            return "{\"text\":\"Load client " + id + " note " + (++written) + ": the "
                    + WORDS[random.nextInt(WORDS.length)] + " needed an owner\",\"kind\":\""
                    + LEARNING_KINDS[random.nextInt(LEARNING_KINDS.length)] + "\"}";
        }

        private String actionJson(JsonNode existing) {
            String due = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(700)).toString();
            String json = "{\"description\":\"Load client " + id + " step " + (++written) + ": review the "
                    + WORDS[random.nextInt(WORDS.length)] + "\",\"owner\":\"" + OWNERS[random.nextInt(OWNERS.length)]
                    + "\",\"dueDate\":\"" + due + "\",\"type\":\"" + ACTION_TYPES[random.nextInt(ACTION_TYPES.length)]
                    + "\"";
            if (existing != null) {
                json += ",\"status\":\"open\",\"version\":" + existing.path("version").asLong();
            }
            return json + "}";
        }

        private void remember(Endpoint endpoint, Call call, String body) {
            try {
                switch (endpoint) {
                    case ADD_LEARNING -> {
                        JsonNode json = JSON.readTree(body);
                        learnings.addFirst(new String[] {json.path("issueKey").asText(), json.path("id").asText()});
                        if (learnings.size() > 20) {
                            learnings.removeLast();
                        }
                    }
                    case ADD_ACTION -> {
                        actions.addFirst(JSON.readTree(body));
                        if (actions.size() > 20) {
                            actions.removeLast();
                        }
                    }
                    case EDIT_ACTION -> {
                        JsonNode json = JSON.readTree(body);
                        actions.removeIf(a -> a.path("id").asLong() == json.path("id").asLong());
                        actions.addFirst(json);
                    }
                    default -> {
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON from " + call.path + ": " + body, e);
            }
        }
    }

    /** Latencies and outcomes of one endpoint (thread-safe). */
    private static final class Recorder {
        private long[] latencies = new long[1024];
        private int count;
        private final SortedMap<Integer, Integer> errors = new TreeMap<>();
        private int timeouts;
        private int ioErrors;
        private long lastEnd;

        synchronized void add(long nanos, int status, int expected, long endedAt) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            lastEnd = Math.max(lastEnd, endedAt);
            if (status == 0) {
                timeouts++;
            } else if (status < 0) {
                ioErrors++;
            } else if (status != expected) {
                errors.merge(status, 1, Integer::sum);
            }
        }

        synchronized void addAll(Recorder other) {
            synchronized (other) {
                for (int i = 0; i < other.count; i++) {
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = other.latencies[i];
                }
                other.errors.forEach((status, n) -> errors.merge(status, n, Integer::sum));
                timeouts += other.timeouts;
                ioErrors += other.ioErrors;
                lastEnd = Math.max(lastEnd, other.lastEnd);
            }
        }

        synchronized int count() {
            return count;
        }

        synchronized Stats stats(String name, double seconds) {
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return new Stats(name, count, count / seconds, percentile(sorted, 50), percentile(sorted, 95),
                    percentile(sorted, 99), count == 0 ? 0 : sorted[count - 1] / 1e6, new TreeMap<>(errors), timeouts,
                    ioErrors);
        }

        private static double percentile(long[] sorted, int p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    // ----- report -----

    public static void report(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "%n%d clients, %.1f s counted:%n", r.clients(), r.measured().toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  %-30s %8s %8s %8s %8s %8s %8s  %s%n", "endpoint", "requests", "req/s", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "errors / timeouts");
        for (Stats s : r.endpoints().values()) {
            line(s, out);
        }
        line(r.total(), out);
        out.printf(Locale.ROOT, "  server (%s): before %s; peak %d threads; after %s%n", r.probe(),
                r.before() == null ? "?" : r.before().describe(), r.peakThreads(),
                r.after() == null ? "?" : r.after().describe());
        out.printf(Locale.ROOT, "  CPU per request: server %.2f ms, benchmark clients %.2f ms; load average at the end %s%n",
                r.serverCpuMillisPerRequest(), r.clientCpuMillisPerRequest(), r.loadAverage());
        out.printf(Locale.ROOT, "  target (0 timeouts, 0 errors, p95 < %d ms, >= %d requests/s): %s%n",
                TARGET_P95_MILLIS, TARGET_RATE, r.meetsTarget() ? "met" : "MISSED");
        for (String e : r.firstErrors()) {
            out.println("    " + e);
        }
    }

    private static void line(Stats s, PrintStream out) {
        String errors = s.errorsByStatus().isEmpty() && s.ioErrors() == 0 ? "0" : s.errorsByStatus().entrySet().stream()
                .map(e -> e.getValue() + " x " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse("")
                + (s.ioErrors() > 0 ? " " + s.ioErrors() + " x I/O" : "");
        out.printf(Locale.ROOT, "  %-30s %8d %8.1f %8.1f %8.1f %8.1f %8.1f  %s / %d%n", s.name(), s.requests(),
                s.perSecond(), s.p50(), s.p95(), s.p99(), s.max(), errors, s.timeouts());
    }
}
