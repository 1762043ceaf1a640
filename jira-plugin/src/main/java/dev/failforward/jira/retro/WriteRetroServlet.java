package dev.failforward.jira.retro;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.application.confluence.ConfluenceApplicationType;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.templaterenderer.TemplateRenderer;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.projection.ProjectionSetup;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /plugins/servlet/failforward/write-retro?issueId=<id>}: the "Write the retro" action of Experiment and
 * Incident issues. Finds the primary Confluence application link and redirects (302) to Confluence's Create dialog on
 * the blueprint for the record's kind with the issue key ({@link RetroLaunch}).
 *
 * <p>Answers, never a 500: anonymous → the login page; no or malformed {@code issueId} → 400 naming the field; an issue
 * that does not exist, the user may not browse, or is not an experiment or incident → 404; no Confluence link (or the
 * link service failing) → 200 with a page saying so, and for administrators the link to configure application links.
 * The pages are plain text in an escaping template ({@code templates/retro/write-retro.vm}).
 */
public class WriteRetroServlet extends HttpServlet {

    static final String TEMPLATE = "templates/retro/write-retro.vm";
    static final String ISSUE_ID_PARAM = "issueId";
    /** Jira's page for application links, relative to its context path. */
    static final String APPLINKS_ADMIN_PATH = "/plugins/servlet/applinks/listApplicationLinks";

    private static final Logger LOG = LoggerFactory.getLogger(WriteRetroServlet.class);

    private final transient UserManager users;
    private final transient LoginUriProvider login;
    private final transient IssueManager issues;
    private final transient ProjectionSetup setup;
    private final transient RecordPermissions permissions;
    private final transient ApplicationLinkService links;
    private final transient TemplateRenderer templates;
    private final transient I18nResolver i18n;

    @Inject
    public WriteRetroServlet(@ComponentImport("salUserManager") @Named("salUserManager") UserManager users,
                             @ComponentImport LoginUriProvider login, @ComponentImport IssueManager issues,
                             ProjectionSetup setup, RecordPermissions permissions,
                             @ComponentImport ApplicationLinkService links, @ComponentImport TemplateRenderer templates,
                             @ComponentImport I18nResolver i18n) {
        this.users = users;
        this.login = login;
        this.issues = issues;
        this.setup = setup;
        this.permissions = permissions;
        this.links = links;
        this.templates = templates;
        this.i18n = i18n;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserKey user = users.getRemoteUserKey(request);
        if (user == null) {
            response.sendRedirect(login.getLoginUri(currentUri(request)).toASCIIString());
            return;
        }
        Optional<Long> issueId = issueId(request.getParameter(ISSUE_ID_PARAM));
        if (issueId.isEmpty()) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, "failforward.retro.write.badid", false, null);
            return;
        }
        Issue issue = issues.getIssueObject(issueId.get());
        Optional<RecordKind> kind = issue == null ? Optional.empty() : kind(issue);
        if (kind.isEmpty() || issue.getProjectObject() == null
                || !permissions.canBrowse(issue.getProjectObject().getKey())) {
            page(request, response, HttpServletResponse.SC_NOT_FOUND, "failforward.retro.write.notfound", false, null);
            return;
        }
        ApplicationLink confluence;
        try {
            confluence = links.getPrimaryApplicationLink(ConfluenceApplicationType.class);
        } catch (RuntimeException e) {
            LOG.warn("Fail Forward: the Confluence application link could not be read for {}", issue.getKey(), e);
            confluence = null;
        }
        if (confluence == null || confluence.getDisplayUrl() == null) {
            page(request, response, HttpServletResponse.SC_OK, "failforward.retro.write.nolink", users.isAdmin(user),
                    issue.getKey());
            return;
        }
        response.sendRedirect(RetroLaunch.createDialogUrl(confluence.getDisplayUrl(), kind.get(), issue.getKey(), null)
                .toASCIIString());
    }

    private Optional<RecordKind> kind(Issue issue) {
        IssueType type = issue.getIssueType();
        if (type == null || type.getId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(setup.issueTypes().get(type.getId().strip()));
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, String messageKey,
                      boolean admin, String issueKey) throws IOException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", i18n.getText("failforward.retro.write.title"));
        model.put("message", issueKey == null ? i18n.getText(messageKey) : i18n.getText(messageKey, issueKey));
        model.put("adminText", admin ? i18n.getText("failforward.retro.write.nolink.admin") : "");
        model.put("adminUrl", admin ? request.getContextPath() + APPLINKS_ADMIN_PATH : "");
        model.put("backText", issueKey == null ? "" : i18n.getText("failforward.retro.write.back", issueKey));
        model.put("backUrl", issueKey == null ? "" : request.getContextPath() + "/browse/" + issueKey);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        templates.render(TEMPLATE, model, response.getWriter());
    }

    static Optional<Long> issueId(String raw) {
        if (raw == null || raw.isBlank() || raw.strip().length() > 18) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(raw.strip());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static URI currentUri(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        return URI.create(url.toString());
    }
}
