package dev.failforward.jira.admin;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /plugins/servlet/failforward/admin/setup}: the admin page that installs Fail Forward's issue types, fields and
 * workflows and adds them to an existing project (it calls {@code /rest/failforward/1.0/admin/setup}), and shows and
 * starts the rebuild of the failure database from Jira ({@code /rest/failforward/1.0/admin/backfill}). Administrators
 * only: anonymous users go to the login page, other users get 403, and web sudo asks for the password again.
 *
 * <p>The page's script and styles are the {@code admin-setup} web resource, required through the host's
 * {@link PageBuilderService} (Jira's admin decorator writes the tags into the page's head, with dependencies and
 * batching), never a hard-coded {@code <script>} tag. The template gets plain text, which the host's renderer escapes.
 */
public class SetupAdminServlet extends HttpServlet {

    static final String TEMPLATE = "templates/admin/setup.vm";
    /** The page's web resource ({@code <web-resource key="admin-setup">}) by its complete key. */
    static final String WEB_RESOURCE = "dev.failforward.jira:admin-setup";

    private final transient UserManager users;
    private final transient LoginUriProvider login;
    private final transient WebSudoManager webSudo;
    private final transient TemplateRenderer templates;
    private final transient I18nResolver i18n;
    private final transient PageBuilderService page;

    @Inject
    public SetupAdminServlet(@ComponentImport("salUserManager") @Named("salUserManager") UserManager users,
                             @ComponentImport LoginUriProvider login, @ComponentImport WebSudoManager webSudo,
                             @ComponentImport TemplateRenderer templates, @ComponentImport I18nResolver i18n,
                             @ComponentImport PageBuilderService page) {
        this.users = users;
        this.login = login;
        this.webSudo = webSudo;
        this.templates = templates;
        this.i18n = i18n;
        this.page = page;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserKey user = users.getRemoteUserKey(request);
        if (user == null) {
            response.sendRedirect(login.getLoginUri(currentUri(request)).toASCIIString());
            return;
        }
        if (!users.isAdmin(user)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (!webSudo.canExecuteRequest(request)) {
            webSudo.enforceWebSudoProtection(request, response);
            return;
        }
        page.assembler().resources().requireWebResource(WEB_RESOURCE);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("contextPath", request.getContextPath());
        for (String key : new String[] {"title", "intro", "install", "project", "add", "working", "created", "found", "failed"}) {
            model.put(key, i18n.getText("failforward.admin.setup." + key));
        }
        for (String key : new String[] {"title", "intro", "loading", "queue", "run"}) {
            String name = "backfill" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
            model.put(name, i18n.getText("failforward.admin.backfill." + key));
        }
        // this node's search index (each node has its own: the page shows the node that served it)
        for (String key : new String[] {"title", "intro", "loading", "run"}) {
            String name = "searchIndex" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
            model.put(name, i18n.getText("failforward.admin.searchindex." + key));
        }
        // the most valuable failure award: its settings and the current awards (js/award/award-admin.js)
        for (String key : new String[] {"title", "intro", "months", "votingDays", "zone", "zoneHelp", "groups",
                "groupsHelp", "save", "saving", "saved", "failed", "current", "currentHelp", "end", "close", "confirm",
                "advanced", "nominating", "voting"}) {
            String name = "award" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
            model.put(name, i18n.getText("failforward.admin.award." + key));
        }
        // the follow-up reminders' settings (the daily job; the weekly digest is each user's own choice)
        for (String key : new String[] {"title", "intro", "enabled", "daysahead", "leadafter", "save", "saved"}) {
            String name = "reminders" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
            model.put(name, i18n.getText("failforward.admin.reminders." + key));
        }
        response.setContentType("text/html;charset=UTF-8");
        templates.render(TEMPLATE, model, response.getWriter());
    }

    /** The page's own address, query included, for the login page to come back to. */
    static URI currentUri(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        return URI.create(url.toString());
    }
}
