package dev.failforward.jira.admin;

import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.failforward.host.templates.VelocityTemplateRenderer;
import dev.failforward.jira.JiraI18n;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SetupAdminServletTest {

    private static final UserKey ADMIN = new UserKey("admin");

    private final UserManager users = mock(UserManager.class);
    private final LoginUriProvider login = mock(LoginUriProvider.class);
    private final WebSudoManager webSudo = mock(WebSudoManager.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter page = new StringWriter();
    private final PageBuilderService pageBuilder = mock(PageBuilderService.class, RETURNS_DEEP_STUBS);
    private final SetupAdminServlet servlet =
            new SetupAdminServlet(users, login, webSudo, new VelocityTemplateRenderer(), JiraI18n.english(), pageBuilder);

    @BeforeEach
    void request() throws Exception {
        when(request.getRequestURL()).thenReturn(new StringBuffer("http://jira.example.com/jira/plugins/servlet/failforward/admin/setup"));
        when(request.getContextPath()).thenReturn("/jira");
        when(response.getWriter()).thenReturn(new PrintWriter(page));
        when(users.isAdmin(ADMIN)).thenReturn(true);
    }

    @Test
    void anonymousUsersGoToTheLoginPageAndBack() throws Exception {
        when(login.getLoginUri(URI.create("http://jira.example.com/jira/plugins/servlet/failforward/admin/setup")))
                .thenReturn(URI.create("http://jira.example.com/jira/login.jsp?os_destination=x"));
        servlet.doGet(request, response);
        verify(response).sendRedirect("http://jira.example.com/jira/login.jsp?os_destination=x");
        assertThat(page.toString()).isEmpty();
    }

    @Test
    void usersWhoAreNotAdminsGet403() throws Exception {
        when(users.getRemoteUserKey(request)).thenReturn(new UserKey("fred"));
        servlet.doGet(request, response);
        verify(response).sendError(403);
        assertThat(page.toString()).isEmpty();
    }

    @Test
    void adminsConfirmTheirPasswordFirst() throws Exception {
        when(users.getRemoteUserKey(request)).thenReturn(ADMIN);
        when(webSudo.canExecuteRequest(request)).thenReturn(false);
        servlet.doGet(request, response);
        verify(webSudo).enforceWebSudoProtection(request, response);
        assertThat(page.toString()).isEmpty();
    }

    @Test
    void theRequiredWebResourceIsTheDescriptorsAdminSetupWithItsScriptAndStyles() throws Exception {
        org.w3c.dom.Document descriptor = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(getClass().getClassLoader().getResourceAsStream("atlassian-plugin.xml"));
        org.w3c.dom.NodeList modules = descriptor.getElementsByTagName("web-resource");
        java.util.List<String> locations = new java.util.ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            org.w3c.dom.Element module = (org.w3c.dom.Element) modules.item(i);
            if (("dev.failforward.jira:" + module.getAttribute("key")).equals(SetupAdminServlet.WEB_RESOURCE)) {
                org.w3c.dom.NodeList resources = module.getElementsByTagName("resource");
                for (int j = 0; j < resources.getLength(); j++) {
                    locations.add(((org.w3c.dom.Element) resources.item(j)).getAttribute("location"));
                }
            }
        }
        assertThat(locations).containsExactlyInAnyOrder("js/admin-setup.js", "js/admin-reminders.js",
                "js/award/award-admin.js", "css/admin-setup.css");
    }

    @Test
    void theAdminPageOffersInstallAndAddToProject() throws Exception {
        when(users.getRemoteUserKey(request)).thenReturn(ADMIN);
        when(webSudo.canExecuteRequest(request)).thenReturn(true);
        servlet.doGet(request, response);
        verify(response, never()).sendError(any(Integer.class));
        Document html = Jsoup.parse(page.toString());
        assertThat(html.title()).isEqualTo("Fail Forward setup");
        assertThat(html.select("meta[name=decorator]").attr("content")).isEqualTo("atl.admin");
        assertThat(html.select("#ff-install").text()).isEqualTo("Install or repair");
        assertThat(html.select("#ff-add").text()).isEqualTo("Add to project");
        assertThat(html.select(".ff-admin-setup").attr("data-context-path")).isEqualTo("/jira");
        // the script and styles come from the host: required as a web resource, the decorator writes the tags
        assertThat(html.select("script, link[rel=stylesheet]")).isEmpty();
        verify(pageBuilder.assembler().resources()).requireWebResource("dev.failforward.jira:admin-setup");
        assertThat(html.select(".ff-admin-backfill h2").text()).isEqualTo("Failure database");
        assertThat(html.select("#ff-backfill-run").text()).isEqualTo("Rebuild from Jira now");
        assertThat(html.select("#ff-backfill-queue").attr("data-template")).contains("{0}", "{1}");
        // the follow-up reminders' settings (filled and saved by js/admin-reminders.js over /followups/settings)
        assertThat(html.select(".ff-admin-reminders h2").text()).isEqualTo("Follow-up reminders");
        assertThat(html.select("label[for=ff-reminders-daysahead]").text())
                .isEqualTo("Remind owners this many days before the due date");
        assertThat(html.select("#ff-reminders-leadafter").attr("max")).isEqualTo("365");
        assertThat(html.select("#ff-reminders-form").attr("data-saved")).isEqualTo("Reminder settings saved.");
    }
}
