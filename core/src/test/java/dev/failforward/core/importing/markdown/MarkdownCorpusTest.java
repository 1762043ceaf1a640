package dev.failforward.core.importing.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failforward.core.importing.ImportResult;
import dev.failforward.core.importing.ImportedAction;
import dev.failforward.core.importing.ImportedIncident;
import dev.failforward.core.importing.ImportedLearning;
import dev.failforward.core.record.LearningKind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parses every post-mortem of the test corpus and compares what was found with {@code expected.txt}, the true values
 * written by hand. Prints the per-field extraction rate (a value counts only when it equals the true one, and a value
 * found where the file gives none counts as wrong) and the misses, and fails when a rate drops below its floor.
 */
class MarkdownCorpusTest {

    private static final String CORPUS = "/dev/failforward/core/importing/corpus";
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final List<String> RATED = List.of("title", "discoveredAt", "reportedAt", "resolvedAt", "category",
            "learnings", "actions");

    private static final Map<String, Map<String, String>> EXPECTED = new LinkedHashMap<>();
    private static final Map<String, ImportResult> RESULTS = new LinkedHashMap<>();

    @BeforeAll
    static void parseCorpus() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(MarkdownCorpusTest.class.getResource(CORPUS)).toURI());
        readExpected(dir.resolve("expected.txt"));
        MarkdownPostMortemParser parser = new MarkdownPostMortemParser();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            RESULTS.put(name, parser.parse(name, utf8(Files.readAllBytes(file)), ZoneOffset.UTC, NOW));
        }
        RESULTS.put("huge.md", parser.parse("huge.md", huge(), ZoneOffset.UTC, NOW));
    }

    @Test
    void theCorpusHasThirtyPostMortemsAndEachHasItsTruth() {
        assertThat(RESULTS).hasSizeGreaterThanOrEqualTo(30);
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(RESULTS.keySet());
    }

    @Test
    void extractionRatesStayAboveTheirFloors() {
        Map<String, int[]> rates = new LinkedHashMap<>();
        RATED.forEach(f -> rates.put(f, new int[2]));
        List<String> misses = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : EXPECTED.entrySet()) {
            ImportResult result = RESULTS.get(e.getKey());
            if (!result.importable()) {
                continue;
            }
            for (String field : RATED) {
                String expected = e.getValue().getOrDefault(field, "");
                String actual = actual(result.incident(), field);
                int[] rate = rates.get(field);
                rate[1]++;
                if (expected.equals(actual)) {
                    rate[0]++;
                } else {
                    misses.add(e.getKey() + " " + field + ": expected [" + expected + "] got [" + actual + "]");
                }
            }
        }
        StringBuilder report = new StringBuilder("Markdown corpus extraction rates (correct / files):\n");
        rates.forEach((field, r) -> report.append(String.format("  %-13s %2d / %2d  %5.1f%%%n", field, r[0], r[1],
                100.0 * r[0] / r[1])));
        report.append("Misses:\n");
        misses.forEach(m -> report.append("  ").append(m).append('\n'));
        System.out.println(report);

        assertThat(rate(rates, "title")).as(report.toString()).isGreaterThanOrEqualTo(0.9);
        assertThat(rate(rates, "discoveredAt")).as(report.toString()).isGreaterThanOrEqualTo(0.8);
        assertThat(rate(rates, "reportedAt")).as(report.toString()).isGreaterThanOrEqualTo(0.8);
        assertThat(rate(rates, "resolvedAt")).as(report.toString()).isGreaterThanOrEqualTo(0.8);
        assertThat(rate(rates, "category")).as(report.toString()).isGreaterThanOrEqualTo(0.75);
        assertThat(rate(rates, "learnings")).as(report.toString()).isGreaterThanOrEqualTo(0.9);
        assertThat(rate(rates, "actions")).as(report.toString()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void brokenFilesGiveNoIncidentButAReason() {
        EXPECTED.forEach((file, fields) -> {
            boolean importable = !"false".equals(fields.get("importable"));
            ImportResult result = RESULTS.get(file);
            assertThat(result.importable()).as(file).isEqualTo(importable);
            if (!importable) {
                assertThat(result.problems()).as(file).isNotEmpty();
            }
        });
    }

    @Test
    void whysAndSourceKeysAreExact() {
        EXPECTED.forEach((file, fields) -> {
            ImportedIncident incident = RESULTS.get(file).incident();
            if (incident == null) {
                return;
            }
            assertThat(incident.whys()).as(file + " whys").hasSize(Integer.parseInt(fields.getOrDefault("whys", "0")));
            assertThat(incident.sourceKey()).as(file + " source key")
                    .isEqualTo(fields.getOrDefault("sourceKey", ImportedIncident.sourceKey(file)));
        });
    }

    @Test
    void everyFoundTimeSaysWhereItCameFrom() {
        RESULTS.values().stream().filter(ImportResult::importable).map(ImportResult::incident).forEach(i -> {
            assertThat(i.provenance()).containsKey(dev.failforward.core.importing.ImportField.TITLE);
            if (i.discoveredAt() != null) {
                assertThat(i.provenance()).containsKey(dev.failforward.core.importing.ImportField.DISCOVERED_AT);
            }
            if (i.resolvedAt() != null) {
                assertThat(i.provenance()).containsKey(dev.failforward.core.importing.ImportField.RESOLVED_AT);
            }
        });
    }

    private static double rate(Map<String, int[]> rates, String field) {
        int[] r = rates.get(field);
        return (double) r[0] / r[1];
    }

    static String actual(ImportedIncident incident, String field) {
        return switch (field) {
            case "title" -> incident.title();
            case "discoveredAt" -> Objects.toString(incident.discoveredAt(), "");
            case "reportedAt" -> Objects.toString(incident.reportedAt(), "");
            case "resolvedAt" -> Objects.toString(incident.resolvedAt(), "");
            case "category" -> incident.category() == null ? "" : incident.category().category().name();
            case "learnings" -> learnings(incident.learnings());
            case "actions" -> incident.actionItems().stream().map(MarkdownCorpusTest::action)
                    .collect(Collectors.joining("; "));
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static String learnings(List<ImportedLearning> learnings) {
        Map<LearningKind, Integer> counts = new EnumMap<>(LearningKind.class);
        learnings.forEach(l -> counts.merge(l.kind(), 1, Integer::sum));
        // the order of expected.txt: went well, surprise, got lucky, insight
        List<LearningKind> order = List.of(LearningKind.WENT_WELL, LearningKind.SURPRISE, LearningKind.GOT_LUCKY,
                LearningKind.INSIGHT);
        return order.stream().filter(counts::containsKey).map(k -> k.name() + " " + counts.get(k))
                .collect(Collectors.joining(", "));
    }

    private static String action(ImportedAction a) {
        return (a.owner() == null ? "-" : a.owner()) + "|" + (a.dueDate() == null ? "-" : a.dueDate()) + "|"
                + (a.done() ? "done" : "open");
    }

    private static void readExpected(Path file) throws IOException {
        Map<String, String> current = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                current = new TreeMap<>();
                EXPECTED.put(line.substring(1, line.length() - 1), current);
            } else {
                int colon = line.indexOf(':');
                Objects.requireNonNull(current).put(line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
    }

    private static String utf8(byte[] bytes) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** A 600,000-character "post-mortem": a log dump pasted under a heading. */
    private static String huge() {
        StringBuilder b = new StringBuilder("# Log dump\n\n");
        while (b.length() < 600_000) {
            b.append("2024-01-01T00:00:00Z INFO request served in 12 ms\n");
        }
        return b.toString();
    }
}
