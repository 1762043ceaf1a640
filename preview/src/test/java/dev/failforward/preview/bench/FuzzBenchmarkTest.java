package dev.failforward.preview.bench;

import dev.failforward.preview.PreviewHost;
import dev.failforward.preview.PreviewOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz benchmark on every build, against a running preview: 1,000 seeded malformed requests across both REST APIs
 * from 4 concurrent clients, then 500 with real writes mixed in from one client. No 5xx, no hang, no dropped
 * connection, no stack trace; and the refusals the rules promise (400, 404, 405, 415) all occur.
 *
 * <p>The concurrent run mixes real writes in ({@link FuzzBenchmark.Writes#MIXED}): writers no longer wait for each
 * other (the KPI roll-ups follow from the change log off the request path, and the embedded database refuses a
 * conflicting write at once instead of waiting), so four clients writing at once must get no 5xx either.
 */
class FuzzBenchmarkTest {

    static final FuzzBenchmark.Writes CONCURRENT_WRITES = FuzzBenchmark.Writes.MIXED;

    private static String printed(FuzzBenchmark.Result result) {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        FuzzBenchmark.report(result, new PrintStream(report, true, StandardCharsets.UTF_8));
        return report.toString(StandardCharsets.UTF_8);
    }

    private static void assertClean(FuzzBenchmark.Result result, int requests) {
        String printed = printed(result);
        assertThat(result.serverErrors()).as(printed).isEmpty();
        assertThat(result.serverErrorCount()).as(printed).isZero();
        assertThat(result.hangs()).as(printed).isEmpty();
        assertThat(result.ioErrors()).as(printed).isEmpty();
        assertThat(result.stackTraces()).as(printed).isEmpty();
        assertThat(result.statuses().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(requests);
        for (int status : List.of(400, 404, 405, 415)) {
            assertThat(result.count(status)).as(status + " in\n" + printed).isPositive();
        }
        assertThat(result.kinds()).containsKeys("content-type", "broken-json", "trailing", "duplicate-key",
                "lone-surrogate", "huge-number", "wrong-type", "date-range", "overlong", "path-id", "query", "method",
                "deep", "control-char", "valid");
        assertThat(printed).contains("5xx: 0   hangs: 0   I/O errors: 0   answers with a stack trace: 0");
        assertThat(result.reconnects()).as("connections the server dropped after an answer, in\n" + printed)
                .hasSizeLessThan(requests / 100);
    }

    @Test
    void malformedRequestsFromFourClientsGetNo5xxNoHangAndNoStackTrace(@TempDir Path data) throws Exception {
        FuzzBenchmark.Result concurrent;
        FuzzBenchmark.Result writing;
        try (PreviewHost host = PreviewHost.start(new PreviewOptions(0, data))) {
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            concurrent = FuzzBenchmark.run(host.baseUri(), 1_000, 4, 20_261_121L, CONCURRENT_WRITES,
                    Duration.ofSeconds(20), quiet);
            writing = FuzzBenchmark.run(host.baseUri(), 500, 1, 7L, FuzzBenchmark.Writes.MIXED, Duration.ofSeconds(20),
                    quiet);
        }
        assertClean(concurrent, 1_000);
        assertThat(printed(concurrent)).contains("Fuzz: 1,000 requests, 4 clients, seed 20261121");
        if (CONCURRENT_WRITES == FuzzBenchmark.Writes.REFUSED) {
            assertThat(concurrent.count(201) + concurrent.count(204)).as("nothing was written").isZero();
        }
        assertClean(writing, 500);
        assertThat(writing.count(201)).as("valid writes were stored").isPositive();
    }

    @Test
    void theGeneratorIsRepeatableRequestByRequest() {
        FuzzBenchmark.Targets targets = new FuzzBenchmark.Targets(List.of("OPS-101"), List.of(1L), List.of(2L));
        for (int i = 0; i < 200; i++) {
            FuzzBenchmark.FuzzRequest a = FuzzBenchmark.request(7, i, targets, FuzzBenchmark.Writes.MIXED);
            FuzzBenchmark.FuzzRequest b = FuzzBenchmark.request(7, i, targets, FuzzBenchmark.Writes.MIXED);
            assertThat(a.describe()).isEqualTo(b.describe());
            assertThat(a.body()).isEqualTo(b.body());
        }
    }

    @Test
    void refusedModeMakesEveryWriteOneJiraMustRefuse() {
        FuzzBenchmark.FuzzRequest learning = new FuzzBenchmark.FuzzRequest("valid", "POST",
                "rest/failforward/1.0/records/OPS-101/learnings", java.util.Map.of(),
                "{\"text\":\"t\",\"kind\":\"insight\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(FuzzBenchmark.refused(learning).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"text\":\"t\",\"kind\":\"fuzz-refused\"}");
        FuzzBenchmark.FuzzRequest action = new FuzzBenchmark.FuzzRequest("valid", "POST",
                "confluence/rest/failforward-confluence/1.0/records/OPS-101/actions", java.util.Map.of(),
                "{\"description\":\"d\",\"owner\":\"demo\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(FuzzBenchmark.refused(action).body(), StandardCharsets.UTF_8)).contains("\"owner\":\"fuzz-nobody\"");
        FuzzBenchmark.FuzzRequest pulse = new FuzzBenchmark.FuzzRequest("valid", "POST", "rest/failforward/1.0/pulse",
                java.util.Map.of(), "{\"project\":\"OPS\",\"score\":4}".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(FuzzBenchmark.refused(pulse).body(), StandardCharsets.UTF_8)).isEqualTo("{\"project\":\"OPS\",\"score\":0}");
        FuzzBenchmark.FuzzRequest delete = new FuzzBenchmark.FuzzRequest("path-id", "DELETE",
                "rest/failforward/1.0/records/OPS-101/learnings/5", java.util.Map.of(), null);
        assertThat(FuzzBenchmark.refused(delete).path()).isEqualTo("rest/failforward/1.0/records/OPS-101/learnings/987654321");
        byte[] invalidUtf8 = {'{', '"', 'k', 'i', 'n', 'd', '"', ':', '"', 'i', 'n', 's', 'i', 'g', 'h', 't', '"', ',',
                '"', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        byte[] kept = FuzzBenchmark.refused(new FuzzBenchmark.FuzzRequest("lone-surrogate", "POST",
                "rest/failforward/1.0/records/OPS-101/learnings", java.util.Map.of(), invalidUtf8)).body();
        assertThat(kept).endsWith((byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) '"', (byte) '}');
    }

    @Test
    void replaceOrAddSetsATopLevelField() {
        assertThat(FuzzBenchmark.replaceOrAdd("{\"text\":\"x\",\"kind\":\"insight\"}", "kind", "42"))
                .isEqualTo("{\"text\":\"x\",\"kind\":42}");
        assertThat(FuzzBenchmark.replaceOrAdd("{\"score\":4}", "score", "\"a\"")).isEqualTo("{\"score\":\"a\"}");
        assertThat(FuzzBenchmark.replaceOrAdd("{\"text\":\"x\"}", "owner", "[]")).isEqualTo("{\"owner\":[],\"text\":\"x\"}");
    }
}
