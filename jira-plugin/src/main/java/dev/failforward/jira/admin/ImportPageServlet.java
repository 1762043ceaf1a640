package dev.failforward.jira.admin;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /plugins/servlet/failforward/import}: upload post-mortems (Markdown files or a .zip of them), review what the
 * dry run found in each file, then import them as Incident issues (it calls {@code /rest/failforward/1.0/imports}).
 * For Jira administrators and project administrators: the page asks for login; the REST calls refuse a project the
 * user may not import into (403 naming it), so the page needs no permission check of its own beyond login. Big batches
 * are sent in parts with a progress bar; a batch cut short is resumed by importing the same files again (what was
 * imported is unchanged and skipped).
 *
 * <p>The page's script and styles are the {@code import-page} web resource, required through the host's
 * {@link PageBuilderService}; the template gets plain text, which the host's renderer escapes.
 */
public class ImportPageServlet extends HttpServlet {

    static final String TEMPLATE = "templates/admin/import.vm";
    static final String WEB_RESOURCE = "dev.failforward.jira:import-page";
    static final String[] TEXTS = {"title", "intro", "project", "files", "filesHint", "check", "run", "checking",
            "running", "progress", "file", "outcome", "issue", "found", "problems", "none", "failed", "summary",
            "outcome.create", "outcome.update", "outcome.unchanged", "outcome.created", "outcome.updated",
            "outcome.failed", "line", "nothing", "mapping", "mappingHint", "unmapped", "confidence", "remap",
            // from Confluence
            "confluence", "confluenceIntro", "space", "spaceHint", "label", "labelHint", "parent", "parentHint",
            "checkConfluence", "runConfluence", "checkingConfluence", "authorize", "status.reported",
            "status.analysing", "status.learning_review", "status.closed", "stoppedBy"};

    private final transient UserManager users;
    private final transient LoginUriProvider login;
    private final transient TemplateRenderer templates;
    private final transient I18nResolver i18n;
    private final transient PageBuilderService page;

    @Inject
    public ImportPageServlet(@ComponentImport("salUserManager") @Named("salUserManager") UserManager users,
                             @ComponentImport LoginUriProvider login, @ComponentImport TemplateRenderer templates,
                             @ComponentImport I18nResolver i18n, @ComponentImport PageBuilderService page) {
        this.users = users;
        this.login = login;
        this.templates = templates;
        this.i18n = i18n;
        this.page = page;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserKey user = users.getRemoteUserKey(request);
        if (user == null) {
            response.sendRedirect(login.getLoginUri(SetupAdminServlet.currentUri(request)).toASCIIString());
            return;
        }
        page.assembler().resources().requireWebResource(WEB_RESOURCE);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("contextPath", request.getContextPath());
        String project = request.getParameter("project");
        model.put("projectKey", project == null ? "" : project.strip());
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : TEXTS) {
            texts.put(key, i18n.getText("failforward.import.page." + key));
        }
        model.put("text", texts);
        response.setContentType("text/html;charset=UTF-8");
        templates.render(TEMPLATE, model, response.getWriter());
    }
}
