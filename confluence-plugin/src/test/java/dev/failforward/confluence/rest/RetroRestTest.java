package dev.failforward.confluence.rest;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.confluence.jira.ActionView;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.jira.FieldProblem;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.confluence.jira.LearningView;
import dev.failforward.confluence.jira.NewAction;
import dev.failforward.confluence.jira.RecordFacts;
import dev.failforward.confluence.jira.RecordView;
import dev.failforward.confluence.jira.WhyView;
import dev.failforward.core.record.SourcePage;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The retro's REST resources on real Jersey (in-memory container), Jira behind a Mockito {@link FailureDbClient}. */
class RetroRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BundleI18nResolver I18N = ConfluenceRest.english();

    private final FailureDbClient jira = mock(FailureDbClient.class);
    private final UserManager users = mock(UserManager.class);
    private final ApplicationProperties application = mock(ApplicationProperties.class);
    private RestApp jersey;

    @BeforeEach
    void start() {
        when(users.getRemoteUserKey()).thenReturn(new UserKey("u1"));
        when(application.getBaseUrl(UrlMode.CANONICAL)).thenReturn("https://wiki.example.com/confluence/");
        jersey = ConfluenceRest.app(I18N)
                .bind(FailureDbClient.class, jira)
                .bind(UserManager.class, "salUserManager", users)
                .bind(ApplicationProperties.class, application)
                .register(RecordsResource.class, BlamelessResource.class)
                .start();
    }

    @AfterEach
    void stop() {
        jersey.close();
    }

    private Response get(String path) {
        return jersey.target(path).request(MediaType.APPLICATION_JSON).get();
    }

    private Response post(String path, String body) {
        return jersey.target(path).request(MediaType.APPLICATION_JSON).post(Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    private static JsonNode json(Response response) throws Exception {
        return JSON.readTree(response.readEntity(String.class));
    }

    private static RecordView experiment() {
        RecordFacts facts = new RecordFacts("OPS-42", "OPS", "experiment", "Pricing page test", "Decided", "decided",
                "If we show yearly prices, then conversion rises 5%", "conversion +5%", "conversion -2%",
                "failed", "pivot", "intelligent", "hypothesis", null, "Growth", null, List.of("pricing"),
                null, null, null, Instant.parse("2024-12-02T09:00:00Z"), Instant.parse("2025-01-02T09:30:00Z"),
                Instant.parse("2025-01-02T10:00:00Z"), null);
        return new RecordView(facts,
                List.of(new LearningView(7, "OPS-42", "Yearly prices scare small teams", "insight", "u1",
                        Instant.parse("2025-01-03T10:00:00Z"))),
                List.of(new ActionView(9, "OPS-42", "Test monthly default", "u2", "Uma Two", LocalDate.of(2025, 2, 1),
                        "process", "open", null, null, null, null, null, 1)),
                List.of(new WhyView(1, "Why?", "Because")));
    }

    @Test
    void anOkRecordIsMappedForTheHeader() throws Exception {
        when(jira.record("OPS-42")).thenReturn(new JiraResult.Ok<>(experiment()));
        Response response = get("records/ops-42");
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("state").asText()).isEqualTo("ok");
        assertThat(body.path("issueKey").asText()).isEqualTo("OPS-42");
        assertThat(body.path("record").path("hypothesis").asText()).startsWith("If we show yearly prices");
        assertThat(body.path("record").path("decision").asText()).isEqualTo("pivot");
        assertThat(body.path("record").path("createdAt").asText()).isEqualTo("2025-01-02T10:00:00Z");
        assertThat(body.path("record").path("startedAt").asText()).isEqualTo("2024-12-02T09:00:00Z");
        assertThat(body.path("record").path("decidedAt").asText()).isEqualTo("2025-01-02T09:30:00Z");
        assertThat(body.path("record").path("discoveredAt").isNull()).isTrue();
        assertThat(body.path("learnings").get(0).path("text").asText()).isEqualTo("Yearly prices scare small teams");
        assertThat(body.path("actionItems").get(0).path("dueDate").asText()).isEqualTo("2025-02-01");
        assertThat(body.path("actionItems").get(0).path("ownerKey").asText()).isEqualTo("u2");
        assertThat(body.path("actionItems").get(0).path("ownerName").asText()).isEqualTo("Uma Two");
        assertThat(body.path("whys").get(0).path("answer").asText()).isEqualTo("Because");
    }

    @Test
    void everyExpectedFailureIsA200WithItsState() throws Exception {
        when(jira.record("OPS-1")).thenReturn(new JiraResult.NoLink<>("/plugins/servlet/applinks/listApplicationLinks"));
        when(jira.record("OPS-2")).thenReturn(new JiraResult.AuthorizationRequired<>(URI.create("https://jira.example.com/oauth?x=1")));
        when(jira.record("OPS-3")).thenReturn(new JiraResult.Unavailable<>("timeout after 5s"));
        when(jira.record("OPS-4")).thenReturn(new JiraResult.NotFound<>());
        when(jira.record("OPS-5")).thenReturn(new JiraResult.Forbidden<>());

        JsonNode noLinkForAUser = json(get("records/OPS-1"));
        assertThat(noLinkForAUser.path("state").asText()).isEqualTo("no-link");
        assertThat(noLinkForAUser.path("adminUrl").isNull()).as("only administrators can add a link").isTrue();
        when(users.isAdmin(new UserKey("u1"))).thenReturn(true);
        JsonNode noLink = json(get("records/OPS-1"));
        assertThat(noLink.path("state").asText()).isEqualTo("no-link");
        assertThat(noLink.path("adminUrl").asText()).isEqualTo("/plugins/servlet/applinks/listApplicationLinks");
        assertThat(noLink.path("message").asText()).startsWith("No Jira is linked");
        JsonNode authorize = json(get("records/OPS-2"));
        assertThat(authorize.path("state").asText()).isEqualTo("authorize");
        assertThat(authorize.path("authorizeUri").asText()).isEqualTo("https://jira.example.com/oauth?x=1");
        JsonNode unavailable = json(get("records/OPS-3"));
        assertThat(unavailable.path("state").asText()).isEqualTo("unavailable");
        assertThat(unavailable.path("message").asText()).isEqualTo("Jira could not be reached just now. Try again in a minute.");
        assertThat(unavailable.toString()).doesNotContain("timeout after");
        assertThat(json(get("records/OPS-4")).path("message").asText()).isEqualTo("Jira has no issue OPS-4, or you may not see it.");
        assertThat(json(get("records/OPS-5")).path("state").asText()).isEqualTo("forbidden");
        for (int i = 1; i <= 5; i++) {
            assertThat(get("records/OPS-" + i).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aMalformedKeyIs400AndNeverReachesJira() throws Exception {
        Response response = get("records/not-a-key");
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("issueKey");
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("\"not-a-key\" is not a Jira issue key such as OPS-12.");
        verifyNoInteractions(jira);
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(null);
        Response read = get("records/OPS-1");
        assertThat(read.getStatus()).isEqualTo(401);
        assertThat(json(read).path("message").asText()).isEqualTo("Log in to use Fail Forward.");
        assertThat(post("records/OPS-1/learnings", "{\"text\":\"x\",\"kind\":\"insight\"}").getStatus()).isEqualTo(401);
        assertThat(post("blameless/check", "{\"text\":\"x\"}").getStatus()).isEqualTo(401);
        verifyNoInteractions(jira);
    }

    @Test
    void addsALearning() throws Exception {
        when(jira.addLearning("OPS-42", "Small teams prefer monthly", "insight", null))
                .thenReturn(new JiraResult.Ok<>(new LearningView(11, "OPS-42", "Small teams prefer monthly", "insight", "u1", null)));
        Response response = post("records/OPS-42/learnings", "{\"text\":\"Small teams prefer monthly\",\"kind\":\"insight\"}");
        assertThat(response.getStatus()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.path("state").asText()).isEqualTo("ok");
        assertThat(body.path("learning").path("id").asLong()).isEqualTo(11);
        assertThat(body.path("learning").path("createdAt").isNull()).isTrue();
    }

    @Test
    void aLearningCapturedOnAPageTellsJiraThePagesCanonicalAddress() throws Exception {
        SourcePage page = new SourcePage("https://wiki.example.com/confluence/pages/viewpage.action?pageId=98305",
                "OPS-42 <retro> & more");
        when(jira.addLearning("OPS-42", "Ask small teams", "surprise", page))
                .thenReturn(new JiraResult.Ok<>(new LearningView(12, "OPS-42", "Ask small teams", "surprise", "u1", null)));
        Response response = post("records/OPS-42/learnings", "{\"text\":\"Ask small teams\",\"kind\":\"surprise\","
                + "\"pageId\":\"98305\",\"pageTitle\":\"OPS-42 <retro> & more\"}");
        assertThat(response.getStatus()).isEqualTo(201);
        verify(jira).addLearning("OPS-42", "Ask small teams", "surprise", page);

        Response bad = post("records/OPS-42/learnings",
                "{\"text\":\"t\",\"kind\":\"insight\",\"pageId\":\"javascript:alert(1)\"}");
        assertThat(bad.getStatus()).isEqualTo(400);
        JsonNode error = json(bad);
        assertThat(error.path("errors").get(0).path("field").asText()).isEqualTo("pageId");
        assertThat(error.path("errors").get(0).path("message").asText()).contains("is not the id of a Confluence page");
        verify(jira, org.mockito.Mockito.never()).addLearning(anyString(), anyString(), eq("insight"), any());
    }

    @Test
    void jirasFieldErrorsPassThroughAs400() throws Exception {
        when(jira.addLearning(anyString(), anyString(), anyString(), any())).thenReturn(new JiraResult.Invalid<>(
                List.of(new FieldProblem("kind", "unknown", "Kind must be insight, surprise, went_well or got_lucky."))));
        Response response = post("records/OPS-42/learnings", "{\"text\":\"t\",\"kind\":\"wisdom\"}");
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.path("message").asText()).isEqualTo("Jira did not accept the input.");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("kind");
        assertThat(body.path("errors").get(0).path("code").asText()).isEqualTo("unknown");
        assertThat(body.path("errors").get(0).path("message").asText()).startsWith("Kind must be");
    }

    @Test
    void addsAnActionItemAndPassesItsFieldsThrough() throws Exception {
        NewAction expected = new NewAction("Test monthly default", "u2", "2025-02-01", "process", null);
        when(jira.addAction("OPS-42", expected)).thenReturn(new JiraResult.Ok<>(new ActionView(9, "OPS-42",
                "Test monthly default", "u2", "Uma Two", LocalDate.of(2025, 2, 1), "process", "open", null, null, null, null, null,
                0)));
        Response response = post("records/OPS-42/actions",
                "{\"description\":\"Test monthly default\",\"owner\":\"u2\",\"dueDate\":\"2025-02-01\",\"type\":\"process\"}");
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(json(response).path("action").path("dueDate").asText()).isEqualTo("2025-02-01");
        verify(jira).addAction("OPS-42", expected);

        when(jira.addAction(any(), any())).thenReturn(new JiraResult.Invalid<>(List.of(
                new FieldProblem("dueDate", "format", "Use yyyy-MM-dd."), new FieldProblem("owner", "unknown", "No such user."))));
        JsonNode invalid = json(post("records/OPS-42/actions", "{\"description\":\"d\",\"dueDate\":\"soon\"}"));
        assertThat(invalid.path("errors").findValuesAsText("field")).containsExactly("dueDate", "owner");
    }

    @Test
    void writesThatDidNotHappenAnswerAnErrorStatusWithTheState() throws Exception {
        when(jira.addLearning("OPS-1", "t", "insight", null)).thenReturn(new JiraResult.NotFound<>());
        when(jira.addLearning("OPS-2", "t", "insight", null)).thenReturn(new JiraResult.Forbidden<>());
        when(jira.addLearning("OPS-3", "t", "insight", null)).thenReturn(new JiraResult.Unavailable<>("down"));
        when(jira.addLearning("OPS-4", "t", "insight", null)).thenReturn(new JiraResult.AuthorizationRequired<>(URI.create("https://j/auth")));
        when(jira.addLearning("OPS-5", "t", "insight", null)).thenReturn(new JiraResult.NoLink<>("/admin"));
        String body = "{\"text\":\"t\",\"kind\":\"insight\"}";
        int[] expected = {404, 403, 503, 409, 409};
        String[] states = {"not-found", "forbidden", "unavailable", "authorize", "no-link"};
        for (int i = 0; i < expected.length; i++) {
            Response response = post("records/OPS-" + (i + 1) + "/learnings", body);
            assertThat(response.getStatus()).isEqualTo(expected[i]);
            assertThat(json(response).path("state").asText()).isEqualTo(states[i]);
        }
    }

    @Test
    void badRequestBodiesAreFieldErrors() throws Exception {
        JsonNode missing = json(post("records/OPS-1/learnings", "{\"kind\":\"insight\"}"));
        assertThat(missing.path("status").asInt()).isEqualTo(400);
        assertThat(missing.path("errors").get(0).path("field").asText()).isEqualTo("text");
        assertThat(missing.path("errors").get(0).path("message").asText()).isEqualTo("The field \"text\" is required.");
        JsonNode malformed = json(post("records/OPS-1/learnings", "{nope"));
        assertThat(malformed.path("errors").get(0).path("field").asText()).isEqualTo("body");
        JsonNode wrongType = json(post("blameless/check", "{\"text\":42}"));
        assertThat(wrongType.path("errors").get(0).path("code").asText()).isEqualTo("type");
        verifyNoInteractions(jira);
    }

    @Test
    void writesAcceptOnlyJsonAndNeverReachJiraOtherwise() throws Exception {
        for (String path : List.of("records/OPS-1/learnings", "records/OPS-1/actions", "blameless/check")) {
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "*/*", "application/*",
                    "multipart/form-data;boundary=x", "application/json;charset=ISO-8859-1")) {
                Response response = jersey.target(path).request()
                        .post(Entity.entity("{\"text\":\"t\",\"kind\":\"insight\"}", MediaType.valueOf(type)));
                assertThat(response.getStatus()).as(path + " as " + type).isEqualTo(415);
                JsonNode body = json(response);
                assertThat(body.path("message").asText()).isEqualTo(
                        "This request changes data, so its body must be JSON: send Content-Type: application/json.");
                assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("Content-Type");
            }
            Response untyped = jersey.target(path)
                    .property(org.glassfish.jersey.client.ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true)
                    .request().post(null);
            assertThat(untyped.getStatus()).isEqualTo(415);
            assertThat(json(untyped).path("errors").get(0).path("code").asText()).isEqualTo("missing");
        }
        verifyNoInteractions(jira);
        Response utf8 = jersey.target("blameless/check").request()
                .post(Entity.entity("{\"text\":\"All good.\"}", "application/json;charset=UTF-8"));
        assertThat(utf8.getStatus()).isEqualTo(200);
    }

    /**
     * As REST v2 clients expect of a bound body ({@code @JsonIgnoreProperties(ignoreUnknown = true)}): a field this API
     * version does not know is ignored on every write, never passed on to Jira, and cannot redirect the write; the body
     * is still read strictly.
     */
    @Test
    void fieldsThisVersionDoesNotKnowAreIgnored() throws Exception {
        String extra = ",\"addedInV2\":{\"tags\":[\"a\",\"b\"],\"weight\":0.5},\"issueKey\":\"SEC-1\",\"owner\":null}";
        when(jira.addLearning("OPS-42", "Small teams prefer monthly", "insight", null))
                .thenReturn(new JiraResult.Ok<>(new LearningView(11, "OPS-42", "Small teams prefer monthly", "insight", "u1", null)));
        assertThat(post("records/OPS-42/learnings", "{\"text\":\"Small teams prefer monthly\",\"kind\":\"insight\"" + extra)
                .getStatus()).isEqualTo(201);
        verify(jira).addLearning("OPS-42", "Small teams prefer monthly", "insight", null);

        NewAction expected = new NewAction("Test monthly default", null, null, null, null);
        when(jira.addAction("OPS-42", expected)).thenReturn(new JiraResult.Ok<>(new ActionView(9, "OPS-42",
                "Test monthly default", null, null, null, null, "open", null, null, null, null, null, 0)));
        assertThat(post("records/OPS-42/actions", "{\"description\":\"Test monthly default\"" + extra).getStatus())
                .isEqualTo(201);
        verify(jira).addAction("OPS-42", expected);

        Response check = post("blameless/check", "{\"text\":\"The certificate expired.\"" + extra);
        assertThat(check.getStatus()).isEqualTo(200);
        assertThat(json(check).path("blameless").asBoolean()).isTrue();

        JsonNode duplicate = json(post("records/OPS-42/learnings", "{\"text\":\"a\",\"kind\":\"insight\",\"x\":1,\"x\":2}"));
        assertThat(duplicate.path("errors").get(0).path("code").asText()).isEqualTo("duplicate-key");
        JsonNode surrogate = json(post("blameless/check", "{\"text\":\"a\",\"x\":\"\\udc00\"}"));
        assertThat(surrogate.path("errors").get(0).path("field").asText()).isEqualTo("x");
        assertThat(surrogate.path("errors").get(0).path("code").asText()).isEqualTo("lone-surrogate");
        org.mockito.Mockito.verifyNoMoreInteractions(jira);
    }

    @Test
    void strictJsonRefusalsAreNamedBeforeJiraIsAsked() throws Exception {
        JsonNode duplicate = json(post("records/OPS-1/learnings", "{\"text\":\"a\",\"kind\":\"insight\",\"text\":\"b\"}"));
        assertThat(duplicate.path("errors").get(0).path("code").asText()).isEqualTo("duplicate-key");
        JsonNode trailing = json(post("records/OPS-1/actions", "{\"description\":\"d\"} {\"description\":\"e\"}"));
        assertThat(trailing.path("errors").get(0).path("code").asText()).isEqualTo("trailing");
        JsonNode surrogate = json(post("records/OPS-1/learnings", "{\"text\":\"\\ud800\",\"kind\":\"insight\"}"));
        assertThat(surrogate.path("errors").get(0).path("field").asText()).isEqualTo("text");
        assertThat(surrogate.path("errors").get(0).path("code").asText()).isEqualTo("lone-surrogate");
        verifyNoInteractions(jira);
    }

    @Test
    void anAnonymousCallerGets401OnEveryEndpoint() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(null);
        List<Response> responses = List.of(get("records/OPS-1"), post("records/OPS-1/learnings", "{\"text\":\"t\",\"kind\":\"insight\"}"),
                post("records/OPS-1/actions", "{\"description\":\"d\"}"), post("blameless/check", "{\"text\":\"t\"}"));
        for (Response response : responses) {
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(json(response).path("message").asText()).isEqualTo("Log in to use Fail Forward.");
        }
        verifyNoInteractions(jira);
    }

    @Test
    void theBlamelessCheckGivesOffsetsAndTranslatedSuggestions() throws Exception {
        String text = "The deploy failed. It was human error.";
        Response response = post("blameless/check", JSON.writeValueAsString(java.util.Map.of("text", text)));
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("blameless").asBoolean()).isFalse();
        JsonNode finding = body.path("findings").get(0);
        assertThat(finding.path("code").asText()).isEqualTo("human_error");
        assertThat(text.substring(finding.path("start").asInt(), finding.path("end").asInt())).isEqualTo("human error");
        assertThat(finding.path("message").asText()).isEqualTo("\"human error\" stops the analysis at a person.");
        assertThat(finding.path("suggestion").asText()).startsWith("Name the conditions");

        JsonNode clean = json(post("blameless/check", "{\"text\":\"The certificate expired because no reminder was set up.\"}"));
        assertThat(clean.path("blameless").asBoolean()).isTrue();
        assertThat(clean.path("findings")).isEmpty();
    }
}
