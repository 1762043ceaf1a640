package dev.failforward.preview;

import dev.failforward.confluence.retro.RetroKeys;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;
import com.atlassian.sal.api.UrlMode;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.text.Html;
import dev.failforward.preview.confluence.PreviewApplicationProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The preview's Confluence space of retros, under {@code /confluence/pages/}:
 * <ul>
 *   <li>{@code viewpage.action?pageId=<issue id>}: the record's retro page, the {@code failforward-retro} macro (the
 *       Confluence plugin's own class, as Confluence calls it for a page view) around the team's write-up; the macro's
 *       script loads the header from Jira through the plugin's REST proxy and the preview's Application Links, and
 *       runs the blameless check on the write-up;</li>
 *   <li>{@code learnings}: the learnings archive, the {@code failforward-learnings} macro over every project;</li>
 *   <li>{@code showcase}: the failure showcase of the last quarter ({@code failforward-showcase});</li>
 *   <li>{@code huddle}: the OPS and CARE team's weekly failure huddle, the retro macro's failure huddle template
 *       with the team's projects: the page prepares the huddle from Jira's huddle board and marks it held;</li>
 *   <li>{@code retros}: the space's list of retro pages.</li>
 * </ul>
 * A retro page also shows the archive macro for the record's project and kind, as teams put it under a post-mortem.
 * The page carries the {@code ajs-*} meta tags the macro's script reads in Confluence (page id and title, user,
 * base URL, context path).
 */
final class ConfluenceSpaceServlet extends PageServlet {

    private final transient PreviewServices services;

    ConfluenceSpaceServlet(PreviewServices services) {
        super(services.templates);
        this.services = services;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "/viewpage.action" -> retroPage(request, response);
            case "/learnings" -> archivePage(response);
            case "/showcase" -> showcasePage(request, response);
            case "/huddle" -> huddlePage(response);
            case "/retros", "/", "" -> space(response);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void retroPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<dev.failforward.preview.confluence.PreviewConfluencePages.CreatedPage> created =
                pageId(request.getParameter("pageId")).flatMap(services.confluencePages::find);
        if (created.isPresent()) {
            createdPage(response, created.get());
            return;
        }
        Optional<dev.failforward.preview.confluence.PreviewConfluenceSpace.Page> demo =
                pageId(request.getParameter("pageId")).flatMap(services.confluenceSpace::find);
        if (demo.isPresent()) {
            demoPage(response, demo.get());
            return;
        }
        Optional<FailureRecord> record = pageId(request.getParameter("pageId")).flatMap(services.records::findByIssueId);
        if (record.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such page");
            return;
        }
        FailureRecord r = record.get();
        String kind = r.kind().name().toLowerCase(java.util.Locale.ROOT);
        String contentHtml = macro(services.retroMacro, Map.of(RetroKeys.PARAM_ISSUE, r.issueKey(),
                RetroKeys.PARAM_TEMPLATE, RetroPages.template(r)), RetroPages.body(r))
                + "\n<h2>" + Html.escape("Learnings from " + r.projectKey() + " " + kind + "s") + "</h2>\n"
                + macro(services.learningsMacro, Map.of("projects", r.projectKey(), "kind", kind, "max", "5"), null);
        Map<String, Object> model = page(RetroPages.title(r), String.valueOf(r.issueId()));
        model.put("contentHtml", contentHtml);
        render(response, "confluence-wiki.vm", model);
    }

    /** A page made from a retro blueprint (ConfluenceCreateServlet): the retro macro around the blueprint's intro. */
    private void createdPage(HttpServletResponse response,
                             dev.failforward.preview.confluence.PreviewConfluencePages.CreatedPage page)
            throws IOException {
        Map<String, String> parameters = new java.util.HashMap<>();
        parameters.put(RetroKeys.PARAM_TEMPLATE, page.templateId());
        if (!page.issueKey().isEmpty()) {
            parameters.put(RetroKeys.PARAM_ISSUE, page.issueKey());
        }
        Map<String, Object> model = page(page.title(), String.valueOf(page.id()));
        model.put("contentHtml", macro(services.retroMacro, parameters, page.introXhtml()));
        render(response, "confluence-wiki.vm", model);
    }

    /**
     * A page of the demo space as Confluence shows it: its storage format (written for the demo, no user input) with
     * the macros the preview does not render left as their text.
     */
    private void demoPage(HttpServletResponse response, dev.failforward.preview.confluence.PreviewConfluenceSpace.Page page)
            throws IOException {
        Map<String, Object> model = page(page.title(), String.valueOf(page.id()));
        model.put("contentHtml", page.storage());
        render(response, "confluence-wiki.vm", model);
    }

    private void archivePage(HttpServletResponse response) throws IOException {
        Map<String, Object> model = page("Learnings archive", String.valueOf(ARCHIVE_PAGE_ID));
        model.put("contentHtml", "<p>" + Html.escape("Everything the teams learned from their experiments and "
                + "incidents, newest first. Search, or narrow it down with the counts on the left.") + "</p>\n"
                + macro(services.learningsMacro, Map.of(), null));
        render(response, "confluence-wiki.vm", model);
    }

    /** A macro's output for a page view, as Confluence calls it; its error as Confluence shows one. */
    private static String macro(Macro macro, Map<String, String> parameters, String body) {
        try {
            return macro.execute(parameters, body, ConfluencePageServlet.PAGE_VIEW);
        } catch (MacroExecutionException e) {
            return "<div class=\"aui-message aui-message-error\">" + Html.escape(e.getMessage()) + "</div>";
        }
    }

