package dev.failforward.preview.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.preview.PreviewHost;
import dev.failforward.preview.PreviewOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The post-mortem import's rate (issue 15): N Markdown post-mortems made from the test corpus (each file again under
 * its own name, so each is a new source), imported into a preview (embedded database, as started by the README's
 * first command) through {@code POST /rest/failforward/1.0/imports} in parts of 25 files as the import page sends them;
 * then the same files again (every one unchanged). Prints files/s for both and what was created or refused.
 *
 * <pre>
 * mvn -B -ntp -o -q -pl preview -am package -DskipTests -DskipITs
 * java -Xmx2g -cp "preview/target/fail-forward-preview.jar:preview/target/lib/*" \
 *     dev.failforward.preview.bench.ImportBenchmark 1000 core/src/test/resources/dev/failforward/core/importing/corpus
 * </pre>
 */
public final class ImportBenchmark {

    static final int PART = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one pass did. */
    public record Pass(int files, int created, int unchanged, int failed, double seconds) {
        public double filesPerSecond() {
            return files / seconds;
        }
    }

    public record Result(Pass first, Pass again) {
    }

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 1_000;
        Path corpus = Path.of(args.length > 1 ? args[1]
                : "core/src/test/resources/dev/failforward/core/importing/corpus");
        Path data = Files.createTempDirectory("failforward-import-bench");
        Result result = run(n, corpus, data, System.err);
        System.out.printf("%nimport of %,d post-mortems (parts of %d files over HTTP, one preview, embedded database)%n",
                n, PART);
        print("first import", result.first());
        print("same files again", result.again());
    }

    private static void print(String what, Pass pass) {
        System.out.printf("  %-18s %6.1f files/s  (%,d files in %.1f s: %,d created, %,d unchanged, %,d refused)%n",
                what, pass.filesPerSecond(), pass.files(), pass.seconds(), pass.created(), pass.unchanged(),
                pass.failed());
    }

    /** Imports N files made from the corpus into a preview started in {@code data}, twice. */
    public static Result run(int n, Path corpus, Path data, PrintStream progress) throws Exception {
        List<String[]> files = files(n, corpus);
        try (PreviewHost host = PreviewHost.start(new PreviewOptions(0, data))) {
            HttpClient http = HttpClient.newHttpClient();
            URI imports = host.baseUri().resolve("rest/failforward/1.0/imports");
            Pass first = pass(http, imports, files, progress);
            Pass again = pass(http, imports, files, progress);
            return new Result(first, again);
        }
    }

    private static Pass pass(HttpClient http, URI imports, List<String[]> files, PrintStream progress)
            throws IOException, InterruptedException {
        int created = 0;
        int unchanged = 0;
        int failed = 0;
        long t0 = System.nanoTime();
        for (int from = 0; from < files.size(); from += PART) {
            ObjectNode body = JSON.createObjectNode().put("project", "OPS").put("dryRun", false);
            ArrayNode array = body.putArray("files");
            for (String[] file : files.subList(from, Math.min(files.size(), from + PART))) {
                array.addObject().put("name", file[0]).put("content", file[1]);
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(imports)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
            }
            for (JsonNode file : JSON.readTree(response.body()).path("files")) {
                switch (file.path("outcome").asText()) {
                    case "created", "updated" -> created++;
                    case "unchanged" -> unchanged++;
                    default -> failed++;
                }
            }
            if ((from / PART) % 8 == 0) {
                progress.printf("imported %,d of %,d%n", Math.min(files.size(), from + PART), files.size());
            }
        }
        return new Pass(files.size(), created, unchanged, failed, (System.nanoTime() - t0) / 1e9);
    }

    /** N {name, content}: the corpus's Markdown files in turn, each under a new name (a new source key). */
    static List<String[]> files(int n, Path corpus) throws IOException {
        List<String[]> sources = new ArrayList<>();
        try (Stream<Path> list = Files.list(corpus)) {
            for (Path file : list.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                // a file with front matter may name its own id, which is its source key whatever its name: left out, so
                // that each copy is a new source
                if (!content.startsWith("---")) {
                    sources.add(new String[] {file.getFileName().toString(), content});
                }
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no Markdown post-mortems in " + corpus);
        }
        List<String[]> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] source = sources.get(i % sources.size());
            files.add(new String[] {"bench-" + i + "-" + source[0], source[1]});
        }
        return files;
    }
}
