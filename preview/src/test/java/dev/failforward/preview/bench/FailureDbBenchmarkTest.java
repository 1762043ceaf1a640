package dev.failforward.preview.bench;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.preview.bench.FailureDbBenchmark.Data;
import dev.failforward.preview.bench.FailureDbBenchmark.Options;
import dev.failforward.preview.bench.FailureDbBenchmark.PhaseResult;
import dev.failforward.preview.bench.FailureDbBenchmark.QueryResult;
import dev.failforward.preview.bench.FailureDbBenchmark.SizeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Keeps the benchmark from rotting: its core at N = 200 with few iterations, checked for shape and counts. */
class FailureDbBenchmarkTest {

    private static final int N = 200;

    @Test
    void measuresEveryPhaseAndQueryAndFindsTheGeneratedCounts(@TempDir Path dir) {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        SizeResult result = FailureDbBenchmark.run(N, dir, 1, 2, 1, new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(result.records()).isEqualTo(N);
        assertThat(result.projection()).extracting(PhaseResult::records).containsExactly(N, N / 10, N / 10);
        // by default every upsert is its own transaction, as the projection and its backfill write
        assertThat(result.projection()).extracting(PhaseResult::how).containsOnly("one per transaction");
        assertThat(result.projection()).allSatisfy(phase -> {
            assertThat(phase.nanos()).isPositive();
            assertThat(phase.recordsPerSecond()).isPositive();
        });
        // inserts and unchanged re-upserts keep version 0; each changed record is stored once more
        assertThat(result.projection()).extracting(PhaseResult::versionsBumped).containsExactly(0, 0, N / 10);

        assertThat(result.queries()).hasSize(8);
        assertThat(result.queries()).allSatisfy(query -> {
            assertThat(query.runs()).isEqualTo(2);
            assertThat(query.p50Millis()).isNotNegative().isLessThanOrEqualTo(query.p95Millis());
            assertThat(query.p95Millis()).isLessThanOrEqualTo(query.maxMillis());
            assertThat(query.matched()).isNotNegative();
            assertThat(query.returned()).isNotNegative();
            assertThat(query.matchesExpected()).as(query.name() + " matched " + query.matched() + "/" + query.returned()
                    + ", generated " + query.expectedMatched() + "/" + query.expectedReturned()).isTrue();
        });
        // the queries are not trivially empty: all but the ~0% text find something, and the pages hold rows
        assertThat(result.queries()).filteredOn(q -> !q.name().contains("~0%")).allSatisfy(q ->
                assertThat(q.matched()).isPositive());
        assertThat(result.queries()).filteredOn(q -> q.name().contains("~0%")).singleElement()
                .extracting(QueryResult::matched).isEqualTo(0);
        assertThat(result.queries().get(0).returned()).isEqualTo(50);
        assertThat(result.queries().get(1).name()).contains("deep page @");
        assertThat(result.queries().get(1).returned()).isPositive();

        assertThat(result.heapUsedBytes()).isPositive();
        assertThat(result.databaseBytes()).isPositive();
        assertThat(Files.exists(dir.resolve("db"))).as("HSQLDB's files, unless on PostgreSQL")
                .isEqualTo(!dev.failforward.host.db.TestDatabases.onPostgres());

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FailureDbBenchmark.print(new PrintStream(printed, true, StandardCharsets.UTF_8), result);
        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("N = 200 records", "insert (new issues)", "re-upsert changed (10%)",
                "OPS list, created desc, page 1", "count only: running experiments").doesNotContain("! expected");
    }

    @Test
    void generatedDataIsRealisticAndRepeatable() {
        Data data = new Data(1_000);
        Set<String> projects = new HashSet<>();
        Set<RecordKind> kinds = new HashSet<>();
        int withLabels = 0;
        for (int i = 0; i < 1_000; i++) {
            FailureRecord r = data.record(i, 0);
            projects.add(r.projectKey());
            kinds.add(r.kind());
            withLabels += r.labels().isEmpty() ? 0 : 1;
            assertThat(r.createdAt()).isBetween(Data.NOW.minus(Data.SPAN), Data.NOW);
        }
        assertThat(projects).containsExactlyInAnyOrder("OPS", "GROWTH", "CARE");
        assertThat(kinds).containsExactlyInAnyOrder(RecordKind.EXPERIMENT, RecordKind.INCIDENT);
        assertThat(withLabels).isBetween(600, 950);
        assertThat(data.record(42, 0)).isEqualTo(new Data(1_000).record(42, 0));
        assertThat(data.record(47, 1)).isNotEqualTo(data.record(47, 0));
        assertThat(data.record(0, 0).createdAt()).isBefore(data.record(999, 0).createdAt());
    }

    @Test
    void readsTheCommandLine(@TempDir Path dir) {
        assertThat(Options.parse(List.of())).isEqualTo(new Options(List.of(10_000, 100_000), null, 5, 30, 1));
        assertThat(Options.parse(List.of("--records", "10k,2_000", "--data=" + dir, "--iterations", "3", "--batch=200")))
                .isEqualTo(new Options(List.of(10_000, 2_000), dir, 5, 3, 200));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--records", "many")))
                .withMessage("--records must be a number: many");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--data")))
                .withMessage("--data needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--fast")))
                .withMessage("unknown option: --fast");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--records", "5")))
                .withMessage("--records needs sizes of at least 10: [5]");
    }

    @Test
    void percentileIsNearestRank() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(FailureDbBenchmark.percentile(sorted, 50)).isEqualTo(5);
        assertThat(FailureDbBenchmark.percentile(sorted, 95)).isEqualTo(10);
        assertThat(FailureDbBenchmark.percentile(new long[] {7}, 95)).isEqualTo(7);
    }
}