    /**
     * The failure showcase page: the {@code failforward-showcase} macro for the last complete quarter over every
     * project, printed on the server; {@code ?output=pdf} (or {@code word}) renders it as Confluence's PDF or Word
     * export does, {@code ?period=} and {@code ?projects=} change the macro's parameters.
     */
    private void showcasePage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> parameters = new java.util.HashMap<>();
        String period = request.getParameter("period");
        parameters.put("period", period == null ? DemoShowcase.lastQuarter(java.time.Instant.now()) : period);
        if (request.getParameter("projects") != null) {
            parameters.put("projects", request.getParameter("projects"));
        }
        String output = request.getParameter("output");
        com.atlassian.confluence.content.render.xhtml.ConversionContext context =
                "pdf".equals(output) || "word".equals(output) ? () -> output : ConfluencePageServlet.PAGE_VIEW;
        String macroHtml;
        try {
            macroHtml = services.showcaseMacro.execute(parameters, null, context);
        } catch (MacroExecutionException e) {
            macroHtml = "<div class=\"aui-message aui-message-error\">" + Html.escape(e.getMessage()) + "</div>";
        }
        Map<String, Object> model = page("Failure showcase " + parameters.get("period"), String.valueOf(SHOWCASE_PAGE_ID));
        model.put("contentHtml", "<p>" + Html.escape("What we learned by failing this quarter, from Jira. The content "
                + "is printed by the server, so exporting this page to PDF or Word keeps it.") + "</p>\n" + macroHtml);
        render(response, "confluence-wiki.vm", model);
    }

    /**
     * The weekly failure huddle page of the OPS and CARE team ({@link DemoResurfacing#TEAM}): the
     * {@code failforward-retro} macro with the failure huddle template and the team's projects around the team's
     * agenda, as a team keeps it in Confluence.
     */
    private void huddlePage(HttpServletResponse response) throws IOException {
        Map<String, Object> model = page(HUDDLE_PAGE_TITLE, String.valueOf(HUDDLE_PAGE_ID));
        model.put("contentHtml", macro(services.retroMacro, Map.of(RetroKeys.PARAM_TEMPLATE,
                RetroKeys.TEMPLATE_FAILURE_HUDDLE, RetroKeys.PARAM_PROJECTS, String.join(",", DemoResurfacing.TEAM)),
                """
                <p>Every Monday at 09:30, fifteen minutes, standing. Go through the board from Jira, then answer the
                three questions below; whoever keeps time marks the huddle held.</p>
                <ul>
                <li>Each failure: what did not work, and why it mattered.</li>
                <li>Open 24-hour rules: who captures the first learnings before the deadline?</li>
                <li>Overdue follow-ups: help, a new date, or let go.</li>
                </ul>
                """));
        render(response, "confluence-wiki.vm", model);
    }

    /** The huddle page's id and title: not an issue id of the demo. */
    static final long HUDDLE_PAGE_ID = 98_003;
    static final String HUDDLE_PAGE_TITLE = "Weekly failure huddle: CARE and OPS";

    /** The showcase page's id: not an issue id of the demo. */
    static final long SHOWCASE_PAGE_ID = 98_002;

    /** The archive page's id: not an issue id of the demo (those start at 10101). */
    static final long ARCHIVE_PAGE_ID = 98_001;

    private void space(HttpServletResponse response) throws IOException {
        List<Map<String, String>> pages = new ArrayList<>();
        for (dev.failforward.preview.confluence.PreviewConfluencePages.CreatedPage created : services.confluencePages.all()) {
            pages.add(Map.of("titleHtml", Html.escape(created.title()),
                    "url", PreviewApplicationProperties.CONTEXT_PATH + RetroPages.VIEW_PATH + created.id(),
                    "kind", created.templateId().equals(RetroKeys.TEMPLATE_INCIDENT_POSTMORTEM) ? "incident" : "experiment"));
        }
        for (String project : DemoData.projects()) {
            for (FailureRecord r : services.records.findByProject(project, PageRequest.first(20))) {
                pages.add(Map.of("titleHtml", Html.escape(RetroPages.title(r)),
                        "url", PreviewApplicationProperties.CONTEXT_PATH + RetroPages.VIEW_PATH + r.issueId(),
                        "kind", r.kind().name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        Map<String, Object> model = page("Retros", "");
        model.put("pages", pages);
        render(response, "confluence-space.vm", model);
    }

    /** The model every Confluence page needs: its title, and the meta values Confluence's page has. */
    private Map<String, Object> page(String title, String pageId) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("titleHtml", Html.escape(title));
        model.put("pageIdHtml", Html.escape(pageId));
        model.put("baseUrlHtml", Html.escape(services.confluenceApplication.getBaseUrl(UrlMode.CANONICAL)));
        model.put("contextPath", PreviewApplicationProperties.CONTEXT_PATH);
        model.put("userHtml", Html.escape(dev.failforward.preview.jira.PreviewUsers.current()));
        // as in Confluence, every page carries the plugin's atl.general web resources, with their dependencies
        WebResourceBatch resources = new WebResourceBatch(services.plugins, PreviewServices.CONFLUENCE_PLUGIN_KEY)
                .requireContext("atl.general");
        model.put("scriptsHtml", resources.urls(".js"));
        model.put("stylesHtml", resources.urls(".css"));
        return model;
    }

    private static Optional<Long> pageId(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
