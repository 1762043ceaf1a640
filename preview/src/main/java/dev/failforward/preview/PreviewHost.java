package dev.failforward.preview;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.servlet.ServletContainer;
import dev.failforward.preview.confluence.PreviewApplicationProperties;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * The preview host: Jetty + Jersey 3 running the plugins' own code.
 * <ul>
 *   <li>{@code /rest/failforward/1.0/*}: the Jira plugin's REST resources (as {@code <rest path="/failforward" version="1.0">})</li>
 *   <li>{@code /download/resources/*}: the plugins' web resources, with the jsI18n transformation</li>
 *   <li>{@code /}: the start page; {@code /confluence/hypothesis-card}: the Confluence macro on a page</li>
 *   <li>{@code /confluence/pages/viewpage.action?pageId=<issue id>}: a record's retro page (retro macro);
 *       {@code /confluence/pages/learnings}: the learnings archive; {@code /confluence/pages/retros}: the page list; {@code /confluence/rest/failforward-confluence/1.0/*}:
 *       the Confluence plugin's REST resources (Jira reached over the preview's Application Links)</li>
 *   <li>{@code /jira/issues/*}: experiments and incidents (every failure record has an issue view; the demo data's is
 *       read-only); {@code /jira/records/*}: their failure records; {@code /browse/KEY}: Jira's issue address,
 *       redirected to the issue view; {@code /issues/?jql=…}: Jira's issue search, for the JQL the plugin writes;
 *       {@code /rest/api/2/user/picker}: Jira's user picker resource over the preview's users</li>
 *   <li>{@code /jira/dashboard}: the culture dashboard with the KPI and pulse dashboard items ({@code ?layout=a|aa|aaa})</li>
 * </ul>
 */
public final class PreviewHost implements AutoCloseable {

    /** The preview could not start; the message says why, for a person. */
    public static final class StartException extends RuntimeException {
        StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Server server;
    /** Requests at work at once: four per core, at least 8. */
    static final int ACTIVE_REQUESTS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

    private final PreviewServices services;
    private final URI baseUri;

    private PreviewHost(Server server, PreviewServices services, URI baseUri) {
        this.server = server;
        this.services = services;
        this.baseUri = baseUri;
    }

    public static PreviewHost start(PreviewOptions options) {
        PreviewServices services;
        try {
            services = new PreviewServices(options.dataDirectory(), options.database(), options.nodeId(),
                    options.sharedHome(), options.embedded(), java.time.ZoneId.systemDefault());
        } catch (RuntimeException e) {
            throw new StartException(options.database() != null
                    ? "cannot use the database " + options.database().describe() + ": " + e.getMessage()
                    : "cannot open the database in " + options.dataDirectory().toAbsolutePath()
                    + " (is another preview using it?): " + e.getMessage(), e);
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(options.port());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        // each plugin's <rest> modules, at /rest/{path}/{version} as the products mount them
        for (dev.failforward.preview.plugin.RestModules.Application rest : services.jiraRestApplications()) {
            context.addServlet(new ServletHolder("rest " + rest.basePath(), new ServletContainer(rest.config())),
                    "/rest" + rest.basePath() + "/*");
        }
        context.addServlet(new ServletHolder("web-resources", new WebResourceServlet(services.plugins)), "/download/resources/*");
        context.addServlet(new ServletHolder("confluence", new ConfluencePageServlet(services)), "/confluence/hypothesis-card");
        // each plugin's <servlet> modules, at /plugins/servlet/{url-pattern}
        for (PreviewServices.HostedServlet servlet : services.servlets) {
            context.addServlet(new ServletHolder(servlet.plugin() + ":" + servlet.module().key() + " " + servlet.mountPath(),
                    servlet.servlet()), servlet.mountPath());
        }
        for (dev.failforward.preview.plugin.RestModules.Application rest : services.confluenceRestApplications()) {
            context.addServlet(new ServletHolder("confluence-rest " + rest.basePath(), new ServletContainer(rest.config())),
                    PreviewApplicationProperties.CONTEXT_PATH + "/rest" + rest.basePath() + "/*");
        }
        // "Write the retro": the preview Confluence's Create dialog on a retro blueprint, and Jira's remote-link API
        context.addServlet(new ServletHolder("confluence-create", new ConfluenceCreateServlet(services)),
                ConfluenceCreateServlet.PATH);
        context.addServlet(new ServletHolder("jira-remote-links", new RemoteLinkServlet(services)), "/rest/api/2/issue/*");
        // the preview Confluence's content search: what Jira's import reads pages from, through the application link
        context.addServlet(new ServletHolder("confluence-content-search", new ConfluenceContentSearchServlet(services)),
                ConfluenceContentSearchServlet.PATH);
        context.addServlet(new ServletHolder("confluence-pages", new ConfluenceSpaceServlet(services)),
                PreviewApplicationProperties.CONTEXT_PATH + "/pages/*");
        // the issue view's web panels require their web resources as in Jira: the page builder writes them into the head
        context.addServlet(new ServletHolder("issues", services.pageBuilder.decorated(new IssuesServlet(services))),
                "/jira/issues/*");
        context.addServlet(new ServletHolder("records", new RecordsServlet(services)), "/jira/records/*");
        context.addServlet(new ServletHolder("browse", new BrowseServlet()), "/browse/*");
        context.addServlet(new ServletHolder("issue-search", new IssueSearchServlet(services)), "/issues/*");
        context.addServlet(new ServletHolder("dashboard", new DashboardServlet(services)), "/jira/dashboard");
        context.addServlet(new ServletHolder("mail", new MailServlet(services)), "/jira/mail");
        context.addServlet(new ServletHolder("static", new StaticServlet()), "/preview/static/*");
        context.addServlet(new ServletHolder("vendor", new VendorServlet()), "/preview/vendor/*");
        context.addServlet(new ServletHolder("preview-user", new PreviewUserServlet(services)), "/preview/user");
        context.addServlet(new ServletHolder("user-picker", new UserPickerServlet()), "/rest/api/2/user/picker");
        context.addServlet(new ServletHolder("start", new StartPageServlet(services)), "/");
        // every request runs as the preview user the header chose (the administrator by default)
        context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new PreviewUserServlet.CurrentUser()), "/*",
                java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        // at most a few requests at work at once, the others wait their turn in arrival order (as a servlet container's
        // bounded worker pool does): on a small machine fifty requests sharing two cores each take fifty times as long,
        // a waiting one is answered as soon as its turn comes; one that waits over 30 s is answered 503
        org.eclipse.jetty.server.handler.QoSHandler admission = new org.eclipse.jetty.server.handler.QoSHandler(context);
        admission.setMaxRequestCount(Integer.getInteger("failforward.preview.activeRequests", ACTIVE_REQUESTS));
        admission.setMaxSuspend(java.time.Duration.ofSeconds(30));
        server.setHandler(admission);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            services.close();
            String reason = e instanceof IOException && e.getCause() instanceof BindException || e instanceof BindException
                    ? "port " + options.port() + " is in use; choose another with --port" : e.getMessage();
            throw new StartException("cannot start the HTTP server: " + reason, e);
        }
        URI base = URI.create("http://localhost:" + connector.getLocalPort() + "/");
        services.baseUri.set(base);
        // after the server listens: the demo's retro pages are linked with the port actually used
        try {
            // two nodes starting at once: the demo data is loaded once, by whichever node takes the lock first
            com.atlassian.beehive.ClusterLock demo = services.locks.getLockForName("dev.failforward.preview:demo-data");
            demo.lock();
            int loaded;
            try {
                loaded = DemoData.loadIfEmpty(services, Clock.systemUTC());
            } finally {
                demo.unlock();
            }
            if (loaded > 0) {
                System.out.println("Loaded " + loaded + " demo records into the failure database.");
            }
            // what SAL's onStart does for the plugin's LifecycleAware components once the product is up
            services.kpiApplier.start();
            services.searchIndex.start();
            services.jiraComponents.get(dev.failforward.jira.recurrence.RecurrenceJob.class).onStart();
            services.jiraComponents.get(dev.failforward.jira.importing.ImportJobScheduler.class).onStart();
            services.jiraComponents.get(dev.failforward.jira.reminder.FollowUpScheduler.class).onStart();
            // what a plugin declares and the preview cannot host is named, never dropped silently
            System.out.print(services.inventory().report());
        } catch (RuntimeException e) {
            try {
                server.stop();
            } catch (Exception stop) {
                e.addSuppressed(stop);
            }
            services.close();
            throw new StartException("cannot load the demo data: " + e.getMessage(), e);
        }
        return new PreviewHost(server, services, base);
    }

    /** Which database this preview runs on, and where. */
    public String databaseDescription() {
        return services.databaseDescription;
    }

    /** The running preview's services (for tests of what it hosts). */
    PreviewServices services() {
        return services;
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Stops the server, then checkpoints and closes the database. Safe to call twice. */
    @Override
    public synchronized void close() {
        try {
            if (server.isStarted()) {
                server.stop();
            }
        } catch (Exception e) {
            System.err.println("fail-forward-preview: the HTTP server did not stop cleanly: " + e.getMessage());
        } finally {
            if (!closed) {
                closed = true;
                services.close();
            }
        }
    }

    private boolean closed;

    /**
     * {@code /browse/KEY}: where Jira shows an issue, and where links from Confluence point (the application link's
     * display URL + {@code /browse/KEY}): the issue view, a preview issue's or, for a demo record, the record's.
     */
    private static final class BrowseServlet extends HttpServlet {
        private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("/([A-Z][A-Z0-9_]*-\\d{1,18})");

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            java.util.regex.Matcher key = KEY.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
            if (!key.matches()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.sendRedirect("/jira/issues/" + key.group(1));
        }
    }

    /** {@code /preview/static/*}: the preview pages' own styles, images and scripts. */
    private static final class StaticServlet extends HttpServlet {
        private static final Map<String, String> TYPES = Map.of("css", "text/css;charset=UTF-8", "png", "image/png",
                "js", "text/javascript;charset=UTF-8");

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
            String extension = name.substring(name.lastIndexOf('.') + 1);
            if (name.contains("..") || name.contains("/") || !TYPES.containsKey(extension)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            try (InputStream in = PreviewHost.class.getResourceAsStream("/preview/static/" + name)) {
                if (in == null) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                response.setContentType(TYPES.get(extension));
                in.transferTo(response.getOutputStream());
            }
        }
    }
}
