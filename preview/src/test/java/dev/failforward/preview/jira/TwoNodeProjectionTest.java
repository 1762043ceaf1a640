package dev.failforward.preview.jira;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.jira.failuredb.RecordChanges;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.preview.PreviewDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Jira nodes on one database edit the same issues at once, each projecting the changes it made (as each node's
 * issue events make it do), in whatever order the projections finish: the failure records end as the issues' last
 * state on both nodes.
 */
class TwoNodeProjectionTest {

    private final List<AoDatabase> databases = new ArrayList<>();
    private final List<PreviewJira> nodes = new ArrayList<>();

    @BeforeEach
    void open() {
        databases.addAll(TestDatabases.openAoForNodes("dev.failforward.jira", 2));
        PreviewDatabase.enable(databases.get(0));
        BundleI18nResolver i18n = BundleI18nResolver.fromClasspath(Locale.ENGLISH, "i18n/failforward-jira.properties",
                "dev/failforward/core/i18n/failforward-core.properties");
        for (AoDatabase db : databases) {
            nodes.add(new PreviewJira(db.activeObjects(), new AoFailureRecordRepository(db.activeObjects()),
                    RecordChanges.NONE, new PreviewPluginSettings(), i18n, i18n, Clock.systemUTC()));
        }
    }

    @AfterEach
    void close() {
        for (int i = databases.size() - 1; i >= 0; i--) {
            databases.get(i).close();
        }
    }

    /** As the node's projection queue does: a projection the database refused for a passing reason is tried again. */
    private static void project(PreviewJira node, long issueId) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                node.projection().project(issueId);
                return;
            } catch (RuntimeException e) {
                if (attempt == 20 || !dev.failforward.jira.persistence.DatabaseErrors.isTransient(e)) {
                    throw e;
                }
                Thread.sleep(attempt);
            }
        }
    }

    /** As Jira's issue service does for a user: a save the database refused for a passing reason is tried again. */
    private static PreviewIssue save(PreviewJira node, PreviewIssue issue) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return node.issues().save(issue);
            } catch (RuntimeException e) {
                if (attempt == 20 || !dev.failforward.jira.persistence.DatabaseErrors.isTransient(e)) {
                    throw e;
                }
                Thread.sleep(attempt);
            }
        }
    }

    @Test
    void theSameIssuesChangedOnBothNodesConvergeOnTheirLastState() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PreviewIssue issue = nodes.get(0).issues().save(nodes.get(0).issues()
                    .draft(i % 2 == 0 ? RecordKind.INCIDENT : RecordKind.EXPERIMENT, "OPS", "issue " + i));
            nodes.get(0).projection().project(issue.getId());
            keys.add(issue.getKey());
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            PreviewJira node = nodes.get(t % 2);
            Random random = new Random(t);
            int writer = t;
            work.add(threads.submit(() -> {
                go.await();
                for (int i = 0; i < 60; i++) {
                    String key = keys.get(random.nextInt(keys.size()));
                    PreviewIssue issue = node.issues().find(key).orElseThrow();
                    issue.setSummary("edited by writer " + writer + " #" + i);
                    PreviewIssue saved = save(node, issue);
                    if (random.nextInt(4) == 0) {
                        Thread.sleep(random.nextInt(5));
                    }
                    project(node, saved.getId());
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : work) {
            f.get(2, TimeUnit.MINUTES);
        }
        threads.shutdown();

        for (String key : keys) {
            PreviewIssue last = nodes.get(1).issues().find(key).orElseThrow();
            for (PreviewJira node : nodes) {
                FailureRecord record = new AoFailureRecordRepository(databases.get(nodes.indexOf(node)).activeObjects())
                        .findByIssueKey(key).orElseThrow();
                assertThat(record.summary()).as(key).isEqualTo(last.getSummary());
            }
        }
    }
}
