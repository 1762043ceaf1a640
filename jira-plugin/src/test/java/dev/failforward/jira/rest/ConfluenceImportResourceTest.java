package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.importing.ConfluenceImport;
import dev.failforward.jira.importing.ConfluencePageSource;
import dev.failforward.jira.importing.ConfluencePageSource.ConfluenceUnavailableException;
import dev.failforward.jira.importing.ConfluencePageSource.Page;
import dev.failforward.jira.importing.ConfluencePageSource.PageQuery;
import dev.failforward.jira.importing.ConfluencePageSource.Problem;
import dev.failforward.jira.importing.ImportService;
import dev.failforward.jira.permissions.FakeRecordPermissions;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * POST /imports/confluence on real Jersey, with the import service and Confluence's pages as test doubles: the request
 * read into a page query (400s naming the field), who may import checked before Confluence is asked (403 naming
 * {@code project}), pages handed over as Confluence pages, and each way Confluence can fail as its own answer.
 */
class ConfluenceImportResourceTest {

    private final ImportService imports = mock(ImportService.class);
    private final ConfluencePageSource source = mock(ConfluencePageSource.class);
    private RestApp jersey;

    private RestApp start(String user) {
        FakeRecordPermissions permissions = new FakeRecordPermissions().as(user, Set.of("OPS"), Set.of("OPS"));
        jersey = JiraRest.app().bind(RecordPermissions.class, permissions)
                .bind(ConfluenceImport.class, new ConfluenceImport(imports, source))
                .register(ConfluenceImportResource.class).start();
        return jersey;
    }

    @AfterEach
    void stop() {
        if (jersey != null) {
            jersey.close();
        }
    }

    private Response post(String json) {
        return start("u-anna").post("imports/confluence", json);
    }

    private static JsonNode firstError(Response response) {
        return RestApp.json(response).path("errors").get(0);
    }

