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
import dev.failforward.preview.jira.PreviewJira;
import dev.failforward.preview.jira.PreviewRecordPermissions;
import com.atlassian.sal.api.message.I18nResolver;

import dev.failforward.buildtools.descriptor.PluginDescriptor;
import dev.failforward.preview.plugin.PluginComponents;
import dev.failforward.preview.plugin.RestModules;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
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
 * The preview's wiring: what the products' plugin containers do with the Spring Scanner index. The components the
 * preview's own pages use are built here with the plugin's constructors; the REST modules' resources and whatever
 * else they need are found in the plugin jars and created from these ({@link PluginComponents}). Host services are
 * the stand-ins' preview implementations (host-support).
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
    /** The preview's own pages ({@link PreviewPageTemplates}): values escaped by their servlets, web resources required. */
    final com.atlassian.templaterenderer.TemplateRenderer templates;
    /** The products' template renderer as the plugins get it: it escapes as Jira and Confluence do. */
    final VelocityTemplateRenderer pluginTemplates;
    /** The products' page builder as the plugins' servlets get it: what they require reaches the page's head. */
    final PreviewPageBuilder pageBuilder;
    final AoFailureRecordRepository records;
    final HypothesisCheckService hypothesisCheck;
    final BundleI18nResolver previewI18n;
    final PreviewJira jira;
    /** The failure database as the preview's demo user may see and change it (the REST API's service). */
    final FailureDbService failureDb;
    /** The preview's Task issues: what Jira is to the follow-ups of action items. */
    final dev.failforward.preview.jira.PreviewTasks tasks;
    final dev.failforward.jira.failuredb.FollowUpService followUps;
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
    /** Jira's issue search as the preview has it: the plugin's JQL over the failure database. */
    final dev.failforward.preview.jira.PreviewIssueSearch issueSearch;
    final LearningArchiveService learningArchive;
    /** This node's local home: node-local caches (the search index), never shared with other nodes. */
    final Path localHome;
    /** This node's search index (started with the host, as SAL starts LifecycleAware components). */
    final dev.failforward.jira.search.node.NodeSearchIndex searchIndex;
    /** The pulse's keys in the shared home (SharedHomeSecretStore's preview counterpart). */
    final dev.failforward.jira.secrets.SecretStore secrets;

    /** The preview's own base URL, known once the server listens (Jira's base; Confluence's is this + "confluence"). */
    final AtomicReference<URI> baseUri = new AtomicReference<>(URI.create("http://localhost:8080/"));
    final BundleI18nResolver confluenceI18n;
    /** The Confluence plugin's Jira client, over the preview's Application Links to its own Jira REST API. */
    final FailureDbClient confluenceJira;
    final ApplicationProperties confluenceApplication;
    /** Held as the product holds them: through the Macro interface. */
    final Macro retroMacro;
    final Macro learningsMacro;
    /** The Confluence plugin's Jira link (its client's): tests switch Jira off to show the showcase's copy. */
    final PreviewApplicationLinks confluenceLinks;
    /** The failure showcase macro: printed on the server from Jira's GET /showcase (page view and export). */
    final Macro showcaseMacro;
    /** The preview forms' cross-site request forgery checks (one key per start). */
    final PreviewCsrf csrf = new PreviewCsrf();
    /** The mails the plugin queued (reminders, digests), shown at {@code /jira/mail}. */
    final dev.failforward.preview.jira.PreviewOutbox outbox =
            new dev.failforward.preview.jira.PreviewOutbox(java.time.Clock.systemUTC());
    /** Each plugin's components in the preview, for its REST resources and other modules. */
    final PluginComponents jiraComponents;
    final PluginComponents confluenceComponents;

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
        this.templates = new PreviewPageTemplates(plugins);
        this.pluginTemplates = new VelocityTemplateRenderer();
        this.pageBuilder = new PreviewPageBuilder(plugins);
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
        this.secrets = new dev.failforward.jira.secrets.FileSecretStore(sharedHome.resolve("secrets"));
        this.pulse = new PulseService(new AoPulseStore(database.activeObjects()), permissions, pulseSettings, secrets);
        this.kpiUser = new PreviewKpiUserContext(zone);
        this.previewI18n = BundleI18nResolver.fromClasspath(java.util.Locale.ENGLISH, "i18n/failforward-jira.properties",
                "dev/failforward/core/i18n/failforward-core.properties", "preview/i18n/preview.properties");
        this.jira = new PreviewJira(database.activeObjects(), records, kpiApplier, settings, jiraI18n, previewI18n, java.time.Clock.systemUTC(),
                id -> records.findByIssueId(id).map(RecordIssue::new).orElse(null));
        // this node's search index in its local home (DATA/local/NODE-ID/caches/failforward/search-index), built
        // as the plugin's container builds it; the engine is the build's (DefaultIndexEngine, the one switch point)
        this.localHome = dataDirectory.resolve("local").resolve(nodeId);
        this.searchIndex = new dev.failforward.jira.search.node.NodeSearchIndex(
                new dev.failforward.preview.jira.PreviewJiraApplicationProperties(baseUri::get, localHome),
                new dev.failforward.jira.search.node.DefaultIndexEngine(),
                new dev.failforward.jira.persistence.AoSearchChangeLog(database.activeObjects()),
                new dev.failforward.jira.persistence.AoSearchableRecordSource(database.activeObjects()));
        this.failureDb = new FailureDbService(records, learnings, actions,
                new AoWhyStepRepository(database.activeObjects()), permissions,
                new dev.failforward.jira.users.SalUserDirectory(new PreviewUserManager()), kpiApplier,
                dev.failforward.jira.failuredb.CountsChanged.NONE, searchIndex);
        this.tasks = new dev.failforward.preview.jira.PreviewTasks(database.activeObjects(), jira.issues(), records,
                permissions, () -> new dev.failforward.preview.jira.PreviewJiraApplicationProperties(baseUri::get)
                .getBaseUrl(com.atlassian.sal.api.UrlMode.CANONICAL), java.time.Clock.systemUTC());
        this.followUps = new dev.failforward.jira.failuredb.FollowUpService(failureDb, actions, tasks, kpiApplier);
        this.kpis = new KpiService(new KpiStore(database.activeObjects()),
                new dev.failforward.jira.persistence.AoCultureCounts(database.activeObjects()), pulse, permissions, kpiUser,
                new KpiSearchLinks(jira.registry()), new dev.failforward.preview.jira.PreviewKpiFilters());
        this.permissions = permissions;
        this.issueSearch = new dev.failforward.preview.jira.PreviewIssueSearch(
                new dev.failforward.jira.persistence.AoRecordFieldSearch(database.activeObjects()), permissions,
                jira.registry(), kpiUser, field -> previewI18n.getText(field.nameI18nKey()));
        this.hypothesisCheck = new HypothesisCheckService(jiraI18n);
        this.hypothesisMacro = new HypothesisMacro(new HypothesisCardRenderer(pluginTemplates, confluenceI18n));
        this.learningArchive = new LearningArchiveService(new AoLearningArchive(database.activeObjects()), permissions,
                searchIndex);
        this.confluenceLinks = new PreviewApplicationLinks(baseUri::get);
        this.confluenceJira = new AppLinksFailureDbClient(confluenceLinks,
                new PreviewUserManager());
        this.confluenceApplication = new PreviewApplicationProperties(baseUri::get);
        this.retroMacro = new RetroMacro(new RetroRenderer(pluginTemplates, confluenceI18n));
        this.learningsMacro = new dev.failforward.confluence.macro.LearningsArchiveMacro(
                new dev.failforward.confluence.archive.LearningsRenderer(pluginTemplates, confluenceI18n));
        this.jiraComponents = jiraComponents();
        this.confluenceComponents = confluenceComponents();
        // the failure showcase macro, made as Confluence makes a macro: its constructor takes the plugin's components
        this.showcaseMacro = new dev.failforward.confluence.macro.ShowcaseMacro(
                confluenceComponents.get(dev.failforward.confluence.showcase.ShowcaseSource.class),
                confluenceComponents.get(dev.failforward.confluence.showcase.ShowcaseRenderer.class));
        // as Spring does once it has built the bean: the listener registers with Confluence's event publisher
        confluenceComponents.get(dev.failforward.confluence.blueprint.RetroPageLinker.class).afterPropertiesSet();
        this.servlets = servlets();
        this.webPanels = WebPanels.of(plugins.descriptors(), java.util.Map.of(JIRA_PLUGIN_KEY, jiraComponents,
                CONFLUENCE_PLUGIN_KEY, confluenceComponents), pluginTemplates);
        this.webItems = WebItems.of(plugins.descriptors(), java.util.Map.of(JIRA_PLUGIN_KEY, jiraComponents,
                CONFLUENCE_PLUGIN_KEY, confluenceComponents), java.util.Map.of(JIRA_PLUGIN_KEY, jiraI18n,
                CONFLUENCE_PLUGIN_KEY, confluenceI18n));
    }

    /** The plugins' {@code <web-item>}s of the issue operations, shown in the preview's issue view. */
    final WebItems webItems;
    /** Jira's remote issue links ("Write the retro": Confluence links each retro page it makes to its issue). */
    final dev.failforward.preview.jira.PreviewRemoteLinks remoteLinks = new dev.failforward.preview.jira.PreviewRemoteLinks();
    /** Confluence's event publisher (the create-content plugin's blueprint-page event reaches the plugin through it). */
    final dev.failforward.preview.confluence.PreviewEventPublisher confluenceEvents =
            new dev.failforward.preview.confluence.PreviewEventPublisher();
    /** Jira's event publisher in the preview: the issue-created event of a preview issue reaches the plugin through it. */
    final dev.failforward.preview.confluence.PreviewEventPublisher jiraEvents =
            new dev.failforward.preview.confluence.PreviewEventPublisher();
    /** The pages made from the retro blueprints in the preview's Confluence. */
    /** The demo space of post-mortem pages Jira's import reads from the preview Confluence. */
    final dev.failforward.preview.confluence.PreviewConfluenceSpace confluenceSpace =
            new dev.failforward.preview.confluence.PreviewConfluenceSpace();
    final dev.failforward.preview.confluence.PreviewConfluencePages confluencePages =
            new dev.failforward.preview.confluence.PreviewConfluencePages();

    /** The plugins' {@code <web-panel>} modules, rendered into the preview's issue view. */
    final WebPanels webPanels;

    /** A plugin's {@code <servlet>} module the preview serves, at {@code mountPath} (its url-pattern under the host). */
    record HostedServlet(String plugin, PluginDescriptor.Servlet module, jakarta.servlet.Servlet servlet, String mountPath) {
    }

    /** Each plugin's {@code <servlet>} modules, created from the plugin's components (those that could be). */
    final List<HostedServlet> servlets;

    private PreviewInventory inventory;

    /** What the preview does with each module and component of both plugins (computed once). */
    synchronized PreviewInventory inventory() {
        if (inventory == null) {
            inventory = PreviewInventory.of(this);
        }
        return inventory;
    }

    boolean hostsServlet(PluginDescriptor.Servlet module) {
        return servlets.stream().anyMatch(hosted -> hosted.module().equals(module));
    }

    private List<HostedServlet> servlets() {
        List<HostedServlet> hosted = new java.util.ArrayList<>();
        java.util.Map<String, PluginComponents> containers = java.util.Map.of(JIRA_PLUGIN_KEY, jiraComponents,
                CONFLUENCE_PLUGIN_KEY, confluenceComponents);
        for (java.util.Map.Entry<String, PluginDescriptor> plugin : plugins.descriptors().entrySet()) {
            PluginComponents container = containers.get(plugin.getKey());
            String prefix = plugin.getKey().equals(CONFLUENCE_PLUGIN_KEY)
                    ? PreviewApplicationProperties.CONTEXT_PATH + "/plugins/servlet" : "/plugins/servlet";
            for (PluginDescriptor.Servlet module : plugin.getValue().modules(PluginDescriptor.Servlet.class)) {
                if (container == null || module.urlPatterns().isEmpty()) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(module.className(), true, PreviewServices.class.getClassLoader());
                    // decorated as the products' pages are: the web resources the servlet requires reach the head
                    jakarta.servlet.Servlet servlet = pageBuilder.decorated((jakarta.servlet.Servlet) container.get(type));
                    for (String pattern : module.urlPatterns()) {
                        hosted.add(new HostedServlet(plugin.getKey(), module, servlet, prefix + pattern));
                    }
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    System.err.println("The preview cannot host the servlet " + module.key() + " of " + plugin.getKey()
                            + ": " + e);
                }
            }
        }
        return List.copyOf(hosted);
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
     * The Jira plugin's {@code <rest>} modules as REST v2 hosts them: every {@code @Path} and {@code @Provider} class in
     * the module's packages, found in the plugin's own jar, created through its {@code @Inject} constructor from
     * {@link #jiraComponents} (what the plugin's Spring context holds in Jira).
     */
    List<RestModules.Application> jiraRestApplications() {
        return RestModules.of(plugins.descriptors().get(JIRA_PLUGIN_KEY), plugins.base(JIRA_PLUGIN_KEY),
                PreviewServices.class.getClassLoader(), jiraComponents);
    }

    /**
     * The Confluence plugin's {@code <rest>} modules ({@code <rest path="/failforward-confluence" version="1.0">}),
     * mounted under the preview Confluence's context path: the retro's proxy to Jira and the blameless check.
     */
    List<RestModules.Application> confluenceRestApplications() {
        return RestModules.of(plugins.descriptors().get(CONFLUENCE_PLUGIN_KEY), plugins.base(CONFLUENCE_PLUGIN_KEY),
                PreviewServices.class.getClassLoader(), confluenceComponents);
    }

    /**
     * The Jira plugin's components as the preview has them: the ones it wires itself and the host services it stands
     * in for; any other plugin class a module needs is created from these through its constructor.
     */
    private PluginComponents jiraComponents() {
        return new PluginComponents(JIRA_PLUGIN_KEY)
                .indexed(indexedComponents(JIRA_PLUGIN_KEY))
                .add(jiraI18n)
                .add("salUserManager", new PreviewUserManager())
                .add(pluginTemplates)
                .add(pageBuilder)
                .add(new dev.failforward.preview.jira.PreviewJiraApplicationProperties(baseUri::get, localHome))
                .add(PREVIEW_LOGIN)
                .add(PREVIEW_WEB_SUDO)
                .add(database.activeObjects())
                .add(settings)
                .add(locks)
                .add(scheduler)
                .add(new dev.failforward.preview.jira.PreviewSearchService(jira))
                .add(records)
                .add(learnings)
                .add(actions)
                .add(jira.projection())
                .add(kpiIndex)
                .add(kpiApplier)
                .add(jira.registry())
                .add(hypothesisCheck)
                .add(kpis)
                .add(kpiUser)
                .add(new dev.failforward.host.datetime.JiraDefaultDateTimeFormatters(kpiUser::zone, kpiUser::locale))
                .add(dev.failforward.jira.failuredb.CountsChanged.NONE) // the preview's JQL counts in the database
                .add(pulse)
                .add(pulseSettings)
                .add(permissions)
                .add(failureDb)
                .add(tasks)
                .add(followUps)
                .add(learningArchive)
                .add(searchIndex)
                .add(secrets)
                .add(new dev.failforward.preview.jira.PreviewKpiFilters())
                // Jira's time zones: the preview's zone is the default and every user's (the award's windows use it)
                .add(new com.atlassian.jira.timezone.TimeZoneManager() {
                    @Override
                    public java.util.TimeZone getLoggedInUserTimeZone() {
                        return java.util.TimeZone.getTimeZone(kpiUser.zone());
                    }

                    @Override
                    public java.util.TimeZone getDefaultTimezone() {
                        return java.util.TimeZone.getTimeZone(kpiUser.zone());
                    }
                })
                .add(new dev.failforward.preview.jira.PreviewWorkflows.Screens())
                // "Write the retro": the issues by id (the preview's and the demo records'), the Confluence link, the
                // remote links Confluence makes
                .add(new com.atlassian.jira.issue.IssueManager() {
                    @Override
                    public com.atlassian.jira.issue.MutableIssue getIssueObject(Long id) {
                        return issueById(id);
                    }

                    @Override
                    public java.util.Collection<Long> getIssueIdsForProject(Long projectId) {
                        // the preview's projects have no ids; the import finds its issues through PreviewIncidentIssues
                        throw new UnsupportedOperationException("the preview's projects have no ids");
                    }
                })
                .add(new dev.failforward.preview.confluence.PreviewConfluenceLinks(baseUri::get))
                .add(remoteLinks)
                // "Recurrence of …?": the link the plugin makes (PreviewIssueLinks), as the logged-in preview user, and
                // Jira's events (the issue-created event starts the recurrence check)
                .add(jira.links())
                .add(PREVIEW_AUTHENTICATION)
                .add(jiraEvents)
                // the post-mortem import: Incident issues through the preview's screens and workflow, as the demo user
                .add(new dev.failforward.preview.jira.PreviewIncidentIssues(jira, java.util.Set.copyOf(IssuesServlet.PROJECTS),
                        remoteLinks))
                .add(new dev.failforward.preview.jira.PreviewImportPermissions(java.util.Set.copyOf(IssuesServlet.PROJECTS)))
                // action-item owners matched by user name, e-mail address or display name among the preview's users
                .add(new dev.failforward.preview.jira.PreviewOwnerDirectory())
                // background imports run as the preview user who started them
                .add(new dev.failforward.preview.jira.PreviewImportRunAs())
                // follow-up reminders and the weekly digest: mails kept in the outbox (/jira/mail), the preview's
                // people, and the plugin's texts for any locale (the preview has the default bundle only)
                .add(outbox)
                .add(new dev.failforward.preview.jira.PreviewRecipients(java.util.Set.copyOf(IssuesServlet.PROJECTS)))
                .add((com.atlassian.jira.util.I18nHelper.BeanFactory) locale -> (key, parameters) -> jiraI18n.getText(key,
                        parameters instanceof Object[] arguments ? java.util.Arrays.stream(arguments)
                                .map(a -> a instanceof java.io.Serializable s ? s : String.valueOf(a))
                                .toArray(java.io.Serializable[]::new) : new java.io.Serializable[0]));
    }

    /** Jira's authentication context in the preview: nobody logs in (links are made anonymously), English. */
    static final com.atlassian.jira.security.JiraAuthenticationContext PREVIEW_AUTHENTICATION =
            new com.atlassian.jira.security.JiraAuthenticationContext() {
                @Override
                public void setLoggedInUser(com.atlassian.jira.user.ApplicationUser user) {
                    // nobody logs in to the preview's Jira (the import's jobs run as their starter through PreviewUsers)
                }

                @Override
                public com.atlassian.jira.user.ApplicationUser getLoggedInUser() {
                    return null;
                }

                @Override
                public java.util.Locale getLocale() {
                    return java.util.Locale.ENGLISH;
                }
            };

    /** Jira's {@code IssueManager} in the preview: a preview issue, else a demo record's read-only issue, else null. */
    private com.atlassian.jira.issue.MutableIssue issueById(Long id) {
        com.atlassian.jira.issue.MutableIssue issue = jira.issues().getIssueObject(id);
        return issue != null || id == null ? issue : records.findByIssueId(id).map(RecordIssue::new).orElse(null);
    }

    /**
     * The classes of a plugin's Spring Scanner components ({@code META-INF/plugin-components/component}), for
     * {@link PluginComponents#indexed}; one that cannot be loaded here is left out (the inventory names it).
     */
    private List<Class<?>> indexedComponents(String plugin) {
        List<Class<?>> components = new ArrayList<>();
        for (String line : PreviewInventory.index(plugins.base(plugin), plugin, "component")) {
            String className = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            try {
                components.add(Class.forName(className, false, PreviewServices.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // reported by PreviewInventory
            }
        }
        return components;
    }

    /** SAL's login page in the preview: its start page (every visitor is a preview user, nobody logs in). */
    static final com.atlassian.sal.api.auth.LoginUriProvider PREVIEW_LOGIN = returnUri -> URI.create("/");

    /** SAL's web sudo in the preview: it has no passwords, so an administrator is always in a web-sudo session. */
    static final com.atlassian.sal.api.websudo.WebSudoManager PREVIEW_WEB_SUDO =
            new com.atlassian.sal.api.websudo.WebSudoManager() {
                @Override
                public boolean canExecuteRequest(jakarta.servlet.http.HttpServletRequest request) {
                    return true;
                }

                @Override
                public void enforceWebSudoProtection(jakarta.servlet.http.HttpServletRequest request,
                                                     jakarta.servlet.http.HttpServletResponse response) {
                    // never needed: every request may execute
                }
            };

    private PluginComponents confluenceComponents() {
        return new PluginComponents(CONFLUENCE_PLUGIN_KEY)
                .indexed(indexedComponents(CONFLUENCE_PLUGIN_KEY))
                .add(confluenceI18n)
                .add("salUserManager", new PreviewUserManager())
                .add(pluginTemplates)
                .add(pageBuilder)
                .add(confluenceJira)
                .add(confluenceApplication)
                .add(confluenceEvents)
                // Confluence's plugin settings: the preview's one table (the showcase copies' keys are Confluence's own)
                .add(settings)
                .add((com.atlassian.applinks.host.spi.HostApplication) () -> new com.atlassian.applinks.api.ApplicationId(
                        dev.failforward.preview.confluence.PreviewConfluenceLinks.CONFLUENCE_APPLICATION_ID))
                .add(new PreviewApplicationLinks(baseUri::get));
    }

    @Override
    public void close() {
        if (jiraComponents.has(dev.failforward.jira.recurrence.RecurrenceJob.class)) {
            jiraComponents.get(dev.failforward.jira.recurrence.RecurrenceJob.class).onStop();
        }
        kpiApplier.stop();
        searchIndex.stop();
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
