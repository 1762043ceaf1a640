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
 * The preview as its own process, killed with {@code kill -9} twice while four clients write and then stopped with
 * SIGTERM while they write: every write it acknowledged is there after each restart under the id it was given, no id
 * is handed out twice, and SIGTERM stops it. On the embedded HSQLDB, and in the postgres run on the embedded
 * PostgreSQL the preview starts itself (its default).
 */
class CrashBenchmarkTest {

    @TempDir
    Path work;

    @Test
    void noAcknowledgedWriteIsLostAndNoIdIsReusedAcrossKillsAndASigterm() throws Exception {
        // as root, the embedded PostgreSQL runs as nobody, who must be able to enter the data directory
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        String embedded = TestDatabases.onPostgres() ? "postgres" : "hsqldb";
        CrashBenchmark.Result result = CrashBenchmark.run(work.resolve("data"), null, embedded, 2, 4,
                Duration.ofMillis(1_500), Duration.ofMillis(2_500), 7, System.err);

        assertThat(result.database()).contains(TestDatabases.onPostgres() ? "PostgreSQL" : "HSQLDB");
        assertThat(result.rounds()).hasSize(3).allSatisfy(round -> {
            assertThat(round.acknowledged()).as("writes acknowledged in round %d", round.round()).isPositive();
            assertThat(round.lost()).isZero();
            assertThat(round.reused()).isZero();
        });
        assertThat(result.rounds().get(2).stop()).isEqualTo("SIGTERM");
        assertThat(result.sigterm()).as("stopped on SIGTERM within 30 s").isPresent();
        assertThat(result.problems()).isEmpty();
        assertThat(result.passed()).isTrue();
    }
}
