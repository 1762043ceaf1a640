package dev.failforward.preview;

import dev.failforward.confluence.hypothesis.HypothesisCardRenderer;
import com.atlassian.confluence.macro.Macro;
import dev.failforward.confluence.macro.HypothesisMacro;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.host.templates.VelocityTemplateRenderer;
import dev.failforward.jira.hypothesis.HypothesisCheckService;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.persistence.AoActionItemRepository;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoLearningRepository;
import dev.failforward.jira.persistence.AoWhyStepRepository;
import dev.failforward.jira.persistence.ActionItemEntity;
import dev.failforward.jira.persistence.FailureDbUpgradeTask002;
import dev.failforward.jira.persistence.FailureRecordEntity;
import dev.failforward.jira.persistence.LearningEntity;
import dev.failforward.jira.persistence.WhyStepEntity;
import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.jira.rest.HypothesisCheckResource;
import dev.failforward.jira.rest.InvalidRequestExceptionMapper;
import dev.failforward.jira.rest.UnexpectedExceptionMapper;
import dev.failforward.preview.jira.PreviewJira;
import dev.failforward.preview.jira.PreviewRecordPermissions;
import com.atlassian.sal.api.message.I18nResolver;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.ResourceConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.host.cluster.DatabaseClusterLockService;
import dev.failforward.host.cluster.DatabaseSchedulerService;
import dev.failforward.host.settings.DatabasePluginSettings;
import dev.failforward.jira.persistence.KpiEventEntity;
import dev.failforward.jira.kpi.KpiApplier;
import dev.failforward.jira.persistence.KpiIndex;
import dev.failforward.jira.persistence.KpiRollupEntity;
import dev.failforward.jira.kpi.KpiSearchLinks;
import dev.failforward.jira.kpi.KpiService;
import dev.failforward.jira.persistence.KpiStore;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoPulseStore;
import dev.failforward.jira.persistence.PulseCountEntity;
import dev.failforward.jira.persistence.PulseGuardEntity;
import dev.failforward.jira.pulse.PulseService;
import dev.failforward.jira.pulse.PulseSettings;
import dev.failforward.jira.rest.FailureDbExceptionMapper;
import dev.failforward.jira.rest.KpiResource;
import dev.failforward.jira.rest.PulseResource;
import dev.failforward.preview.jira.PreviewKpiUserContext;
import dev.failforward.preview.jira.PreviewPluginSettings;
import dev.failforward.preview.jira.PreviewUserManager;
import com.atlassian.sal.api.ApplicationProperties;
import dev.failforward.confluence.jira.AppLinksFailureDbClient;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.macro.RetroMacro;
import dev.failforward.confluence.retro.RetroRenderer;
import dev.failforward.jira.archive.LearningArchiveService;
import dev.failforward.jira.persistence.AoLearningArchive;
import dev.failforward.preview.confluence.PreviewApplicationLinks;
import dev.failforward.preview.confluence.PreviewApplicationProperties;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The preview's wiring: what the products' plugin containers do with the Spring Scanner index, done by hand with
 * the same constructors. Host services are the stand-ins' preview implementations (host-support).
 */
final class PreviewServices implements AutoCloseable {

    static final String JIRA_PLUGIN_KEY = "dev.failforward.jira";
    static final String CONFLUENCE_PLUGIN_KEY = "dev.failforward.confluence";

    /** Which database this preview runs on and where, for the start page and the log. */
    final String databaseDescription;
    /** The PostgreSQL this preview started itself ({@code --embedded-db postgres}), stopped after the pool closes. */
    private final dev.failforward.host.db.EmbeddedPostgres embeddedPostgres;
    final AoDatabase database;
    final PluginResources plugins;
    final BundleI18nResolver jiraI18n;
    final VelocityTemplateRenderer templates;
    final AoFailureRecordRepository records;
    final HypothesisCheckService hypothesisCheck;
    final BundleI18nResolver previewI18n;
    final PreviewJira jira;
    /** The failure database as the preview's demo user may see and change it (the REST API's service). */
    final FailureDbService failureDb;
    /** Held as the product holds it: through the Macro interface. */
    final Macro hypothesisMacro;

