package dev.failforward.preview.cluster;

import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.cluster.DatabaseClusterLockService;
import dev.failforward.host.cluster.DatabaseSchedulerService;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.host.settings.DatabasePluginSettings;
import dev.failforward.jira.kpi.KpiApplier;
import dev.failforward.jira.persistence.KpiIndex;
import dev.failforward.jira.persistence.AoActionItemRepository;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoLearningRepository;
import dev.failforward.jira.projection.BackfillJob;
import dev.failforward.jira.projection.BackfillProgressStore;
import dev.failforward.jira.projection.BackfillScheduler;
import dev.failforward.jira.projection.BackfillSearch;
import dev.failforward.jira.projection.ProjectionSetup;
import dev.failforward.preview.PreviewDatabase;
import dev.failforward.preview.jira.PreviewJira;
import dev.failforward.preview.jira.PreviewPluginSettings;
import dev.failforward.preview.jira.PreviewSearchService;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * One Jira node of a test cluster on a shared PostgreSQL, wired as the plugin's Spring context wires it, with the
 * host services a Data Center node has in the database (cluster locks with a short lease, the run-once scheduler,
 * plugin settings): the failure database, the KPI applier, the preview's issues and their projection, and the backfill
 * with its nightly, on-demand and resume jobs. {@link #main} runs one as its own process, to be killed.
 */
final class ClusterNode implements AutoCloseable {

    static final Duration LOCK_LEASE = Duration.ofSeconds(2);
    static final Duration RESUME_EVERY = Duration.ofMillis(500);

    final AoDatabase db;
    final DatabaseClusterLockService locks;
    final DatabaseSchedulerService scheduler;
    final DatabasePluginSettings settings;
    final AoFailureRecordRepository records;
    final AoLearningRepository learnings;
    final AoActionItemRepository actions;
    final KpiIndex kpiIndex;
    final KpiApplier kpiApplier;
    final PreviewJira jira;
    final BackfillProgressStore progress;
    final BackfillScheduler backfill;

    ClusterNode(String url, String user, String password, String nodeId) {
        db = AoDatabase.openPostgres(url, user, password, "dev.failforward.jira");
        locks = new DatabaseClusterLockService(db.dataSource(), nodeId, LOCK_LEASE);
        scheduler = new DatabaseSchedulerService(db.dataSource(), nodeId, Duration.ofMillis(100));
        settings = new DatabasePluginSettings(db.dataSource());
        var enabling = locks.getLockForName("dev.failforward.preview:ao-enable");
        enabling.lock();
        try {
            PreviewDatabase.enable(db);
            PreviewPluginSettings.recordSetup(settings);
        } finally {
            enabling.unlock();
        }
        records = new AoFailureRecordRepository(db.activeObjects());
        learnings = new AoLearningRepository(db.activeObjects());
        actions = new AoActionItemRepository(db.activeObjects());
        kpiIndex = new KpiIndex(db.activeObjects(), records, learnings, actions, locks);
        kpiApplier = new KpiApplier(kpiIndex, 200);
        BundleI18nResolver i18n = BundleI18nResolver.fromClasspath(Locale.ENGLISH, "i18n/failforward-jira.properties",
                "dev/failforward/core/i18n/failforward-core.properties");
        jira = new PreviewJira(db.activeObjects(), records, kpiApplier, settings, i18n, i18n, Clock.systemUTC());
        progress = new BackfillProgressStore(settings);
        BackfillJob job = new BackfillJob(new BackfillSearch(new PreviewSearchService(jira)), jira.projection(),
                new ProjectionSetup(settings), records, progress, locks);
        backfill = new BackfillScheduler(scheduler, job, progress, Clock.systemUTC(), RESUME_EVERY);
    }

    /** What SAL's onStart does once the node is up. */
    void start() {
        kpiApplier.start();
        backfill.onStart();
    }

    @Override
    public void close() {
        backfill.onStop();
        kpiApplier.stop();
        scheduler.stop(Duration.ofSeconds(5));
        locks.close();
        db.close();
    }

    /**
     * {@code ClusterNode URL USER PASSWORD NODE_ID [backfill]}: runs a node until it is killed; with {@code backfill}
     * it asks for a backfill run at once (the admin's "Rebuild from Jira now").
     */
    public static void main(String[] args) throws Exception {
        ClusterNode node = new ClusterNode(args[0], args[1], args[2], args[3]);
        node.start();
        if (args.length > 4 && args[4].equals("backfill")) {
            node.backfill.runNow();
        }
        System.out.println("node " + args[3] + " up");
        System.out.flush();
        Thread.currentThread().join();
    }
}
