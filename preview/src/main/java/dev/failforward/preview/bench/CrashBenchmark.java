package dev.failforward.preview.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.host.db.EmbeddedPostgres;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills the preview with {@code kill -9} while clients write, restarts it on the same data, and checks that every
 * write it acknowledged is still there under the id it was given, and that no id is handed out twice. Then stops it
 * with SIGTERM while clients write, and checks the same after that stop.
 *
 * <pre>
 *   java -cp "preview/target/fail-forward-preview.jar:preview/target/lib/*" dev.failforward.preview.bench.CrashBenchmark \
 *        [--rounds 5] [--clients 4] [--min-seconds 2] [--max-seconds 6] [--seed 11]
 *        [--postgres | --embedded-db postgres|hsqldb]
 * </pre>
 * The preview runs as a separate process ({@link PreviewProcess}) on a new embedded database (its default, or the one
 * {@code --embedded-db} names: an embedded PostgreSQL is the preview's child and dies with it), or, with
 * {@code --postgres}, on a PostgreSQL this benchmark starts and keeps running across the kills (only the preview dies). Each round: the clients add learnings and action items with unique texts to 40 records as fast as they are
 * answered; a 201 is an acknowledged write, remembered with its id. After a random time between the two bounds the
 * preview is killed; the requests in flight get no answer and are not acknowledged. The preview is started again and
 * every acknowledged write is looked up by its record: <b>lost</b> when its id is gone, <b>reused</b> when its id
 * now carries another text, or when a later 201 hands out an id already acknowledged. Exits 1 unless both are 0.
 */
public final class CrashBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JIRA = LoadBenchmark.JIRA;

    private CrashBenchmark() {
    }

    /** What one kill (or the final SIGTERM) left behind. */
    public record Round(int round, String stop, int acknowledged, long stoppedAfterMillis, long restartMillis, int lost,
                        int reused) {
    }

    /** All rounds; {@code sigterm} is how long the SIGTERM stop took, empty when it did not stop within 30 s. */
    public record Result(String database, List<Round> rounds, Optional<Duration> sigterm, List<String> problems) {

        public int acknowledged() {
            return rounds.stream().mapToInt(Round::acknowledged).sum();
        }

        public int lost() {
            return rounds.stream().mapToInt(Round::lost).sum();
        }

        public int reused() {
            return rounds.stream().mapToInt(Round::reused).sum();
        }

        public boolean passed() {
            return lost() == 0 && reused() == 0 && sigterm.isPresent() && problems.isEmpty();
        }
    }

    /** An acknowledged write: what was sent and the id the preview answered with. */
    private record Written(boolean learning, String issueKey, long id, String text) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--postgres")) {
                options.put("postgres", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("usage: [--rounds 5] [--clients 4] [--min-seconds 2] "
                        + "[--max-seconds 6] [--seed N] [--postgres | --embedded-db postgres|hsqldb]; not understood: " + args[i]);
            }
        }
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
        Duration min = Duration.ofSeconds(Long.parseLong(options.getOrDefault("min-seconds", "2")));
        Duration max = Duration.ofSeconds(Long.parseLong(options.getOrDefault("max-seconds", "6")));
        long seed = Long.parseLong(options.getOrDefault("seed", "11"));
        Path work = Files.createTempDirectory("failforward-crash");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result result;
        try {
            if (options.containsKey("postgres")) {
                try (EmbeddedPostgres pg = EmbeddedPostgres.start(work.resolve("postgres"))) {
                    pg.createDatabase("crashbench");
                    result = run(work.resolve("data"), new PreviewProcess.Database(pg.jdbcUrl("crashbench"), pg.user(),
                            pg.password()), null, rounds, clients, min, max, seed, System.err);
                }
            } else {
                result = run(work.resolve("data"), null, options.get("embedded-db"), rounds, clients, min, max, seed,
                        System.err);
            }
        } finally {
            PreviewProcess.deleteQuietly(work);
        }
        report(result, clients, System.out);
        System.exit(result.passed() ? 0 : 1);
    }

    /** Prints one line per round and the totals. */
    public static void report(Result r, int clients, PrintStream out) {
        out.printf("%nCrash benchmark on %s: %d rounds, %d writing clients%n", r.database(), r.rounds().size(), clients);
        out.println("  round  stopped by  after ms  acknowledged  lost  reused  restart ms");
        for (Round round : r.rounds()) {
            out.printf("  %5d  %-10s  %8d  %12d  %4d  %6d  %10d%n", round.round(), round.stop(),
                    round.stoppedAfterMillis(), round.acknowledged(), round.lost(), round.reused(), round.restartMillis());
        }
        out.printf("  total: %,d acknowledged writes, %d lost, %d ids reused; SIGTERM during writes stopped the preview %s%n",
                r.acknowledged(), r.lost(), r.reused(), r.sigterm().map(d -> "in " + d.toMillis() + " ms")
                        .orElse("NOT within 30 s"));
        r.problems().forEach(p -> out.println("  problem: " + p));
        out.println("  target (0 lost, 0 reused, stops on SIGTERM): " + (r.passed() ? "met" : "MISSED"));
    }

    /**
     * Runs {@code rounds} kill rounds and a final SIGTERM round against a preview on {@code data}.
     *
     * @param database a PostgreSQL that outlives the preview, or {@code null} for the embedded database in data
     * @param embedded which embedded database ({@code postgres}, {@code hsqldb}), or {@code null} for the default
     */
    public static Result run(Path data, PreviewProcess.Database database, String embedded, int rounds, int clients,
                             Duration minRun, Duration maxRun, long seed, PrintStream progress) throws InterruptedException {
        Random random = new Random(seed);
        Path log = data.resolveSibling("crash-preview.log");
        Map<String, Written> acknowledged = new ConcurrentHashMap<>();
        List<Round> done = new ArrayList<>();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        Optional<Duration> sigterm = Optional.empty();
        long startedAt = System.nanoTime();
        PreviewProcess server = PreviewProcess.start(data, database, embedded, log, List.of(), Duration.ofMinutes(3));
        String describe = server.databaseLine();
        progress.printf("crash: preview pid %d on %s, first start %d ms%n", server.pid(), describe,
                (System.nanoTime() - startedAt) / 1_000_000);
        try {
            List<String> keys = LoadBenchmark.recordKeys(server.baseUri(), Duration.ofSeconds(20));
            keys = keys.subList(0, Math.min(40, keys.size()));
            for (int round = 1; round <= rounds + 1; round++) {
                boolean last = round == rounds + 1;
                long runFor = minRun.toMillis() + (long) (random.nextDouble() * (maxRun.toMillis() - minRun.toMillis()));
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger reusedNow = new AtomicInteger();
                int before = acknowledged.size();
                List<Thread> writers = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    Writer writer = new Writer(server.baseUri(), keys, round, c, new Random(seed * 1_000 + round * 10 + c),
                            acknowledged, reusedNow, stop, problems);
                    Thread t = new Thread(writer::loop, "crash-writer-" + c);
                    t.setDaemon(true);
                    t.start();
                    writers.add(t);
                }
                Thread.sleep(runFor);
                if (last) {
                    sigterm = server.terminate(Duration.ofSeconds(30));
                    if (sigterm.isEmpty()) {
                        problems.add("the preview did not stop within 30 s of SIGTERM; killed");
                        server.kill();
                    } else if (server.exitValue() != 143 && server.exitValue() != 0) {
                        problems.add("the preview exited with " + server.exitValue() + " on SIGTERM");
                    }
                } else {
                    server.kill();
                }
                stop.set(true);
                for (Thread t : writers) {
                    t.join(60_000);
                }
                int written = acknowledged.size() - before;
                long restartStart = System.nanoTime();
                server = PreviewProcess.start(data, database, embedded, log, List.of(), Duration.ofMinutes(3));
                long restart = (System.nanoTime() - restartStart) / 1_000_000;
                int[] check = verify(server.baseUri(), acknowledged.values(), problems);
                Round r = new Round(round, last ? "SIGTERM" : "kill -9", written, runFor, restart, check[0],
                        check[1] + reusedNow.get());
                done.add(r);
                progress.printf("crash: round %d (%s after %d ms): %d acknowledged, %d lost, %d reused; restarted in %d ms%n",
                        round, r.stop(), runFor, written, r.lost(), r.reused(), restart);
            }
        } finally {
            server.terminate(Duration.ofSeconds(30));
            server.close();
        }
        return new Result(describe, done, sigterm, List.copyOf(problems));
    }

    /**
     * Looks every acknowledged write up through its record's details.
     *
     * @return {lost, reused}
     */
    private static int[] verify(URI base, java.util.Collection<Written> writes, List<String> problems) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, List<Written>> byRecord = new LinkedHashMap<>();
        writes.forEach(w -> byRecord.computeIfAbsent(w.issueKey(), k -> new ArrayList<>()).add(w));
        int lost = 0;
        int reused = 0;
        for (Map.Entry<String, List<Written>> e : byRecord.entrySet()) {
            JsonNode details;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(JIRA + "records/" + e.getKey()))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET records/" + e.getKey() + " answered " + response.statusCode()
                            + " after the restart: " + response.body());
                }
                details = JSON.readTree(response.body());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            Map<Long, String> learnings = new java.util.HashMap<>();
            details.path("learnings").forEach(l -> learnings.put(l.path("id").asLong(), l.path("text").asText()));
            Map<Long, String> actions = new java.util.HashMap<>();
            details.path("actionItems").forEach(a -> actions.put(a.path("id").asLong(), a.path("description").asText()));
            for (Written w : e.getValue()) {
                String found = (w.learning() ? learnings : actions).get(w.id());
                if (found == null) {
                    lost++;
                    if (problems.size() < 20) {
                        problems.add("lost: " + (w.learning() ? "learning " : "action item ") + w.id() + " on "
                                + w.issueKey() + " (\"" + w.text() + "\")");
                    }
                } else if (!found.equals(w.text())) {
                    reused++;
                    if (problems.size() < 20) {
                        problems.add("id " + w.id() + " now carries \"" + found + "\", acknowledged as \"" + w.text() + "\"");
                    }
                }
            }
        }
        return new int[] {lost, reused};
    }

    /** One client: adds learnings and action items until told to stop or the server is gone. */
    private static final class Writer {
        private final URI base;
        private final List<String> keys;
        private final int round;
        private final int client;
        private final Random random;
        private final Map<String, Written> acknowledged;
        private final AtomicInteger reused;
        private final AtomicBoolean stop;
        private final List<String> problems;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Writer(URI base, List<String> keys, int round, int client, Random random, Map<String, Written> acknowledged,
               AtomicInteger reused, AtomicBoolean stop, List<String> problems) {
            this.base = base;
            this.keys = keys;
            this.round = round;
            this.client = client;
            this.random = random;
            this.acknowledged = acknowledged;
            this.reused = reused;
            this.stop = stop;
            this.problems = problems;
        }

        void loop() {
            int n = 0;
            while (!stop.get()) {
                String key = keys.get(random.nextInt(keys.size()));
                boolean learning = random.nextBoolean();
                String text = "Crash round " + round + " client " + client + " write " + (++n);
                String json = learning ? "{\"text\":\"" + text + "\",\"kind\":\"insight\"}"
                        : "{\"description\":\"" + text + "\",\"owner\":\"demo\",\"dueDate\":\"2027-03-01\",\"type\":\"prevent\"}";
                HttpResponse<String> response;
                try {
                    response = http.send(HttpRequest.newBuilder(base.resolve(JIRA + "records/" + key
                                    + (learning ? "/learnings" : "/actions"))).timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    if (!stop.get()) {
                        sleepQuietly();
                    }
                    continue; // no answer: not acknowledged (the server is being killed)
                } catch (InterruptedException e) {
                    return;
                }
                if (response.statusCode() != 201) {
                    if (response.statusCode() != 503) {
                        synchronized (problems) {
                            if (problems.size() < 20) {
                                problems.add("POST " + key + " answered " + response.statusCode() + ": " + response.body());
                            }
                        }
                    }
                    continue;
                }
                long id;
                try {
                    id = JSON.readTree(response.body()).path("id").asLong();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Written previous = acknowledged.putIfAbsent((learning ? "L" : "A") + id,
                        new Written(learning, key, id, text));
                if (previous != null) {
                    reused.incrementAndGet();
                    synchronized (problems) {
                        if (problems.size() < 20) {
                            problems.add("id " + id + " handed out again for \"" + text + "\", first for \""
                                    + previous.text() + "\"");
                        }
                    }
                }
            }
        }

        private static void sleepQuietly() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
