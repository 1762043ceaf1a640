package dev.failforward.preview.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the import benchmark from rotting: 60 files made from the corpus, imported and then found unchanged. */
class ImportBenchmarkTest {

    private static final Path CORPUS = Path.of(System.getProperty("basedir", "."), "..", "core", "src", "test",
            "resources", "dev", "failforward", "core", "importing", "corpus");

    @Test
    void importsEveryCopyOnceAndTheSameFilesAgainChangeNothing(@TempDir Path dir) throws Exception {
        ImportBenchmark.Result result = ImportBenchmark.run(60, CORPUS, dir,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(result.first().files()).isEqualTo(60);
        assertThat(result.first().created()).isGreaterThan(40);
        assertThat(result.first().created() + result.first().failed()).isEqualTo(60);
        assertThat(result.again().unchanged()).isEqualTo(result.first().created());
        assertThat(result.again().created()).isZero();
        assertThat(result.first().filesPerSecond()).isPositive();
    }
}
