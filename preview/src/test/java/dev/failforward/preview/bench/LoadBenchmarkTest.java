package dev.failforward.preview.bench;

import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twelve concurrent clients mixing every read and write of the load benchmark against the preview as its own process:
 * no error, no timeout, every kind of request answered, threads bounded, and the process stops on SIGTERM while they
 * are at it. (The speed targets are the benchmark's, run on purpose; a test only proves it works under concurrency.)
 */
class LoadBenchmarkTest {

    @TempDir
    Path work;

    @Test
    void concurrentClientsGetNoErrorAndNoTimeoutAndSigtermStopsTheServer() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        String embedded = TestDatabases.onPostgres() ? "postgres" : "hsqldb";
        try (PreviewProcess server = PreviewProcess.start(work.resolve("data"), null, embedded, work.resolve("log"),
                List.of(), Duration.ofMinutes(3))) {
            LoadBenchmark.Result result = LoadBenchmark.run(server.baseUri(), 12, Duration.ofSeconds(2),
                    Duration.ofSeconds(6), Duration.ofSeconds(20), 5, ServerProbe.process(server.pid()), System.err);
            assertThat(result.firstErrors()).isEmpty();
            assertThat(result.total().errors()).isZero();
            assertThat(result.total().timeouts()).isZero();
            assertThat(result.endpoints()).allSatisfy((endpoint, stats) ->
                    assertThat(stats.requests()).as(endpoint.label).isPositive());
            assertThat(result.peakThreads()).as("server threads").isBetween(1, 200);

            assertThat(server.terminate(Duration.ofSeconds(30))).as("stops within 30 s of SIGTERM").isPresent();
        }
    }
}
