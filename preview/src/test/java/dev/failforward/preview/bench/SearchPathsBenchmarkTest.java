package dev.failforward.preview.bench;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the side-by-side benchmark from rotting, at N = 300: every kind of search runs on both paths, and both paths
 * find the same number of matches for the same queries on the same data (the benchmark compares like with like).
 */
class SearchPathsBenchmarkTest {

    private static final int N = 300;
    private static final int RUNS = 12;

    @Test
    void bothPathsFindTheSameTotalsForEveryKindOfSearch(@TempDir Path dir) {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        SearchPathsBenchmark.Result result = SearchPathsBenchmark.run(N, dir, 1, RUNS,
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        List<SearchPathsBenchmark.Row> rows = result.rows();
        assertThat(rows).hasSize(10);
        SoftAssertions.assertSoftly(softly -> {
            for (SearchPathsBenchmark.Row row : rows.subList(0, 9)) {
                softly.assertThat(row.sql().found()).as(row.name()).isEqualTo(row.index().found());
                softly.assertThat(row.index().found()).as("%s finds something", row.name()).isPositive();
                softly.assertThat(row.index().p95()).as(row.name()).isGreaterThanOrEqualTo(row.index().p50());
            }
        });
        // the newest page without text: every learning, on each of the RUNS searches
        assertThat(rows.get(0).index().found()).isEqualTo((long) N * SearchPathsBenchmark.LEARNINGS_PER_RECORD * RUNS);
        // a word matches a share of the learnings, not all of them
        assertThat(rows.get(1).index().found()).isLessThan(rows.get(0).index().found() / 2);
        SearchPathsBenchmark.Row similar = rows.get(9);
        assertThat(similar.sql()).isNull();
        assertThat(similar.index().found()).as("similar finds a top 10 each time").isEqualTo(10L * RUNS);

        assertThat(result.build().records()).isEqualTo(N);
        assertThat(result.build().indexBytes()).isPositive();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SearchPathsBenchmark.print(new PrintStream(printed, true, StandardCharsets.UTF_8), result, RUNS, RUNS);
        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(Stream.of("archive: newest page", "records: a phrase", "similar:", "rebuild from the DB"))
                .allSatisfy(s -> assertThat(table).contains(s));
        assertThat(table).doesNotContain("totals differ");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("loaded 300 records");
    }

    @Test
    void theSearchedWordsAreWholeWordsOfTheirOwnTextOnly() {
        // learning words never occur in descriptions (the index would find records by them, SQL would not)
        for (int i = 0; i < 2_000; i++) {
            String description = SearchPathsBenchmark.description(i).toLowerCase(java.util.Locale.ROOT);
            for (String word : Stream.of(SearchPathsBenchmark.LEARNING_WORDS, SearchPathsBenchmark.RECORD_WORDS)
                    .flatMap(Stream::of).toList()) {
                assertThat(description).doesNotContain(word);
            }
        }
    }
}
