package dev.failforward.preview.cluster;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.db.EmbeddedPostgres;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.persistence.RecordChangeEntity;
import dev.failforward.jira.projection.BackfillProgress;
import dev.failforward.preview.jira.PreviewIssue;
import dev.failforward.preview.jira.PreviewTestIssues;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backfill killed with {@code kill -9} on one node of a two-node cluster (a separate process on a shared PostgreSQL)
 * is finished by the other node from its checkpoint, once the dead node's cluster lock lease has run out: every issue
 * has exactly one record equal to its projection, none is counted twice, and the KPI tables equal a full recompute.
 */
class BackfillFailoverTest {

    private static final int ISSUES = 600;

    @Test
    void aBackfillKilledOnOneNodeIsFinishedByTheOtherFromItsCheckpoint() throws Exception {
        EmbeddedPostgres server = TestDatabases.postgres();
        String url = TestDatabases.newPostgresDatabase();
        try (ClusterNode nodeB = new ClusterNode(url, server.user(), server.password(), "node-b")) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < ISSUES; i++) {
                PreviewIssue issue = PreviewTestIssues.create(nodeB.jira,
                        i % 3 == 0 ? RecordKind.EXPERIMENT : RecordKind.INCIDENT, i % 2 == 0 ? "OPS" : "CARE", "issue " + i);
                keys.add(issue.getKey());
                if (i % 10 == 0) {
                    // next steps written before the record exists: the record's first projection counts them
                    nodeB.actions.add(new dev.failforward.core.record.ActionItemCommand("step " + i, "demo",
                            "2026-12-31", "prevent", null, null, null, null)
                            .toDraft(issue.getId(), java.time.Instant.parse("2026-11-02T10:00:00Z")).value());
                }
            }
            assertThat(nodeB.records.count(dev.failforward.core.record.RecordQuery.inProjects(
                    java.util.Set.of("OPS", "CARE")))).as("not projected yet").isZero();
            long started = System.nanoTime();
            System.out.printf("%d issues created in the shared database%n", ISSUES);

            Process nodeA = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ClusterNode.class.getName(), url, server.user(),
                    server.password(), "node-a", "backfill")
                    .redirectErrorStream(true).redirectOutput(new File("target/cluster-node-a.log")).start();
            long killedAfter;
            try {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                BackfillProgress seen = nodeB.progress.read();
                while (!(seen.state() == BackfillProgress.State.RUNNING && seen.processed() >= 200)
                        && System.nanoTime() < deadline && nodeA.isAlive()) {
                    Thread.sleep(20);
                    seen = nodeB.progress.read();
                }
                assertThat(seen.state()).as("node A's run is under way").isEqualTo(BackfillProgress.State.RUNNING);
                assertThat(seen.processed()).as("and not finished").isLessThan(ISSUES);
                killedAfter = seen.processed();
            } finally {
                nodeA.destroyForcibly();
                assertThat(nodeA.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(nodeA.exitValue()).as("killed by SIGKILL").isEqualTo(137);

            System.out.printf("node A killed after %d issues, %d ms after it was started%n", killedAfter,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            nodeB.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            BackfillProgress done = nodeB.progress.read();
            while (done.state() != BackfillProgress.State.DONE && System.nanoTime() < deadline) {
                Thread.sleep(100);
                done = nodeB.progress.read();
            }
            assertThat(done.state()).as("node B finished the run").isEqualTo(BackfillProgress.State.DONE);
            System.out.printf("node B finished the run %d ms after node A was started%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            assertThat(done.processed()).as("every issue counted once, none twice").isEqualTo(ISSUES);
            assertThat(killedAfter).isLessThan(ISSUES);

            for (String key : keys) {
                PreviewIssue issue = nodeB.jira.issues().find(key).orElseThrow();
                FailureRecord record = nodeB.records.findByIssueKey(key).orElseThrow(() ->
                        new AssertionError("no record for " + key));
                assertThat(record.issueId()).isEqualTo(issue.getId());
                assertThat(record.summary()).isEqualTo(issue.getSummary());
            }
            assertThat(nodeB.records.count(dev.failforward.core.record.RecordQuery.inProjects(
                    java.util.Set.of("OPS", "CARE")))).isEqualTo(ISSUES);

            nodeB.kpiIndex.drain();
            assertThat(nodeB.db.activeObjects().count(RecordChangeEntity.class, "ID > ?", 0)).isZero();
            assertThat(nodeB.kpiIndex.storedRollups()).isNotEmpty().isEqualTo(nodeB.kpiIndex.recomputedRollups());
        }
    }
}
