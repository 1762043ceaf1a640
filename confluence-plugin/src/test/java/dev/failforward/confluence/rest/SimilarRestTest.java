package dev.failforward.confluence.rest;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.jira.FieldProblem;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.confluence.jira.SimilarView;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** {@code GET /similar/{issueKey}} on real Jersey (in-memory container), Jira behind a Mockito {@link FailureDbClient}. */
class SimilarRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BundleI18nResolver I18N = ConfluenceRest.english();

    private final FailureDbClient jira = mock(FailureDbClient.class);
    private final UserManager users = mock(UserManager.class);
    private RestApp jersey;

    @BeforeEach
    void start() {
        when(users.getRemoteUserKey()).thenReturn(new UserKey("u1"));
        jersey = ConfluenceRest.app(I18N)
                .bind(FailureDbClient.class, jira)
                .bind(UserManager.class, "salUserManager", users)
                .register(SimilarResource.class)
                .start();
    }

    @AfterEach
    void stop() {
        jersey.close();
    }

    /** A GET of a path with its query as written. */
    private Response get(String pathAndQuery) {
        return jersey.getRaw(pathAndQuery);
    }

    private static JsonNode json(Response response) throws Exception {
        return JSON.readTree(response.readEntity(String.class));
    }

    private static SimilarView twoMatches(String jiraUrl) {
        return new SimilarView(List.of(
                new SimilarView.Match("OPS-12", "OPS", "Certificate expired on the API gateway", 0.71,
                        List.of("certificate", "expired", "same component"), "/browse/OPS-12",
                        List.of(new SimilarView.Learning(31, "Alert 30 days before expiry", "insight"))),
                new SimilarView.Match("SEC-3", "SEC", null, 0.4, List.of("expired"), null)),
                new SimilarView.Index("ready", 100), jiraUrl == null ? null : URI.create(jiraUrl));
    }

    @Test
    void anOkAnswerListsTheMatchesWithAbsoluteJiraUrls() throws Exception {
        when(jira.similar("OPS-42", 5)).thenReturn(new JiraResult.Ok<>(twoMatches("https://jira.example.com/jira/")));

        Response response = get("similar/ops-42");

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("state").asText()).isEqualTo("ok");
        assertThat(body.path("issueKey").asText()).isEqualTo("OPS-42");
        assertThat(body.path("message").isNull()).isTrue();
        JsonNode first = body.path("matches").get(0);
        assertThat(first.path("key").asText()).isEqualTo("OPS-12");
        assertThat(first.path("summary").asText()).isEqualTo("Certificate expired on the API gateway");
        assertThat(JSON.convertValue(first.path("reasons"), List.class))
                .containsExactly("certificate", "expired", "same component");
        assertThat(first.path("url").asText()).isEqualTo("https://jira.example.com/jira/browse/OPS-12");
        JsonNode learning = first.path("learnings").get(0);
        assertThat(learning.path("id").asLong()).as("what a retro cites it by").isEqualTo(31);
        assertThat(learning.path("text").asText()).isEqualTo("Alert 30 days before expiry");
        assertThat(learning.path("kind").asText()).isEqualTo("insight");
        JsonNode second = body.path("matches").get(1);
        assertThat(second.path("learnings")).isEmpty();
        assertThat(second.path("summary").isNull()).isTrue();
        assertThat(second.path("url").asText()).as("no url from Jira: the issue's page")
                .isEqualTo("https://jira.example.com/jira/browse/SEC-3");
        assertThat(body.path("index").path("state").asText()).isEqualTo("ready");
        assertThat(body.path("index").path("percent").asInt()).isEqualTo(100);
        assertThat(body.has("score")).isFalse();
        assertThat(first.has("score")).isFalse();
    }

    @Test
    void aRetroPageAsksWhichLearningsItCitedAndABadPageIdIs400() throws Exception {
        SimilarView cited = new SimilarView(List.of(new SimilarView.Match("OPS-12", "OPS", "x", 0.5, List.of(), null,
                List.of(new SimilarView.Learning(31, "Alert early", "insight", true),
                        new SimilarView.Learning(32, "Own the certificates", "insight", false)))),
                new SimilarView.Index("ready", 100), null);
        when(jira.similar("OPS-42", 5, 98304)).thenReturn(new JiraResult.Ok<>(cited));

        JsonNode learnings = json(get("similar/OPS-42?pageId=98304")).path("matches").get(0).path("learnings");
        assertThat(learnings.get(0).path("cited").asBoolean()).isTrue();
        assertThat(learnings.get(1).path("cited").asBoolean()).isFalse();

        Response bad = get("similar/OPS-42?pageId=abc");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(json(bad).path("errors").get(0).path("field").asText()).isEqualTo("pageId");
    }

    @Test
    void passesMaxOnAndDefaultsToFive() throws Exception {
        SimilarView none = new SimilarView(List.of(), new SimilarView.Index("ready", 100), null);
        when(jira.similar(anyString(), anyInt())).thenReturn(new JiraResult.Ok<>(none));

        assertThat(get("similar/OPS-42?max=20").getStatus()).isEqualTo(200);
        verify(jira).similar("OPS-42", 20);
        assertThat(get("similar/OPS-42?max=").getStatus()).isEqualTo(200);
        verify(jira).similar("OPS-42", 5);
        assertThat(get("similar/OPS-42?max=1").getStatus()).isEqualTo(200);
        verify(jira).similar("OPS-42", 1);
    }

    @Test
    void whileJirasIndexBuildsThereAreNoMatchesAndThePercent() throws Exception {
        when(jira.similar("OPS-42", 5)).thenReturn(new JiraResult.Ok<>(
                new SimilarView(List.of(), new SimilarView.Index("building", 42), URI.create("https://jira.example.com"))));

        JsonNode body = json(get("similar/OPS-42"));

        assertThat(body.path("state").asText()).isEqualTo("ok");
        assertThat(body.path("matches").isArray()).isTrue();
        assertThat(body.path("matches")).isEmpty();
        assertThat(body.path("index").path("state").asText()).isEqualTo("building");
        assertThat(body.path("index").path("percent").asInt()).isEqualTo(42);
    }

    @Test
    void withoutJirasDisplayUrlTheMatchesHaveNoUrl() throws Exception {
        when(jira.similar("OPS-42", 5)).thenReturn(new JiraResult.Ok<>(twoMatches(null)));

        JsonNode body = json(get("similar/OPS-42"));

        assertThat(body.path("matches").get(0).path("url").isNull()).isTrue();
        assertThat(body.path("matches").get(0).path("key").asText()).isEqualTo("OPS-12");
    }

    @Test
    void aPathThatWouldLeadOffJiraBecomesTheIssuesPage() {
        String jiraUrl = "https://jira.example.com";
        for (String path : List.of("//evil.example.com/x", "https://evil.example.com/x", "javascript:alert(1)",
                "/\\evil.example.com", "/browse/OPS-12 x", "browse/OPS-12", "")) {
            SimilarView.Match match = new SimilarView.Match("OPS-12", "OPS", null, 1, List.of(), path);
            assertThat(SimilarJson.url(jiraUrl, match)).as(path).isEqualTo("https://jira.example.com/browse/OPS-12");
        }
        SimilarView.Match fine = new SimilarView.Match("OPS-12", "OPS", null, 1, List.of(),
                "/browse/OPS-12?focusedId=3#c");
        assertThat(SimilarJson.url(jiraUrl, fine)).isEqualTo("https://jira.example.com/browse/OPS-12?focusedId=3#c");
    }

    @Test
    void everyExpectedFailureIsA200WithItsState() throws Exception {
        when(jira.similar("OPS-1", 5)).thenReturn(new JiraResult.NoLink<>("/plugins/servlet/applinks/listApplicationLinks"));
        when(jira.similar("OPS-2", 5)).thenReturn(new JiraResult.AuthorizationRequired<>(URI.create("https://jira.example.com/oauth?x=1")));
        when(jira.similar("OPS-3", 5)).thenReturn(new JiraResult.Unavailable<>("timeout after 4s"));
        when(jira.similar("OPS-4", 5)).thenReturn(new JiraResult.NotFound<>());
        when(jira.similar("OPS-5", 5)).thenReturn(new JiraResult.Forbidden<>());

        JsonNode noLinkForAUser = json(get("similar/OPS-1"));
        assertThat(noLinkForAUser.path("state").asText()).isEqualTo("no-link");
        assertThat(noLinkForAUser.path("adminUrl").isNull()).as("only administrators can add a link").isTrue();
        when(users.isAdmin(new UserKey("u1"))).thenReturn(true);
        JsonNode noLink = json(get("similar/OPS-1"));
        assertThat(noLink.path("adminUrl").asText()).isEqualTo("/plugins/servlet/applinks/listApplicationLinks");
        assertThat(noLink.path("message").asText()).startsWith("No Jira is linked");
        JsonNode authorize = json(get("similar/OPS-2"));
        assertThat(authorize.path("state").asText()).isEqualTo("authorize");
        assertThat(authorize.path("authorizeUri").asText()).isEqualTo("https://jira.example.com/oauth?x=1");
        JsonNode unavailable = json(get("similar/OPS-3"));
        assertThat(unavailable.path("state").asText()).isEqualTo("unavailable");
        assertThat(unavailable.path("message").asText()).isEqualTo("Jira could not be reached just now. Try again in a minute.");
        assertThat(unavailable.toString()).doesNotContain("timeout after");
        JsonNode notFound = json(get("similar/OPS-4"));
        assertThat(notFound.path("state").asText()).isEqualTo("not-found");
        assertThat(notFound.path("message").asText()).isEqualTo("Jira has no issue OPS-4, or you may not see it.");
        JsonNode forbidden = json(get("similar/OPS-5"));
        assertThat(forbidden.path("state").asText()).isEqualTo("forbidden");
        assertThat(forbidden.path("message").asText()).isEqualTo("Jira does not let you see failures like OPS-5.");
        for (int i = 1; i <= 5; i++) {
            Response response = get("similar/OPS-" + i);
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.path("issueKey").asText()).isEqualTo("OPS-" + i);
            assertThat(body.path("matches")).isEmpty();
            assertThat(body.path("index").isNull()).isTrue();
        }
    }

    @Test
    void aBadKeyAndABadMaxAreNamedTogetherAndNeverReachJira() throws Exception {
        Response response = get("similar/not-a-key?max=21");
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.path("message").asText()).isEqualTo("The request is not valid.");
        assertThat(body.path("errors").findValuesAsText("field")).containsExactly("issueKey", "max");
        assertThat(body.path("errors").get(0).path("message").asText())
                .isEqualTo("\"not-a-key\" is not a Jira issue key such as OPS-12.");
        assertThat(body.path("errors").get(1).path("code").asText()).isEqualTo("out-of-range");
        assertThat(body.path("errors").get(1).path("message").asText())
                .isEqualTo("The parameter \"max\" must be a whole number from 1 to 20, not \"21\".");
        for (String max : List.of("0", "-1", "five", "2.5", "99999999999999999999")) {
            JsonNode bad = json(get("similar/OPS-42?max=" + max));
            assertThat(bad.path("errors").findValuesAsText("field")).as(max).containsExactly("max");
        }
        verifyNoInteractions(jira);
    }

    @Test
    void jirasOwnRefusalPassesThroughAs400() throws Exception {
        when(jira.similar("OPS-42", 5)).thenReturn(new JiraResult.Invalid<>(
                List.of(new FieldProblem("max", "outOfRange", "max must be 1 to 20."))));

        Response response = get("similar/OPS-42");

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.path("message").asText()).isEqualTo("Jira did not accept the input.");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("max");
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("max must be 1 to 20.");
    }

    @Test
    void anonymousCallersGet401BeforeAnythingIsChecked() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(null);
        for (String path : List.of("similar/OPS-1", "similar/not-a-key?max=99")) {
            Response response = get(path);
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(json(response).path("message").asText()).isEqualTo("Log in to use Fail Forward.");
        }
        verifyNoInteractions(jira);
    }
}