    @Test
    void pagesAreImportedAsConfluencePagesWithTheQueryAsked() {
        when(imports.mayImport("ops")).thenReturn("OPS");
        when(source.pages(any())).thenReturn(List.of(new Page("880", "Post-mortem: DNS", "https://wiki/x?pageId=880",
                "<h2>Summary</h2><p>x</p>")));
        when(imports.run(eq("OPS"), any(), anyBoolean(), any())).thenReturn(new ImportService.BatchReport("OPS", true,
                List.of(new ImportService.FileReport("Post-mortem: DNS (880)", ImportService.Outcome.CREATE,
                        "confluence-page-880", null, List.of(), List.of(), null)), List.of()));

        Response response = post("{\"project\":\"ops\",\"space\":\" OPS \",\"label\":\"postmortem\",\"parent\":12345,"
                + "\"max\":20}");

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = RestApp.json(response);
        assertThat(body.path("dryRun").asBoolean()).isTrue();
        assertThat(body.path("files").get(0).path("sourceKey").asText()).isEqualTo("confluence-page-880");
        assertThat(body.path("counts").path("create").asInt()).isEqualTo(1);
        verify(source).pages(new PageQuery("OPS", "postmortem", "12345", 20));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<ImportService.SourceFile>> files = ArgumentCaptor.forClass(List.class);
        verify(imports).run(eq("OPS"), files.capture(), eq(true), any());
        ImportService.SourceFile file = files.getValue().get(0);
        assertThat(file.name()).isEqualTo("Post-mortem: DNS (880)");
        assertThat(file.page()).isEqualTo(new ImportService.ConfluencePage("880", "Post-mortem: DNS",
                "https://wiki/x?pageId=880"));
        assertThat(new String(file.content(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("<h2>Summary</h2><p>x</p>");
    }

    @Test
    void theDefaultsAreADryRunOf200Pages() {
        when(imports.mayImport("OPS")).thenReturn("OPS");
        when(source.pages(any())).thenReturn(List.of(new Page("1", null, null, null)));
        when(imports.run(any(), any(), anyBoolean(), any())).thenReturn(new ImportService.BatchReport("OPS", true,
                List.of(), List.of()));
        assertThat(post("{\"project\":\"OPS\",\"space\":\"OPS\"}").getStatus()).isEqualTo(200);
        verify(source).pages(new PageQuery("OPS", null, null, 200));
        verify(imports).run(eq("OPS"), any(), eq(true), any());
    }

    @Test
    void badFieldsAre400NamingThem() {
        assertThat(firstError(post("{\"project\":\"OPS\"}")).path("field").asText()).isEqualTo("space");
        jersey.close();
        assertThat(firstError(post("{\"project\":\"OPS\",\"space\":\"A B\"}")).path("field").asText()).isEqualTo("space");
        jersey.close();
        assertThat(firstError(post("{\"project\":\"OPS\",\"space\":\"OPS\\\" or x\"}")).path("field").asText())
                .isEqualTo("space");
        jersey.close();
        assertThat(firstError(post("{\"project\":\"OPS\",\"space\":\"OPS\",\"label\":\"two words\"}")).path("field")
                .asText()).isEqualTo("label");
        jersey.close();
        assertThat(firstError(post("{\"project\":\"OPS\",\"space\":\"OPS\",\"parent\":\"12a\"}")).path("field")
                .asText()).isEqualTo("parent");
        jersey.close();
        assertThat(firstError(post("{\"project\":\"OPS\",\"space\":\"OPS\",\"max\":0}")).path("field").asText())
                .isEqualTo("max");
        jersey.close();
        Response noProject = post("{\"space\":\"OPS\"}");
        assertThat(noProject.getStatus()).isEqualTo(400);
        assertThat(firstError(noProject).path("field").asText()).isEqualTo("project");
        verify(source, never()).pages(any());
    }

    @Test
    void whoMayNotImportGets403BeforeConfluenceIsAsked() {
        when(imports.mayImport("OPS")).thenThrow(new FailureDbException.FieldDenied("project",
                "failforward.import.error.project.denied", "OPS"));
        Response response = post("{\"project\":\"OPS\",\"space\":\"OPS\"}");
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(RestApp.json(response).toString()).contains("project");
        verify(source, never()).pages(any());
        jersey.close();
        assertThat(start(null).post("imports/confluence", "{\"project\":\"OPS\",\"space\":\"OPS\"}").getStatus())
                .isEqualTo(401);
    }

    @Test
    void noMatchingPageIs400NamingTheSpace() {
        when(imports.mayImport("OPS")).thenReturn("OPS");
        when(source.pages(any())).thenReturn(List.of());
        Response response = post("{\"project\":\"OPS\",\"space\":\"OPS\",\"label\":\"pm\"}");
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode error = firstError(response);
        assertThat(error.path("field").asText()).isEqualTo("space");
        assertThat(error.path("message").asText()).contains("OPS").contains("label");
    }

    @Test
    void authorisationNeededIs409WithWhereToAuthorise() {
        when(imports.mayImport("OPS")).thenReturn("OPS");
        when(source.pages(any())).thenThrow(new ConfluenceUnavailableException(Problem.AUTHORIZATION_REQUIRED,
                URI.create("https://jira.example.com/authorize?applinkId=1"), null));
        Response response = post("{\"project\":\"OPS\",\"space\":\"OPS\"}");
        assertThat(response.getStatus()).isEqualTo(409);
        JsonNode body = RestApp.json(response);
        assertThat(body.path("authorizeUrl").asText()).isEqualTo("https://jira.example.com/authorize?applinkId=1");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("confluence");
        assertThat(body.path("errors").get(0).path("code").asText()).isEqualTo("authorization-required");
        assertThat(body.path("message").asText()).startsWith("Authorise Jira to read Confluence");
    }

    @Test
    void eachConfluenceFailureHasItsStatusAndCodeNeverA500() {
        Object[][] cases = {
            {Problem.NO_LINK, 409, "no-link"}, {Problem.FORBIDDEN, 409, "forbidden"},
            {Problem.NOT_FOUND, 409, "not-found"}, {Problem.BAD_QUERY, 400, "bad-query"},
            {Problem.TIMEOUT, 504, "timeout"}, {Problem.UNAVAILABLE, 502, "unavailable"}};
        for (Object[] c : cases) {
            when(imports.mayImport("OPS")).thenReturn("OPS");
            doThrow(new ConfluenceUnavailableException((Problem) c[0], null, "why")).when(source).pages(any());
            Response response = post("{\"project\":\"OPS\",\"space\":\"OPS\"}");
            assertThat(response.getStatus()).as(c[0].toString()).isEqualTo(c[1]);
            JsonNode body = RestApp.json(response);
            assertThat(body.path("errors").get(0).path("code").asText()).isEqualTo(c[2]);
            assertThat(body.path("message").asText()).isNotBlank().doesNotContain("failforward.");
            assertThat(body.path("authorizeUrl").isNull()).isTrue();
            jersey.close();
        }
        jersey = null;
    }
}
