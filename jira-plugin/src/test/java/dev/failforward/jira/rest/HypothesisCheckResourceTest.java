package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.jira.JiraI18n;
import dev.failforward.jira.hypothesis.HypothesisCheckService;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** POST /hypotheses/check on real Jersey (in-memory container), asserting status codes and payloads. */
class HypothesisCheckResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BundleI18nResolver I18N =
            JiraI18n.english();

    private RestApp jersey;
    private HypothesisCheckService service = new HypothesisCheckService(I18N);
    private final dev.failforward.jira.permissions.FakeRecordPermissions permissions =
            new dev.failforward.jira.permissions.FakeRecordPermissions().as("u-anna", java.util.Set.of(), java.util.Set.of());

    @BeforeEach
    void start() {
        // as REST v2 does: the container creates resources and providers through their @Inject constructors
        jersey = JiraRest.app(I18N)
                .bind(HypothesisCheckService.class, service)
                .bind(dev.failforward.jira.permissions.RecordPermissions.class, permissions)
                .register(HypothesisCheckResource.class)
                .start();
    }

    @AfterEach
    void stop() {
        jersey.close();
    }

    private Response post(String body) {
        return jersey.post("hypotheses/check", body);
    }

    private static JsonNode json(Response response) {
        return RestApp.json(response);
    }

    @Test
    void returnsThePartsAndAWarningForAMissingRationale() throws Exception {
        Response response = post("{\"text\":\"If we add a checklist, then deploy failures drop below 2 per month\"}");

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("form").asText()).isEqualTo("IF_THEN");
        assertThat(body.path("acceptable").asBoolean()).isTrue();
        assertThat(body.path("parts").path("condition").asText()).isEqualTo("we add a checklist");
        assertThat(body.path("parts").path("expectedOutcome").asText()).isEqualTo("deploy failures drop below 2 per month");
        assertThat(body.path("parts").path("rationale").isNull()).isTrue();
        assertThat(body.path("signals").toString()).contains("NUMBER", "THRESHOLD");
        assertThat(body.path("findings")).hasSize(1);
        JsonNode finding = body.path("findings").get(0);
        assertThat(finding.path("code").asText()).isEqualTo("rationale.missing");
        assertThat(finding.path("severity").asText()).isEqualTo("WARNING");
        assertThat(finding.path("i18nKey").asText()).isEqualTo("failforward.hypothesis.rationale.missing");
        assertThat(finding.path("message").asText()).startsWith("Add why you believe it");
    }

    @Test
    void aCompleteHypothesisHasNoFindings() throws Exception {
        JsonNode body = json(post("{\"text\":\"If we add a pre-deploy checklist, then deploy failures drop below 2 per month"
                + " because most failed deploys skipped a manual step\"}"));
        assertThat(body.path("acceptable").asBoolean()).isTrue();
        assertThat(body.path("findings")).isEmpty();
        assertThat(body.path("parts").path("rationale").asText()).isEqualTo("most failed deploys skipped a manual step");
    }

    @Test
    void anUnmeasurableVagueHypothesisIsNotAcceptable() throws Exception {
        JsonNode body = json(post("{\"text\":\"If we redesign the page, then things will get better\"}"));
        assertThat(body.path("acceptable").asBoolean()).isFalse();
        assertThat(body.path("findings").findValuesAsText("code")).contains("outcome.notmeasurable", "wording.vague");
        JsonNode vague = null;
        for (JsonNode f : body.path("findings")) {
            if (f.path("code").asText().equals("wording.vague")) {
                vague = f;
            }
        }
        assertThat(vague).isNotNull();
        assertThat(vague.path("message").asText()).isEqualTo("\"better\" is vague: say exactly what changes and by how much.");
        assertThat(vague.path("start").asInt()).isEqualTo("If we redesign the page, then things will get ".length());
    }

    @Test
    void blankTextIsCheckedNotRejected() throws Exception {
        Response response = post("{\"text\":\"   \"}");
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("findings").findValuesAsText("code")).containsExactly("empty");
        assertThat(body.path("acceptable").asBoolean()).isFalse();
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertThat(post("{\"text\":\"When support replies within 1 hour, CSAT rises above 4.5\",\"issueKey\":\"OPS-1\"}")
                .getStatus()).isEqualTo(200);
    }

    @Test
    void aMissingTextIsAFieldError() throws Exception {
        assertFieldError(post("{}"), "text", "required", "The field \"text\" is required.");
        assertFieldError(post("{\"text\":null}"), "text", "required", "The field \"text\" is required.");
    }

    @Test
    void aTextOfTheWrongTypeIsAFieldError() throws Exception {
        assertFieldError(post("{\"text\":42}"), "text", "type", "The field \"text\" must be a string.");
        assertFieldError(post("{\"text\":[\"If\"]}"), "text", "type", "The field \"text\" must be a string.");
    }

    @Test
    void anOverlongTextIsAFieldError() throws Exception {
        String text = "If we try, then errors drop 5% ".repeat(100);
        assertFieldError(post("{\"text\":\"" + text + "\"}"), "text", "too-long",
                "The field \"text\" may be at most 2,000 characters long; it has 3,100.");
    }

    @Test
    void malformedJsonIsAnErrorOfTheBody() throws Exception {
        assertFieldError(post("{\"text\": \"If we"), "body", "malformed", null);
        assertFieldError(post("[\"If x then y\"]"), "body", "type", "The request body must be a JSON object.");
        assertFieldError(post(""), "body", "required", "Send a JSON object as the request body.");
    }

    @Test
    void anotherContentTypeIs415WithAJsonBody() throws Exception {
        Response response = jersey.target("hypotheses/check").request(MediaType.APPLICATION_JSON)
                .post(Entity.entity("If x then y", MediaType.TEXT_PLAIN));
        assertThat(response.getStatus()).isEqualTo(415);
        JsonNode body = json(response);
        assertThat(body.path("status").asInt()).isEqualTo(415);
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("Content-Type");
        assertThat(body.path("errors").get(0).path("code").asText()).isEqualTo("unsupported");
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        permissions.as(null, java.util.Set.of(), java.util.Set.of());
        Response response = post("{\"text\":\"If we add a checklist, then deploy failures drop below 2 per month\"}");
        assertThat(response.getStatus()).isEqualTo(401);
        JsonNode body = json(response);
        assertThat(body.path("message").asText()).isEqualTo("Log in to do this.");
        assertThat(body.path("status").asInt()).isEqualTo(401);
    }

    @Test
    void getIs405AndUnknownPathsAre404() throws Exception {
        Response get = jersey.target("hypotheses/check").request(MediaType.APPLICATION_JSON).get();
        assertThat(get.getStatus()).isEqualTo(405);
        assertThat(json(get).path("message").asText()).isEqualTo("405 Method Not Allowed");
        Response missing = jersey.target("hypotheses/nope").request(MediaType.APPLICATION_JSON).get();
        assertThat(missing.getStatus()).isEqualTo(404);
    }

    @Test
    void anUnexpectedErrorIsA500WithAReferenceAndNoStackTrace() throws Exception {
        service = mock(HypothesisCheckService.class);
        when(service.maxLength()).thenReturn(2000);
        when(service.check(anyString())).thenThrow(new IllegalStateException("secret internal detail"));
        stop();
        start();

        Response response = post("{\"text\":\"If x, then y\"}");
        assertThat(response.getStatus()).isEqualTo(500);
        String raw = response.readEntity(String.class);
        assertThat(raw).doesNotContain("secret internal detail", "IllegalStateException", "at dev.failforward");
        assertThat(JSON.readTree(raw).path("message").asText())
                .matches("Something went wrong on the server\\. Quote reference [0-9a-f-]{36} to your administrator\\.");
    }

    private static void assertFieldError(Response response, String field, String code, String message) throws Exception {
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("message").asText()).isEqualTo("The request has invalid fields.");
        assertThat(body.path("errors")).hasSize(1);
        JsonNode error = body.path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("code").asText()).isEqualTo(code);
        if (message != null) {
            assertThat(error.path("message").asText()).isEqualTo(message);
        } else {
            assertThat(error.path("message").asText()).isNotBlank().doesNotContain("failforward.");
        }
    }
}
