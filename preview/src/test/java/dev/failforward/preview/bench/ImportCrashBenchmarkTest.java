package dev.failforward.preview.bench;

import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview as its own process, killed with {@code kill -9} twice while it imports 80 post-mortems as a background
 * job: after the restarts the job is resumed and done, each source is one record (none twice, none missing), and the
 * same files again are all unchanged. On the embedded HSQLDB, and in the postgres run on the embedded PostgreSQL.
 */
class ImportCrashBenchmarkTest {

    @TempDir
    Path work;

    @Test
    void aBackgroundImportKilledTwiceEndsWithOneIssuePerSource() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        String embedded = TestDatabases.onPostgres() ? "postgres" : "hsqldb";

        ImportCrashBenchmark.Result result = ImportCrashBenchmark.run(work.resolve("data"), embedded, 80, 2,
                Duration.ofMillis(1_500), Duration.ofMillis(3_000), 7, System.err);

        assertThat(result.problems()).isEmpty();
        assertThat(result.jobState()).isEqualTo("done");
        assertThat(result.filesDone()).isEqualTo(80);
        assertThat(result.records()).isEqualTo(80);
        assertThat(result.duplicates()).isZero();
        assertThat(result.unchanged()).isEqualTo(80);
        assertThat(result.passed()).isTrue();
    }
}
