package dev.failforward.jira.retro;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.application.confluence.ConfluenceApplicationType;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.project.Project;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.templates.VelocityTemplateRenderer;
import dev.failforward.jira.JiraI18n;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.projection.ProjectionSetup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class WriteRetroServletTest {

    private static final UserKey FRED = new UserKey("fred");

    private final UserManager users = mock(UserManager.class);
    private final LoginUriProvider login = mock(LoginUriProvider.class);
    private final IssueManager issues = mock(IssueManager.class);
    private final ProjectionSetup setup = mock(ProjectionSetup.class);
    private final RecordPermissions permissions = mock(RecordPermissions.class);
    private final ApplicationLinkService links = mock(ApplicationLinkService.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter page = new StringWriter();
    private final WriteRetroServlet servlet = new WriteRetroServlet(users, login, issues, setup, permissions, links,
            new VelocityTemplateRenderer(), JiraI18n.english());

    @BeforeEach
    void fixtures() throws Exception {
        when(request.getRequestURL()).thenReturn(new StringBuffer("http://jira.example.com/jira/plugins/servlet/failforward/write-retro"));
        when(request.getQueryString()).thenReturn("issueId=10101");
        when(request.getContextPath()).thenReturn("/jira");
        when(response.getWriter()).thenReturn(new PrintWriter(page));
        when(users.getRemoteUserKey(request)).thenReturn(FRED);
        when(setup.issueTypes()).thenReturn(Map.of("10001", RecordKind.EXPERIMENT, "10002", RecordKind.INCIDENT));
        when(permissions.canBrowse("OPS")).thenReturn(true);
        issue(10101L, "OPS-12", "10002", "OPS");
        issue(10102L, "OPS-13", "10001", "OPS");
        issue(10103L, "OPS-14", "3", "OPS"); // a task
        issue(10104L, "SEC-1", "10002", "SEC"); // not browsable
    }

    private void issue(long id, String key, String typeId, String projectKey) {
        MutableIssue issue = mock(MutableIssue.class);
        IssueType type = mock(IssueType.class);
        Project project = mock(Project.class);
        when(type.getId()).thenReturn(typeId);
        when(project.getKey()).thenReturn(projectKey);
        when(issue.getId()).thenReturn(id);
        when(issue.getKey()).thenReturn(key);
        when(issue.getIssueType()).thenReturn(type);
        when(issue.getProjectObject()).thenReturn(project);
        when(issues.getIssueObject(id)).thenReturn(issue);
    }

    private void confluenceAt(String url) {
        ApplicationLink link = mock(ApplicationLink.class);
        when(link.getDisplayUrl()).thenReturn(URI.create(url));
        when(links.getPrimaryApplicationLink(ConfluenceApplicationType.class)).thenReturn(link);
    }

    @Test
    void anIncidentRedirectsToThePostmortemBlueprintOnTheLinkedConfluence() throws Exception {
        confluenceAt("https://wiki.example.com/");
        when(request.getParameter("issueId")).thenReturn("10101");
        servlet.doGet(request, response);
        verify(response).sendRedirect("https://wiki.example.com/dashboard.action?createDialog=true"
                + "&createDialogBlueprintKey=dev.failforward.confluence%3Apostmortem-blueprint&issueKey=OPS-12");
    }

    @Test
    void anExperimentRedirectsToTheExperimentRetroBlueprint() throws Exception {
        confluenceAt("https://wiki.example.com");
        when(request.getParameter("issueId")).thenReturn(" 10102 ");
        servlet.doGet(request, response);
        verify(response).sendRedirect("https://wiki.example.com/dashboard.action?createDialog=true"
                + "&createDialogBlueprintKey=dev.failforward.confluence%3Aexperiment-retro-blueprint&issueKey=OPS-13");
    }

    @Test
    void withoutAConfluenceLinkUsersReadWhyAndAdminsGetTheApplicationLinksPage() throws Exception {
        when(request.getParameter("issueId")).thenReturn("10101");
        when(users.isAdmin(FRED)).thenReturn(true);
        servlet.doGet(request, response);
        verify(response, never()).sendRedirect(anyString());
        verify(response).setStatus(200);
        Document html = Jsoup.parse(page.toString());
        assertThat(html.select("#ff-write-retro-message").text()).contains("Retros of OPS-12 are written in Confluence")
                .contains("no link to a Confluence site");
        assertThat(html.select("#ff-write-retro-applinks").attr("href"))
                .isEqualTo("/jira/plugins/servlet/applinks/listApplicationLinks");
        assertThat(html.select("#ff-write-retro-back").attr("href")).isEqualTo("/jira/browse/OPS-12");
    }

    @Test
    void usersWhoAreNotAdminsGetNoAdministrationLink() throws Exception {
        when(request.getParameter("issueId")).thenReturn("10101");
        servlet.doGet(request, response);
        Document html = Jsoup.parse(page.toString());
        assertThat(html.select("#ff-write-retro-message").text()).contains("Ask a Jira administrator");
        assertThat(html.select("#ff-write-retro-applinks")).isEmpty();
    }

    @Test
    void aFailingLinkServiceIsAnsweredLikeNoLinkNeverA500() throws Exception {
        when(request.getParameter("issueId")).thenReturn("10101");
        when(links.getPrimaryApplicationLink(ConfluenceApplicationType.class)).thenThrow(new IllegalStateException("x"));
        servlet.doGet(request, response);
        verify(response).setStatus(200);
        verify(response, never()).sendError(anyInt());
        assertThat(page.toString()).contains("no link to a Confluence site");
    }

    @Test
    void aMissingOrMalformedIssueIdIs400NamingTheField() throws Exception {
        for (String bad : new String[] {null, "", "OPS-12", "-1", "0", "12345678901234567890"}) {
            page.getBuffer().setLength(0);
            HttpServletResponse answer = mock(HttpServletResponse.class);
            when(answer.getWriter()).thenReturn(new PrintWriter(page));
            when(request.getParameter("issueId")).thenReturn(bad);
            servlet.doGet(request, answer);
            verify(answer).setStatus(400);
            assertThat(Jsoup.parse(page.toString()).select("#ff-write-retro-message").text()).startsWith("issueId:");
        }
    }

    @Test
    void unknownHiddenAndOtherIssuesAre404() throws Exception {
        confluenceAt("https://wiki.example.com");
        for (String id : new String[] {"99999", "10103", "10104"}) {
            HttpServletResponse answer = mock(HttpServletResponse.class);
            when(answer.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
            when(request.getParameter("issueId")).thenReturn(id);
            servlet.doGet(request, answer);
            verify(answer).setStatus(404);
            verify(answer, never()).sendRedirect(anyString());
        }
    }

    @Test
    void anonymousUsersGoToTheLoginPage() throws Exception {
        when(users.getRemoteUserKey(request)).thenReturn(null);
        when(login.getLoginUri(URI.create("http://jira.example.com/jira/plugins/servlet/failforward/write-retro?issueId=10101")))
                .thenReturn(URI.create("http://jira.example.com/jira/login.jsp"));
        servlet.doGet(request, response);
        verify(response).sendRedirect("http://jira.example.com/jira/login.jsp");
    }
}
