package dev.failforward.preview.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Kills the preview with {@code kill -9} while it imports post-mortems as a background job, restarts it on the same
 * data (the job's resume check continues it), and checks that every source became exactly one issue: the job ends
 * {@code done} with every file counted once, the project holds one record per source (none twice, none missing),
 * and the same files imported again are all {@code unchanged}.
 *
 * <pre>
 *   java -cp "preview/target/fail-forward-preview.jar:preview/target/lib/*" dev.failforward.preview.bench.ImportCrashBenchmark \
 *        [--files 120] [--kills 2] [--min-seconds 2] [--max-seconds 5] [--seed 11] [--embedded-db postgres|hsqldb]
 * </pre>
 * Exits 1 unless it passed.
 */
public final class ImportCrashBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PROJECT = "CARE";

    private ImportCrashBenchmark() {
    }

    /**
     * @param records    records of this run's sources in the project after the job (one per source when it passed)
     * @param duplicates sources with more than one record
     * @param unchanged  files the re-import found unchanged
     */
    public record Result(String database, int files, int kills, String jobState, int filesDone, int records,
                         int duplicates, int unchanged, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty() && "done".equals(jobState) && filesDone == files && records == files
                    && duplicates == 0 && unchanged == files;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path data = java.nio.file.Files.createTempDirectory("ff-import-crash");
        Result result = run(data.resolve("data"), options.get("embedded-db"),
                Integer.parseInt(options.getOrDefault("files", "120")),
                Integer.parseInt(options.getOrDefault("kills", "2")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("min-seconds", "2"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("max-seconds", "5"))),
                Long.parseLong(options.getOrDefault("seed", "11")), System.out);
        System.out.println(result);
        System.out.println(result.passed() ? "PASSED" : "FAILED");
        PreviewProcess.deleteQuietly(data);
        System.exit(result.passed() ? 0 : 1);
    }

    /** Starts a background import of {@code files} post-mortems, kills the preview {@code kills} times, checks. */
    public static Result run(Path data, String embedded, int files, int kills, Duration minRun, Duration maxRun,
                             long seed, PrintStream progress) throws Exception {
        Random random = new Random(seed);
        Path log = data.resolveSibling("import-crash-preview.log");
        HttpClient http = HttpClient.newHttpClient();
        List<String> problems = new ArrayList<>();
        String prefix = "Crash import " + seed + "-";
        PreviewProcess server = PreviewProcess.start(data, null, embedded, log, List.of(), Duration.ofMinutes(3));
        String database = server.databaseLine();
        try {
            HttpResponse<String> started = post(http, server.baseUri(), batch(prefix, files, true));
            if (started.statusCode() != 202) {
                problems.add("the job was not accepted: " + started.statusCode() + " " + started.body());
                return new Result(database, files, 0, null, 0, 0, 0, 0, problems);
            }
            String status = JSON.readTree(started.body()).path("status").asText().substring(1);
            progress.printf("import crash: job %s of %d files on %s%n", status, files, database);
            for (int kill = 1; kill <= kills; kill++) {
                long runFor = minRun.toMillis() + (long) (random.nextDouble() * (maxRun.toMillis() - minRun.toMillis()));
                Thread.sleep(runFor);
                JsonNode before = JSON.readTree(get(http, server.baseUri(), status).body());
                server.kill();
                server = PreviewProcess.start(data, null, embedded, log, List.of(), Duration.ofMinutes(3));
                progress.printf("import crash: kill -9 %d after %d ms at %d of %d files; restarted%n", kill, runFor,
                        before.path("filesDone").asInt(), files);
            }
            JsonNode job = JSON.readTree(get(http, server.baseUri(), status).body());
            Instant until = Instant.now().plus(Duration.ofMinutes(6)); // the resume check runs every minute
            while (!"done".equals(job.path("state").asText()) && Instant.now().isBefore(until)) {
                Thread.sleep(1_000);
                job = JSON.readTree(get(http, server.baseUri(), status).body());
            }
            Map<String, Integer> perSource = new HashMap<>();
            for (int startAt = 0; ; startAt += 50) {
                JsonNode page = JSON.readTree(get(http, server.baseUri(), "rest/failforward/1.0/records?project="
                        + PROJECT + "&kind=incident&maxResults=50&startAt=" + startAt).body());
                page.path("records").forEach(r -> {
                    String summary = r.path("summary").asText();
                    if (summary.startsWith(prefix)) {
                        perSource.merge(summary, 1, Integer::sum);
                    }
                });
                if (page.path("records").size() < 50) {
                    break;
                }
            }
            int records = perSource.values().stream().mapToInt(Integer::intValue).sum();
            int duplicates = (int) perSource.values().stream().filter(n -> n > 1).count();
            HttpResponse<String> again = post(http, server.baseUri(), batch(prefix, files, false));
            int unchanged = again.statusCode() == 200
                    ? JSON.readTree(again.body()).path("counts").path("unchanged").asInt() : 0;
            if (again.statusCode() != 200) {
                problems.add("the re-import answered " + again.statusCode() + " " + again.body());
            }
            progress.printf("import crash: job %s, %d of %d files, %d records (%d sources twice), re-import %d"
                            + " unchanged%n", job.path("state").asText(), job.path("filesDone").asInt(), files, records,
                    duplicates, unchanged);
            return new Result(database, files, kills, job.path("state").asText(), job.path("filesDone").asInt(),
                    records, duplicates, unchanged, problems);
        } finally {
            server.terminate(Duration.ofSeconds(30));
            server.close();
        }
    }

    private static ObjectNode batch(String prefix, int files, boolean background) {
        ObjectNode body = JSON.createObjectNode().put("project", PROJECT).put("dryRun", false)
                .put("background", background);
        ArrayNode array = body.putArray("files");
        for (int i = 1; i <= files; i++) {
            array.addObject().put("name", "crash-" + i + ".md").put("content", """
                    # %s%d

                    ## Detection
                    Detected: 2026-04-%02d 08:30 UTC by the error-rate alert.

                    ## Lessons learned
                    - Retries need a budget.

                    ## Action items
                    - [ ] Add a retry budget (owner: Anna Berg, due 2026-09-01)
                    """.formatted(prefix, i, 1 + i % 27));
        }
        return body;
    }

    private static HttpResponse<String> post(HttpClient http, URI base, ObjectNode body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("rest/failforward/1.0/imports"))
                        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(1)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
