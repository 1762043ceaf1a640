package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The post-mortem import over HTTP in the preview, on the Markdown corpus the parser is tested with
 * ({@code core/src/test/resources/dev/failforward/core/importing/corpus}, broken files included): a dry run writes
 * nothing and says what it would do per file; the import creates one Incident issue per good file (its record with the
 * learnings and action items, found by the archive search) and a per-file error for each bad one; the same files again
 * change nothing; a changed file updates its issue; a zip upload does the same as the JSON one.
 */
class PostMortemImportTest extends PreviewHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final Path CORPUS = Path.of(System.getProperty("basedir", "."), "..", "core", "src", "test", "resources",
            "dev", "failforward", "core", "importing", "corpus");

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode importJson(List<Path> files, boolean dryRun) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("project", "OPS").put("dryRun", dryRun);
        ArrayNode array = body.putArray("files");
        for (Path file : files) {
            array.addObject().put("name", file.getFileName().toString())
                    .put("content", new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = post("rest/failforward/1.0/imports", "application/json",
                JSON.writeValueAsBytes(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static List<Path> corpus() throws Exception {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static Map<String, String> outcomes(JsonNode batch) {
        Map<String, String> outcomes = new TreeMap<>();
        batch.path("files").forEach(f -> outcomes.put(f.path("name").asText(), f.path("outcome").asText()));
        return outcomes;
    }

    @Test
    void theCorpusImportsOncePerFileAndAgainChangesNothing() throws Exception {
        List<Path> files = corpus();
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        int recordsBefore = JSON.readTree(get("rest/failforward/1.0/records?project=OPS&kind=incident&maxResults=1")
                .body()).path("total").asInt();

        JsonNode dry = importJson(files, true);
        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        assertThat(outcomes(dry).values()).containsOnly("create", "failed");
        assertThat(JSON.readTree(get("rest/failforward/1.0/records?project=OPS&kind=incident&maxResults=1").body())
                .path("total").asInt()).as("a dry run writes nothing").isEqualTo(recordsBefore);
        JsonNode first = dry.path("files").get(0);
        assertThat(first.path("found").get(0).path("field").asText()).isEqualTo("title");
        assertThat(first.path("found").get(0).path("from").asText()).isNotBlank();

        long t0 = System.nanoTime();
        JsonNode imported = importJson(files, false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, String> outcomes = outcomes(imported);
        long created = outcomes.values().stream().filter("created"::equals).count();
        long failed = outcomes.values().stream().filter("failed"::equals).count();
        System.out.printf("Post-mortem import in the preview: %d files, %d created, %d failed, %.1f s (%.1f files/s)%n",
                files.size(), created, failed, seconds, files.size() / seconds);
        assertThat(outcomes.values()).containsOnly("created", "failed");
        assertThat(created).isGreaterThanOrEqualTo(30);
        for (JsonNode file : imported.path("files")) {
            if (file.path("outcome").asText().equals("failed")) {
                System.out.printf("  not imported: %s: %s%n", file.path("name").asText(), file.path("error").asText());
                assertThat(file.path("error").asText()).as(file.path("name").asText()).isNotBlank();
            } else {
                assertThat(file.path("issueKey").asText()).startsWith("OPS-");
            }
        }
        assertThat(JSON.readTree(get("rest/failforward/1.0/records?project=OPS&kind=incident&maxResults=1").body())
                .path("total").asInt()).isEqualTo(recordsBefore + (int) created);

        // each imported incident walked its workflow as far as its content allows: closed when it says when it was
        // resolved and has the learnings and next steps Close asks for, otherwise stopped with what the validator said
        Map<String, Integer> statuses = new TreeMap<>();
        for (JsonNode file : imported.path("files")) {
            if (!file.path("outcome").asText().equals("created")) {
                continue;
            }
            String status = file.path("status").asText();
            statuses.merge(status, 1, Integer::sum);
            assertThat(status).as(file.path("name").asText()).isIn("reported", "analysing", "learning_review", "closed");
            if (file.hasNonNull("statusNote")) {
                System.out.printf("  %s stays %s: %s%n", file.path("name").asText(), status,
                        file.path("statusNote").asText());
                assertThat(status).as(file.path("name").asText()).isNotEqualTo("closed");
            }
            JsonNode record = JSON.readTree(get("rest/failforward/1.0/records/" + file.path("issueKey").asText())
                    .body());
            assertThat(record.path("record").path("status").asText().toLowerCase(java.util.Locale.ROOT).replace(' ', '_'))
                    .as(file.path("name").asText()).isEqualTo(status);
        }
        System.out.println("  workflow status after import: " + statuses);
        // Start analysis asks for nothing; Review learnings asks for the failure type and mode and a why, which are
        // the team's call (a post-mortem rarely states the mode): the corpus's incidents wait there, each saying why
        assertThat(statuses).containsOnlyKeys("analysing");
        for (JsonNode file : imported.path("files")) {
            if (file.path("outcome").asText().equals("created")) {
                assertThat(file.path("statusNote").asText()).as(file.path("name").asText()).contains("Failure mode");
            }
        }

        // an imported incident has its learnings and action items in the failure database
        JsonNode withLearnings = null;
        for (JsonNode file : imported.path("files")) {
            if (file.path("outcome").asText().equals("created")) {
                JsonNode record = JSON.readTree(get("rest/failforward/1.0/records/" + file.path("issueKey").asText())
                        .body());
                if (record.path("learnings").size() > 0 && record.path("actionItems").size() > 0) {
                    withLearnings = record;
                    break;
                }
            }
        }
        assertThat(withLearnings).as("an imported record with learnings and action items").isNotNull();

        // the same files again: nothing changes
        JsonNode again = importJson(files, false);
        assertThat(outcomes(again).values()).containsOnly("unchanged", "failed");
        assertThat(JSON.readTree(get("rest/failforward/1.0/records?project=OPS&kind=incident&maxResults=1").body())
                .path("total").asInt()).isEqualTo(recordsBefore + (int) created);
    }

    private JsonNode importOne(String name, String content) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("project", "OPS").put("dryRun", false);
        body.putArray("files").addObject().put("name", name).put("content", content);
        HttpResponse<String> response = post("rest/failforward/1.0/imports", "application/json",
                JSON.writeValueAsBytes(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("files").get(0);
    }

    /**
     * The point of importing the history: an imported incident is a past failure like any other — found when someone
     * reports a similar one, in the archive, and counted in the KPIs of its period.
     */
    @Test
    void importedIncidentsAreFoundAsSimilarInTheArchiveAndCountInTheKpis() throws Exception {
        JsonNode imported = importJson(List.of(CORPUS.resolve("ops-cert-expiry-numbered.md"),
                CORPUS.resolve("sre-2024-03-05-checkout-db.md"), CORPUS.resolve("aws-region-network.md")), false);
        String certificate = null;
        for (JsonNode file : imported.path("files")) {
            // created, or unchanged when the corpus test imported them first
            assertThat(file.path("outcome").asText()).as(file.toString()).isIn("created", "unchanged");
            if (file.path("name").asText().equals("ops-cert-expiry-numbered.md")) {
                certificate = file.path("issueKey").asText();
            }
        }
        assertThat(certificate).startsWith("OPS-");

        // a new report in other words finds it (the index follows the import within a second or so)
        ObjectNode similar = JSON.createObjectNode().put("text", "Clients could not reach the internal gateway: its "
                + "TLS certificate had expired overnight and nobody got the renewal reminder")
                .put("project", "OPS").put("kind", "incident").put("max", 3);
        List<String> keys = List.of();
        for (int attempt = 0; attempt < 50 && !keys.contains(certificate); attempt++) {
            HttpResponse<String> response = post("rest/failforward/1.0/similar", "application/json",
                    JSON.writeValueAsBytes(similar));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            List<String> found = new java.util.ArrayList<>();
            JSON.readTree(response.body()).path("matches").forEach(m -> found.add(m.path("key").asText()));
            keys = found;
            if (!keys.contains(certificate)) {
                Thread.sleep(200);
            }
        }
        assertThat(keys).as("similar to a new certificate-expiry report").contains(certificate);

        // its learning in the archive
        JsonNode archive = JSON.readTree(get("rest/failforward/1.0/learnings?project=OPS&text=warehouse%20called")
                .body());
        List<String> archived = new java.util.ArrayList<>();
        archive.path("items").forEach(l -> archived.add(l.path("record").path("issueKey").asText()));
        assertThat(archived).as(archive.toString()).contains(certificate);

        // and its reporting time in November 2024's KPIs: discovered 05:42, reported 06:05 UTC (0.38 h)
        JsonNode kpis = JSON.readTree(get("rest/failforward/1.0/kpis?project=OPS&granularity=month&from=2024-11"
                + "&to=2024-11&kpi=reporting_time_median").body());
        JsonNode point = kpis.path("kpis").get(0).path("points").get(0);
        assertThat(point.path("sampleSize").asLong()).as(kpis.toString()).isPositive();
        assertThat(point.path("value").isNull()).as(kpis.toString()).isFalse();
    }

    private static final String COMPLETE = """
            ---
            title: Card payments declined after the gateway certificate expired
            failure_type: complex
            category: process deviation
            %s
            detected: 2025-03-04T09:12:00Z
            reported: 2025-03-04T09:20:00Z
            resolved: 2025-03-04T11:05:00Z
            ---

            ## Summary
            The payment gateway's client certificate expired at 09:00; every card payment was declined for two hours.

            ## 5 whys
            1. Why were payments declined? Because the gateway refused our client certificate.
            2. Why did it refuse it? Because the certificate had expired.
            3. Why was it not renewed? Because the renewal reminder went to a former employee's mailbox.

            ## Lessons learned
            - Certificates need an owning team, not an owning person.
            - Expiry must be monitored like any other outage cause.
            - A declined-payments alert would have told us in minutes, not from customers.

            ## Action items
            - [ ] Move certificate reminders to the payments team's shared mailbox (owner: Bea, due 2025-03-20)
            - [ ] Alert on certificate expiry 30 days ahead (owner: Andrei, due 2025-04-01)
            """;

    @Test
    void aCompletePostMortemIsClosedAndOneThatLacksTheFailureModeGoesOnWhenItIsAdded() throws Exception {
        JsonNode lacking = importOne("gateway-certificate.md", COMPLETE.formatted(""));
        assertThat(lacking.path("outcome").asText()).as(lacking.toString()).isEqualTo("created");
        assertThat(lacking.path("status").asText()).isEqualTo("analysing");
        assertThat(lacking.path("statusNote").asText()).contains("Failure mode").doesNotContain("5 whys");

        // the team states the mode in the file and imports it again: the same issue, walked on to Closed
        JsonNode complete = importOne("gateway-certificate.md", COMPLETE.formatted("failure_mode: process"));
        assertThat(complete.path("outcome").asText()).as(complete.toString()).isEqualTo("updated");
        assertThat(complete.path("issueKey").asText()).isEqualTo(lacking.path("issueKey").asText());
        assertThat(complete.path("status").asText()).as(complete.toString()).isEqualTo("closed");
        assertThat(complete.hasNonNull("statusNote")).isFalse();
        JsonNode record = JSON.readTree(get("rest/failforward/1.0/records/" + complete.path("issueKey").asText())
                .body()).path("record");
        assertThat(record.path("status").asText()).isEqualTo("Closed");
        assertThat(record.path("failureMode").asText()).isEqualToIgnoringCase("process");

        // without a resolution time it stays open for the team to close, though nothing refuses
        JsonNode open = importOne("gateway-certificate-open.md", COMPLETE.formatted("failure_mode: process")
                .replace("resolved: 2025-03-04T11:05:00Z\n", ""));
        assertThat(open.path("status").asText()).as(open.toString()).isEqualTo("learning_review");
        assertThat(open.hasNonNull("statusNote")).isFalse();
    }

    @Test
    void aZipUploadImportsAndAChangedFileUpdatesItsIssue() throws Exception {
        Path dir = Files.createTempDirectory(data, "zip");
        Path file = dir.resolve("2026-01-12-cache-stampede.md");
        Files.writeString(file, """
                # Cache stampede took the catalogue down

                Date: 2026-01-12
                All times in UTC.

                ## Summary
                When the product cache expired at midnight, every web node rebuilt it at once and the catalogue
                database fell over.

                ## Timeline
                - 00:00 cache entries expire together
                - 00:04 alert: catalogue latency over 5 s (detected)
                - 00:09 incident declared in #ops
                - 00:51 service restored after cache warm-up by hand

                ## Lessons learned
                - Expiry times need jitter so entries do not expire together.

                ## Action items
                - [ ] Add jitter to cache expiry (owner: anna, due 2026-02-01)
                """);
        byte[] zip = zip(Map.of("postmortems/" + file.getFileName(), Files.readAllBytes(file),
                "postmortems/broken.md", new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0, 7},
                "__MACOSX/._x.md", new byte[] {1}));

        HttpResponse<String> dry = post("rest/failforward/1.0/imports/zip?project=OPS&dryRun=true", "application/zip", zip);
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(outcomes(JSON.readTree(dry.body()))).containsEntry("postmortems/2026-01-12-cache-stampede.md", "create")
                .containsEntry("postmortems/broken.md", "failed").hasSize(2);

        HttpResponse<String> done = post("rest/failforward/1.0/imports/zip?project=OPS&dryRun=false", "application/zip", zip);
        JsonNode batch = JSON.readTree(done.body());
        String key = null;
        for (JsonNode f : batch.path("files")) {
            if (f.path("outcome").asText().equals("created")) {
                key = f.path("issueKey").asText();
            }
        }
        assertThat(key).as(done.body()).isNotNull();
        JsonNode record = JSON.readTree(get("rest/failforward/1.0/records/" + key).body());
        assertThat(record.path("record").path("summary").asText()).isEqualTo("Cache stampede took the catalogue down");
        assertThat(record.path("record").path("discoveredAt").asText()).isEqualTo("2026-01-12T00:04:00Z");
        assertThat(record.path("record").path("reportedAt").asText()).isEqualTo("2026-01-12T00:09:00Z");
        assertThat(record.path("record").path("resolvedAt").asText()).isEqualTo("2026-01-12T00:51:00Z");
        assertThat(record.path("learnings").get(0).path("text").asText()).contains("jitter");
        JsonNode action = record.path("actionItems").get(0);
        assertThat(action.path("ownerKey").asText()).isEqualTo("anna");
        assertThat(action.path("dueDate").asText()).isEqualTo("2026-02-01");

        // the team adds a learning to the file and imports again: the same issue, one more learning
        Files.writeString(file, Files.readString(file).replace("## Action items",
                "- Manual warm-up is slow; script it.\n\n## Action items"));
        HttpResponse<String> again = post("rest/failforward/1.0/imports/zip?project=OPS&dryRun=false", "application/zip",
                zip(Map.of("postmortems/" + file.getFileName(), Files.readAllBytes(file))));
        JsonNode updated = JSON.readTree(again.body()).path("files").get(0);
        assertThat(updated.path("outcome").asText()).as(again.body()).isEqualTo("updated");
        assertThat(updated.path("issueKey").asText()).isEqualTo(key);
        JsonNode after = JSON.readTree(get("rest/failforward/1.0/records/" + key).body());
        assertThat(after.path("learnings")).hasSize(2);
        assertThat(after.path("actionItems")).hasSize(1);

        // a body that is no zip: 400 naming the file
        HttpResponse<String> bad = post("rest/failforward/1.0/imports/zip?project=OPS", "application/zip",
                "not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("errors").get(0).path("field").asText()).isEqualTo("file");
        // a project the user may not import into: 403 naming the project
        HttpResponse<String> hidden = post("rest/failforward/1.0/imports/zip?project=NOPE", "application/zip", zip);
        assertThat(hidden.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(hidden.body()).path("errors").get(0).path("field").asText()).isEqualTo("project");
    }

    /** The zip as a form's file, as a browser form or {@code curl -F file=@…} sends it: only with Jira's token. */
    @Test
    void aFormUploadOfAZipNeedsJirasTokenAndThenReadsLikeTheBody() throws Exception {
        Path file = CORPUS.resolve("terse-cdn-images.md");
        byte[] zip = zip(Map.of("postmortems/" + file.getFileName(), Files.readAllBytes(file)));
        String boundary = "----failforward" + System.nanoTime();
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"project\"\r\n\r\nOPS\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"postmortems.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        form.write(zip);
        form.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest.Builder request = HttpRequest.newBuilder(host.baseUri().resolve(
                "rest/failforward/1.0/imports/zip?dryRun=true")).header("Content-Type",
                "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(
                form.toByteArray()));

        HttpResponse<String> refused = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as("another site's form cannot import").isEqualTo(415);
        assertThat(JSON.readTree(refused.body()).path("errors").get(0).path("field").asText())
                .isEqualTo("Content-Type");

        HttpResponse<String> dry = CLIENT.send(request.header("X-Atlassian-Token", "no-check").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode batch = JSON.readTree(dry.body());
        assertThat(batch.path("project").asText()).isEqualTo("OPS");
        assertThat(batch.path("dryRun").asBoolean()).isTrue();
        assertThat(batch.path("files").get(0).path("name").asText()).endsWith("terse-cdn-images.md");
        assertThat(batch.path("files").get(0).path("outcome").asText()).isIn("create", "update", "unchanged");
    }

    @Test
    void anIncidentToolsCsvImportsOneIncidentPerRowWithTheMappingTheUserConfirmed() throws Exception {
        String csv = """
                Reference,Name,Severity,Created At,Acknowledged At,Resolved At,Summary,Learnings
                INC-101,Payment webhook retries flooded the queue,SEV2,2026-02-03T09:12:00Z,2026-02-03T09:20:00Z,2026-02-03T11:02:00Z,Retries had no backoff,Retries need exponential backoff
                INC-102,Search index served stale prices,SEV3,2026-02-10T14:00:00Z,2026-02-10T14:45:00Z,2026-02-10T16:30:00Z,A reindex job failed silently,Silent job failures need an alert
                """;
        ObjectNode body = JSON.createObjectNode().put("project", "OPS").put("dryRun", true);
        body.putArray("files").addObject().put("name", "incidents.csv").put("content", csv);
        JsonNode dry = JSON.readTree(post("rest/failforward/1.0/imports", "application/json",
                JSON.writeValueAsBytes(body)).body());
        assertThat(outcomes(dry)).containsEntry("incidents.csv#INC-101", "create")
                .containsEntry("incidents.csv#INC-102", "create");
        JsonNode tabular = dry.path("tabular").get(0);
        assertThat(tabular.path("headers").get(1).asText()).isEqualTo("Name");
        assertThat(tabular.path("mapping").path("title").asText()).isEqualTo("Name");
        assertThat(tabular.path("fields").toString()).contains("discoveredAt", "learnings");

        // the user confirms the mapping with "Acknowledged At" as the time of discovery
        ObjectNode mapping = (ObjectNode) tabular.path("mapping").deepCopy();
        mapping.put("discoveredAt", "Acknowledged At");
        mapping.remove("reportedAt");
        body.put("dryRun", false).set("mapping", mapping);
        JsonNode imported = JSON.readTree(post("rest/failforward/1.0/imports", "application/json",
                JSON.writeValueAsBytes(body)).body());
        assertThat(outcomes(imported).values()).as(imported.toString()).containsOnly("created");
        String key = imported.path("files").get(0).path("issueKey").asText();
        JsonNode record = JSON.readTree(get("rest/failforward/1.0/records/" + key).body());
        assertThat(record.path("record").path("summary").asText()).isEqualTo("Payment webhook retries flooded the queue");
        assertThat(record.path("record").path("discoveredAt").asText()).isEqualTo("2026-02-03T09:20:00Z");
        assertThat(record.path("record").path("resolvedAt").asText()).isEqualTo("2026-02-03T11:02:00Z");
        assertThat(record.path("learnings").get(0).path("text").asText()).isEqualTo("Retries need exponential backoff");

        // the next import of the project uses the saved mapping, and the same rows change nothing
        body.remove("mapping");
        JsonNode again = JSON.readTree(post("rest/failforward/1.0/imports", "application/json",
                JSON.writeValueAsBytes(body)).body());
        assertThat(again.path("tabular").get(0).path("mapping").path("discoveredAt").asText()).isEqualTo("Acknowledged At");
        assertThat(outcomes(again).values()).containsOnly("unchanged");

        // a mapping naming an unknown field: 400 naming the mapping
        body.set("mapping", JSON.createObjectNode().put("colour", "Name"));
        HttpResponse<String> bad = post("rest/failforward/1.0/imports", "application/json", JSON.writeValueAsBytes(body));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("errors").get(0).path("field").asText()).isEqualTo("mapping");
    }

    static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static List<String> names(JsonNode batch) {
        List<String> names = new ArrayList<>();
        batch.path("files").forEach(f -> names.add(f.path("name").asText()));
        return names;
    }
}
