package dev.failforward.confluence.rest;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.confluence.jira.CitationView;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.jira.FieldProblem;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * {@code POST /learnings/{learningId}/citations} on real Jersey (in-memory container), Jira behind a Mockito
 * {@link FailureDbClient}: a retro page cites a past failure's learning.
 */
class CitationsRestTest {

    private static final BundleI18nResolver I18N = ConfluenceRest.english();
    private static final Instant AT = Instant.parse("2026-05-06T11:00:00Z");

    private final FailureDbClient jira = mock(FailureDbClient.class);
    private final UserManager users = mock(UserManager.class);
    private RestApp jersey;

    @BeforeEach
    void start() {
        when(users.getRemoteUserKey()).thenReturn(new UserKey("u1"));
        jersey = ConfluenceRest.app(I18N)
                .bind(FailureDbClient.class, jira)
                .bind(UserManager.class, "salUserManager", users)
                .register(LearningsResource.class)
                .start();
    }

    @AfterEach
    void stop() {
        jersey.close();
    }

    private Response cite(String learningId, String body) {
        return jersey.post("learnings/" + learningId + "/citations", body);
    }

    @Test
    void aNewCitationIs201AndOneAlreadyRecordedIs200() {
        when(jira.citeLearning(31, 98304)).thenReturn(
                new JiraResult.Ok<>(new CitationView(31, "page:98304", AT, 4, true)),
                new JiraResult.Ok<>(new CitationView(31, "page:98304", AT, 4, false)));

        Response first = cite("31", "{\"pageId\": 98304}");
        assertThat(first.getStatus()).isEqualTo(201);
        JsonNode body = RestApp.json(first);
        assertThat(body.path("state").asText()).isEqualTo("ok");
        assertThat(body.path("learningId").asLong()).isEqualTo(31);
        assertThat(body.path("target").asText()).isEqualTo("page:98304");
        assertThat(body.path("reusedAt").asText()).isEqualTo("2026-05-06T11:00:00Z");
        assertThat(body.path("reuses").asLong()).isEqualTo(4);
        assertThat(body.path("created").asBoolean()).isTrue();

        // the page id as the browser may send it (a string of digits)
        Response again = cite("31", "{\"pageId\": \"98304\"}");
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(RestApp.json(again).path("created").asBoolean()).isFalse();
    }

    @Test
    void aBadPageIdOrLearningIdIs400NamingTheFieldBeforeJiraIsAsked() {
        for (String body : List.of("{\"pageId\": 0}", "{\"pageId\": -4}", "{\"pageId\": 1.5}", "{\"pageId\": \"abc\"}",
                "{\"pageId\": true}", "{\"pageId\": 123456789012345678901234}")) {
            Response response = cite("31", body);
            assertThat(response.getStatus()).as(body).isEqualTo(400);
            JsonNode error = RestApp.json(response).path("errors").get(0);
            assertThat(error.path("field").asText()).as(body).isEqualTo("pageId");
            assertThat(error.path("message").asText()).as(body).contains("is not the id of a Confluence page");
        }
        JsonNode missing = RestApp.json(cite("31", "{}"));
        assertThat(missing.path("errors").get(0).path("field").asText()).isEqualTo("pageId");
        assertThat(missing.path("errors").get(0).path("code").asText()).isEqualTo("required");

        for (String id : List.of("0", "abc", "-3", "99999999999999999999")) {
            Response response = cite(id, "{\"pageId\": 98304}");
            assertThat(response.getStatus()).as(id).isEqualTo(400);
            JsonNode error = RestApp.json(response).path("errors").get(0);
            assertThat(error.path("field").asText()).as(id).isEqualTo("learningId");
            assertThat(error.path("message").asText()).as(id).contains("is not the id of a learning");
        }
        verify(jira, never()).citeLearning(anyLong(), anyLong());
    }

    @Test
    void jirasFieldErrorsPassThroughAs400() {
        when(jira.citeLearning(31, 98304)).thenReturn(
                new JiraResult.Invalid<>(List.of(new FieldProblem("target", "format", "Target: not a page."))));
        Response response = cite("31", "{\"pageId\": 98304}");
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = RestApp.json(response);
        assertThat(body.path("message").asText()).isEqualTo("Jira did not accept the input.");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("target");
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("Target: not a page.");
    }

    @Test
    void jiraDownMissingOrUnlinkedMapsToTheProxysStates() {
        List<JiraResult<CitationView>> results = List.of(new JiraResult.Unavailable<>("Jira timed out"),
                new JiraResult.NotFound<>(), new JiraResult.Forbidden<>(),
                new JiraResult.NoLink<>("/plugins/servlet/applinks/listApplicationLinks"),
                new JiraResult.AuthorizationRequired<>(URI.create("https://jira.example.com/oauth")));
        int[] statuses = {503, 404, 403, 409, 409};
        String[] states = {"unavailable", "not-found", "forbidden", "no-link", "authorize"};
        for (int i = 0; i < results.size(); i++) {
            when(jira.citeLearning(31, 98304)).thenReturn(results.get(i));
            Response response = cite("31", "{\"pageId\": 98304}");
            assertThat(response.getStatus()).as(states[i]).isEqualTo(statuses[i]);
            JsonNode body = RestApp.json(response);
            assertThat(body.path("state").asText()).isEqualTo(states[i]);
            assertThat(body.path("message").asText()).as(states[i]).isNotBlank().doesNotContain("timed out");
        }
        when(jira.citeLearning(31, 98304)).thenReturn(new JiraResult.NotFound<>());
        assertThat(RestApp.json(cite("31", "{\"pageId\": 98304}")).path("message").asText())
                .isEqualTo("Jira has no learning #31 that you may see.");
        when(jira.citeLearning(31, 98304)).thenReturn(
                new JiraResult.AuthorizationRequired<>(URI.create("https://jira.example.com/oauth")));
        assertThat(RestApp.json(cite("31", "{\"pageId\": 98304}")).path("authorizeUri").asText())
                .isEqualTo("https://jira.example.com/oauth");
    }

    @Test
    void anonymousCallersGet401AndJiraIsNotAsked() {
        when(users.getRemoteUserKey()).thenReturn(null);
        assertThat(cite("31", "{\"pageId\": 98304}").getStatus()).isEqualTo(401);
        verifyNoInteractions(jira);
    }
}
