package dev.failforward.jira.rest;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.jira.setup.JiraSetupService;
import dev.failforward.jira.setup.SetupException;
import dev.failforward.jira.setup.SetupReport;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The admin setup endpoints on real Jersey: a permission matrix and the payloads. */
class SetupResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UserKey ADMIN = new UserKey("admin");
    private static final UserKey USER = new UserKey("fred");

    private final JiraSetupService setup = mock(JiraSetupService.class);
    private final ProjectManager projects = mock(ProjectManager.class);
    private final UserManager users = mock(UserManager.class);
    private final Project ops = mock(Project.class);
    private RestApp jersey;

    @BeforeEach
    void start() {
        when(users.isAdmin(ADMIN)).thenReturn(true);
        when(ops.getKey()).thenReturn("OPS");
        when(projects.getProjectByCurrentKey("OPS")).thenReturn(ops);
        when(setup.ensureInstalled()).thenReturn(SetupReport.of(java.util.List.of(), java.util.List.of()));
        when(setup.addToProject(ops)).thenReturn(SetupReport.of(java.util.List.of(), java.util.List.of()));
        jersey = JiraRest.app()
                .bind(JiraSetupService.class, setup)
                .bind(ProjectManager.class, projects)
                .bind(UserManager.class, "salUserManager", users)
                .register(SetupResource.class)
                .start();
    }

    @AfterEach
    void stop() {
        jersey.close();
    }

    private Response post(String path) {
        return jersey.target(path).request(MediaType.APPLICATION_JSON).post(Entity.json("{}"));
    }

    private static JsonNode json(Response response) throws Exception {
        return JSON.readTree(response.readEntity(String.class));
    }

    @Test
    void anonymousGets401AndNothingRuns() throws Exception {
        Response response = post("admin/setup");
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(json(response).path("message").asText()).isEqualTo("Log in to do this.");
        verify(setup, never()).ensureInstalled();
    }

    @Test
    void aUserWhoIsNotAnAdminGets403AndNothingRuns() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(USER);
        assertThat(post("admin/setup").getStatus()).isEqualTo(403);
        assertThat(post("admin/setup/projects/OPS").getStatus()).isEqualTo(403);
        verify(setup, never()).ensureInstalled();
        verify(setup, never()).addToProject(ops);
    }

    @Test
    void anAdminInstallsAndGetsTheReport() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(ADMIN);
        when(setup.ensureInstalled()).thenReturn(SetupReport.of(java.util.List.of(
                new SetupReport.Item(SetupReport.Kind.ISSUE_TYPE, "experiment", SetupReport.Outcome.CREATED, "10100"),
                new SetupReport.Item(SetupReport.Kind.FIELD, "hypothesis", SetupReport.Outcome.FOUND, "customfield_10200")),
                java.util.List.of()));
        Response response = post("admin/setup");
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("changed").asBoolean()).isTrue();
        assertThat(body.path("items").get(0).path("kind").asText()).isEqualTo("issue-type");
        assertThat(body.path("items").get(0).path("outcome").asText()).isEqualTo("created");
        assertThat(body.path("items").get(1).path("jiraId").asText()).isEqualTo("customfield_10200");
    }

    @Test
    void anAdminAddsFailForwardToAProjectAfterInstalling() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(ADMIN);
        Response response = post("admin/setup/projects/OPS");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json(response).path("projectKey").asText()).isEqualTo("OPS");
        var order = inOrder(setup);
        order.verify(setup).ensureInstalled();
        order.verify(setup).addToProject(ops);
    }

    @Test
    void anUnknownProjectIs404NamingIt() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(ADMIN);
        Response response = post("admin/setup/projects/NOPE");
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(json(response).path("message").asText()).isEqualTo("There is no project with the key \"NOPE\".");
    }

    @Test
    void aSetupStoppedByJiraIs409WithAMessageAndNoStackTrace() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(ADMIN);
        when(setup.ensureInstalled()).thenThrow(new SetupException("failforward.setup.error.busy", "lock timeout after PT5M"));
        Response response = post("admin/setup");
        assertThat(response.getStatus()).isEqualTo(409);
        String raw = response.readEntity(String.class);
        assertThat(raw).doesNotContain("SetupException", "PT5M", "at dev.");
        assertThat(JSON.readTree(raw).path("message").asText()).isNotBlank().doesNotStartWith("failforward.");
    }
}
