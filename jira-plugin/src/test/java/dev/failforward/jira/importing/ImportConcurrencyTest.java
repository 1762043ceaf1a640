package dev.failforward.jira.importing;

import dev.failforward.core.importing.ImportedIncident;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.cluster.DatabaseClusterLockService;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.persistence.FailureDbSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several clients importing the same post-mortems at once, on two nodes of a cluster sharing one database (each node
 * with its own connection pool, repositories and cluster lock in the database): four into the same project, two more
 * into two other projects. Each project ends with exactly one issue per source, every source row finished, and across
 * the clients of one project each source was created once and found unchanged otherwise. On HSQLDB and PostgreSQL.
 */
class ImportConcurrencyTest {

    private static final int FILES = 8;

    private final List<AoDatabase> databases = new ArrayList<>();
    private final List<DatabaseClusterLockService> locks = new ArrayList<>();

    @AfterEach
    void close() {
        locks.forEach(DatabaseClusterLockService::close);
        for (int i = databases.size() - 1; i >= 0; i--) {
            databases.get(i).close();
        }
    }

    @Test
    void clientsImportingTheSameFilesAtOnceMakeOneIssuePerSource() throws Exception {
        databases.addAll(TestDatabases.openAoForNodes("dev.failforward.jira", 2));
        databases.get(0).activeObjects().migrate(FailureDbSchema.entities());
        ImportFixture.FakeIssues jira = new ImportFixture.FakeIssues();
        List<ImportFixture> nodes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            nodes.add(new ImportFixture(databases.get(n), jira));
            locks.add(new DatabaseClusterLockService(databases.get(n).dataSource(), "node-" + n,
                    Duration.ofSeconds(30)));
        }
        List<ImportService.SourceFile> files = ImportFixture.batch(FILES);
        String[] projects = {"OPS", "OPS", "OPS", "OPS", "SEC", "CARE"};

        ExecutorService pool = Executors.newFixedThreadPool(projects.length);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ImportService.BatchReport>> runs = new ArrayList<>();
        try {
            for (int c = 0; c < projects.length; c++) {
                int node = c % 2;
                String project = projects[c];
                ImportService service = nodes.get(node).service(locks.get(node), null);
                runs.add(pool.submit(() -> {
                    start.await();
                    return service.run(project, files, false, ZoneOffset.UTC);
                }));
            }
            start.countDown();
            List<ImportService.BatchReport> reports = new ArrayList<>();
            for (Future<ImportService.BatchReport> run : runs) {
                reports.add(run.get(5, TimeUnit.MINUTES));
            }

            for (String project : List.of("OPS", "SEC", "CARE")) {
                assertThat(jira.in(project)).as("issues in %s", project).hasSize(FILES);
                List<ImportService.FileReport> results = reports.stream()
                        .filter(r -> r.projectKey().equals(project)).flatMap(r -> r.files().stream()).toList();
                assertThat(results).extracting(ImportService.FileReport::outcome)
                        .doesNotContain(ImportService.Outcome.FAILED);
                assertThat(results).filteredOn(r -> r.outcome() == ImportService.Outcome.CREATED).hasSize(FILES);
                for (ImportService.SourceFile file : files) {
                    String sourceKey = ImportedIncident.sourceKey(file.name());
                    String marker = PendingImports.marker(project, sourceKey);
                    assertThat(jira.in(project)).filteredOn(i -> i.description().contains(marker)).hasSize(1);
                    assertThat(nodes.get(0).sources.pending(project, sourceKey)).isEmpty();
                    assertThat(nodes.get(1).sources.find(project, sourceKey)).isPresent();
                }
            }
            assertThat(reports.stream().filter(r -> r.projectKey().equals("OPS")).flatMap(r -> r.files().stream())
                    .filter(r -> r.outcome() == ImportService.Outcome.UNCHANGED)).hasSize(3 * FILES);
        } finally {
            pool.shutdownNow();
        }
    }
}
