package dev.failforward.preview.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the archive benchmark from rotting: its core at N = 200, checked for what each search finds. */
class LearningsBenchmarkTest {

    private static final int N = 200;

    @Test
    void timesEverySearchAndFindsTheGeneratedLearnings(@TempDir Path dir) {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<LearningsBenchmark.Result> results = LearningsBenchmark.run(N, dir, 1, 2,
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(results).hasSize(4).allSatisfy(r -> assertThat(r.p95Millis()).isPositive()
                .isGreaterThanOrEqualTo(r.p50Millis()));
        LearningsBenchmark.Result everything = results.get(0);
        assertThat(everything.total()).isEqualTo(N * LearningsBenchmark.LEARNINGS_PER_RECORD);
        assertThat(everything.items()).isEqualTo(20);
        assertThat(results.get(1).total()).isPositive().isLessThan(everything.total());
        // "The checklist had no owner" is one text in six, written in turn (plus records whose summary has the word)
        assertThat(results.get(2).total()).isBetween(N * LearningsBenchmark.LEARNINGS_PER_RECORD / 6,
                everything.total() - 1);
        assertThat(results.get(3).total()).isPositive().isLessThan(everything.total());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("loaded 200 records");
    }
}