    /** Writes the KPI events and roll-ups after every record change (the projection's and the service's). */
    /** This node's id, and the cluster services every node has: locks, the run-once scheduler, plugin settings. */
    final String nodeId;
    final DatabaseClusterLockService locks;
    final DatabaseSchedulerService scheduler;
    final DatabasePluginSettings settings;
    /** How long a dead node's cluster locks stay taken; how often a node looks for due cluster jobs. */
    static final java.time.Duration CLUSTER_LOCK_LEASE = java.time.Duration.ofSeconds(30);
    static final java.time.Duration SCHEDULER_POLL = java.time.Duration.ofSeconds(1);
    final KpiIndex kpiIndex;
    /** Applies the record change log to the KPI tables in the background, as the plugin's LifecycleAware does. */
    final KpiApplier kpiApplier;
    final AoLearningRepository learnings;
    final AoActionItemRepository actions;
    final PulseSettings pulseSettings;
    final PulseService pulse;
    final KpiUserContext kpiUser;
    final KpiService kpis;
    final PreviewRecordPermissions permissions;
    final LearningArchiveService learningArchive;

    /** The preview's own base URL, known once the server listens (Jira's base; Confluence's is this + "confluence"). */
    final AtomicReference<URI> baseUri = new AtomicReference<>(URI.create("http://localhost:8080/"));
    final BundleI18nResolver confluenceI18n;
    /** The Confluence plugin's Jira client, over the preview's Application Links to its own Jira REST API. */
    final FailureDbClient confluenceJira;
    final ApplicationProperties confluenceApplication;
    /** Held as the product holds them: through the Macro interface. */
    final Macro retroMacro;
    final Macro learningsMacro;
    /** The preview forms' cross-site request forgery checks (one key per start). */
    final PreviewCsrf csrf = new PreviewCsrf();

    PreviewServices(Path dataDirectory) {
        this(dataDirectory, null, ZoneId.systemDefault());
    }

    PreviewServices(Path dataDirectory, ZoneId zone) {
        this(dataDirectory, null, zone);
    }

    PreviewServices(Path dataDirectory, PreviewOptions.ExternalDatabase external, ZoneId zone) {
        this(dataDirectory, external, PreviewOptions.DEFAULT_NODE, dataDirectory, PreviewOptions.Embedded.HSQLDB, zone);
    }

    /**
     * @param external a PostgreSQL of the user's ({@code --db-url}), or null for the embedded database in DIR/db
     * @param nodeId   this preview's node id: nodes sharing one database are a cluster
     * @param sharedHome the directory the cluster's nodes share (the pulse's keys are in its {@code secrets})
     * @param embedded which embedded database, when {@code external} is null
     */
    PreviewServices(Path dataDirectory, PreviewOptions.ExternalDatabase external, String nodeId, Path sharedHome,
                    PreviewOptions.Embedded embedded, ZoneId zone) {
        OpenedDatabase opened = openDatabase(dataDirectory, external, embedded);
        this.database = opened.ao();
        this.embeddedPostgres = opened.server();
        this.databaseDescription = opened.description();
        this.plugins = PluginResources.fromClasspath(PreviewServices.class.getClassLoader());
        this.jiraI18n = plugins.i18n(JIRA_PLUGIN_KEY);
        this.confluenceI18n = plugins.i18n(CONFLUENCE_PLUGIN_KEY);
        this.templates = new VelocityTemplateRenderer();
        this.nodeId = nodeId;
        // what a Data Center node gets from the product: cluster locks, a run-once scheduler and plugin settings, all
        // in the shared database, so a second preview node on the same database is a second Jira node
        this.locks = new DatabaseClusterLockService(database.dataSource(), nodeId, CLUSTER_LOCK_LEASE);
        this.scheduler = new DatabaseSchedulerService(database.dataSource(), nodeId, SCHEDULER_POLL);
        this.settings = new DatabasePluginSettings(database.dataSource());
        PreviewPluginSettings.recordSetup(settings);
        // two nodes starting at once: one runs the upgrade tasks and creates the tables, the other waits for it
        com.atlassian.beehive.ClusterLock enabling = locks.getLockForName("dev.failforward.preview:ao-enable");
        enabling.lock();
        try {
            PreviewDatabase.enable(database);
        } finally {
            enabling.unlock();
        }
        this.records = new AoFailureRecordRepository(database.activeObjects());
        this.learnings = new AoLearningRepository(database.activeObjects());
        this.actions = new AoActionItemRepository(database.activeObjects());
        this.kpiIndex = new KpiIndex(database.activeObjects(), records, learnings, actions, locks);
        this.kpiApplier = new KpiApplier(kpiIndex);
        PreviewRecordPermissions permissions = new PreviewRecordPermissions(java.util.Set.copyOf(IssuesServlet.PROJECTS));
        this.pulseSettings = new PulseSettings(settings);
        // the pulse's keys in SHARED_HOME/secrets, as the product keeps them in its shared home: they survive a
        // restart, and every node of the cluster reads the same ones
        this.pulse = new PulseService(new AoPulseStore(database.activeObjects()), permissions, pulseSettings,
                new dev.failforward.jira.secrets.FileSecretStore(sharedHome.resolve("secrets")));
        this.kpiUser = new PreviewKpiUserContext(zone);
        this.previewI18n = BundleI18nResolver.fromClasspath(java.util.Locale.ENGLISH, "i18n/failforward-jira.properties",
                "dev/failforward/core/i18n/failforward-core.properties", "preview/i18n/preview.properties");
        this.jira = new PreviewJira(database.activeObjects(), records, kpiApplier, settings, jiraI18n, previewI18n, java.time.Clock.systemUTC());
        this.failureDb = new FailureDbService(records, learnings, actions,
                new AoWhyStepRepository(database.activeObjects()), permissions,
                new dev.failforward.jira.users.SalUserDirectory(new PreviewUserManager()), kpiApplier,
                java.time.Clock.systemUTC());
        this.kpis = new KpiService(new KpiStore(database.activeObjects()), pulse, permissions, kpiUser,
                new KpiSearchLinks(jira.registry()), new dev.failforward.preview.jira.PreviewKpiFilters());
        this.permissions = permissions;
        this.hypothesisCheck = new HypothesisCheckService(jiraI18n);
        this.hypothesisMacro = new HypothesisMacro(new HypothesisCardRenderer(templates, confluenceI18n));
        this.learningArchive = new LearningArchiveService(new AoLearningArchive(database.activeObjects()), permissions);
        this.confluenceJira = new AppLinksFailureDbClient(new PreviewApplicationLinks(baseUri::get),
                new PreviewUserManager());
        this.confluenceApplication = new PreviewApplicationProperties(baseUri::get);
        this.retroMacro = new RetroMacro(new RetroRenderer(templates, confluenceI18n));
        this.learningsMacro = new dev.failforward.confluence.macro.LearningsArchiveMacro(
                new dev.failforward.confluence.archive.LearningsRenderer(templates, confluenceI18n));
    }

    /** The database a preview runs on: its pool, the PostgreSQL it started (or null), and a description. */
    record OpenedDatabase(AoDatabase ao, dev.failforward.host.db.EmbeddedPostgres server, String description) {
    }

    /**
     * The preview's database, always with the plugin's table prefix and Jira's naming, pooled
     * ({@link AoDatabase.Options}): the user's PostgreSQL ({@code --db-url}); else the embedded one —
     * a PostgreSQL 17 started from the binaries in the preview's {@code lib} in {@code DATA/postgres} (durable: fsync
     * and synchronous commit on), or the in-process HSQLDB in {@code DATA/db}. {@link PreviewOptions.Embedded#DEFAULT}
     * takes PostgreSQL unless {@code DATA/db} already holds an earlier preview's HSQLDB data (kept, not left behind)
     * or PostgreSQL cannot run here (then HSQLDB, and the reason is printed).
     */
    static OpenedDatabase openDatabase(Path dataDirectory, PreviewOptions.ExternalDatabase external,
                                       PreviewOptions.Embedded embedded) {
        if (external != null) {
            return new OpenedDatabase(AoDatabase.openPostgres(external.url(), external.user(), external.password(),
                    JIRA_PLUGIN_KEY), null, "PostgreSQL at " + external.describe());
        }
        Path hsqldb = dataDirectory.resolve("db");
        Path postgres = dataDirectory.resolve("postgres");
        boolean usePostgres = switch (embedded) {
            case POSTGRES -> true;
            case HSQLDB -> false;
            case DEFAULT -> {
                if (Files.exists(hsqldb.resolve("failforward.properties")) && !Files.exists(postgres)) {
                    System.out.println("Using the embedded HSQLDB in " + hsqldb.toAbsolutePath()
                            + ": it holds an earlier preview's data (--embedded-db postgres starts afresh on PostgreSQL).");
                    yield false;
                }
                java.util.Optional<String> unavailable = dev.failforward.host.db.EmbeddedPostgres.unavailable(postgres);
                unavailable.ifPresent(reason -> System.out.println("The embedded PostgreSQL cannot run here (" + reason
                        + "); using the in-process HSQLDB instead."));
                yield unavailable.isEmpty();
            }
        };
        if (!usePostgres) {
            return new OpenedDatabase(AoDatabase.openFile(hsqldb, JIRA_PLUGIN_KEY), null,
                    "the embedded HSQLDB in " + hsqldb.toAbsolutePath());
        }
        dev.failforward.host.db.EmbeddedPostgres server = dev.failforward.host.db.EmbeddedPostgres.start(postgres);
        try {
            return new OpenedDatabase(AoDatabase.openPostgres(server.jdbcUrl(), server.user(), server.password(),
                    JIRA_PLUGIN_KEY), server, "the embedded PostgreSQL in " + postgres.toAbsolutePath()
                    + " (port " + server.port() + ")");
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * The Jira plugin's REST module: its resources and providers, created by the container through their
     * {@code @Inject} constructors from the plugin's components (as REST v2 does from the plugin's Spring context),
     * with Jackson as REST v2 has it.
     */
    ResourceConfig jiraRestApplication() {
        return new ResourceConfig()
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(jiraI18n).to(I18nResolver.class);
                        bind(hypothesisCheck).to(HypothesisCheckService.class);
                        bind(jira.registry()).to(dev.failforward.jira.fields.FieldRegistry.class);
                        bind(kpis).to(KpiService.class);
                        bind(kpiUser).to(KpiUserContext.class);
                        bind(pulse).to(PulseService.class);
                        bind(pulseSettings).to(PulseSettings.class);
                        bind(permissions).to(RecordPermissions.class);
                        bind(new PreviewUserManager()).named("salUserManager").to(UserManager.class);
                        bind(failureDb).to(FailureDbService.class);
                        bind(learningArchive).to(LearningArchiveService.class);
                    }
                })
                .register(dev.failforward.jira.rest.JsonContentTypeFilter.class)
                .register(HypothesisCheckResource.class)
                .register(dev.failforward.jira.rest.FailureRecordsResource.class)
                .register(dev.failforward.jira.rest.LearningsResource.class)
                .register(dev.failforward.jira.rest.InvalidCommandExceptionMapper.class)
                .register(dev.failforward.jira.rest.StaleEditExceptionMapper.class)
                .register(dev.failforward.jira.rest.ProblemExceptionMapper.class)
                .register(dev.failforward.jira.rest.FieldsResource.class)
                .register(KpiResource.class)
                .register(PulseResource.class)
                .register(FailureDbExceptionMapper.class)
                .register(InvalidRequestExceptionMapper.class)
                .register(UnexpectedExceptionMapper.class)
                .register(JacksonFeature.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }

    /**
     * The Confluence plugin's REST module ({@code <rest path="/failforward-confluence" version="1.0">}), mounted under
     * the preview Confluence's context path: the retro's proxy to Jira and the blameless check.
     */
    ResourceConfig confluenceRestApplication() {
        return new ResourceConfig()
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(confluenceI18n).to(I18nResolver.class);
                        bind(confluenceJira).to(FailureDbClient.class);
                        bind(confluenceApplication).to(ApplicationProperties.class);
                        bind(new PreviewUserManager()).named("salUserManager").to(UserManager.class);
                    }
                })
                .register(dev.failforward.confluence.rest.JsonContentTypeFilter.class)
                .register(dev.failforward.confluence.rest.RecordsResource.class)
                .register(dev.failforward.confluence.rest.BlamelessResource.class)
                .register(dev.failforward.confluence.rest.LearningsResource.class)
                .register(dev.failforward.confluence.rest.ProblemExceptionMapper.class)
                .register(dev.failforward.confluence.rest.UnexpectedExceptionMapper.class)
                .register(JacksonFeature.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }

    @Override
    public void close() {
        kpiApplier.stop();
        scheduler.stop(java.time.Duration.ofSeconds(5));
        locks.close();
        try {
            database.close();
        } finally {
            if (embeddedPostgres != null) {
                embeddedPostgres.close();
            }
        }
    }
}
