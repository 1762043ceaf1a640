package dev.failforward.rest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import dev.failforward.rest.RestKeys;
import dev.failforward.rest.RestPlugin;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.failforward.rest.testing.RestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared providers on real Jersey, as a plugin's REST module has them (found by scanning {@code dev.failforward.rest}
 * through {@link RestApp}): every refusal in the one error body, the plugin's messages and its own exceptions, the
 * JSON-only rule, and unknown JSON fields served.
 */
class SharedProvidersTest {

    /** A plugin whose "messages" show the key and arguments, and which knows one exception of its own. */
    static final RestPlugin PLUGIN = new RestPlugin() {
        @Override
        public String text(String i18nKey, Serializable... arguments) {
            return i18nKey + Arrays.toString(arguments);
        }

        @Override
        public Optional<RequestProblem> problem(Throwable exception) {
            if (exception instanceof IllegalStateException && "busy".equals(exception.getMessage())) {
                return Optional.of(RequestProblem.unavailable(2, "test.busy", "db"));
            }
            if (exception instanceof NoSuchItem missing) {
                return Optional.of(RequestProblem.of(404, "test.notfound", missing.id));
            }
            return Optional.empty();
        }
    };

    static final class NoSuchItem extends RuntimeException {
        final long id;

        NoSuchItem(long id) {
            this.id = id;
        }
    }

    /** A resource that answers or throws what its path says. */
    @Path("/fixture")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Fixture {

        @GET
        @Path("/throw/{what}")
        public String fail(@PathParam("what") String what) throws IOException {
            switch (what) {
                case "invalid" -> throw RequestProblem.invalid(List.of(FieldError.of("text", "required", "k.text", "text"),
                        FieldError.of("score", "out-of-range", "k.score", 1, 5)));
                case "login" -> throw RequestProblem.loginRequired();
                case "forbidden" -> throw RequestProblem.forbidden();
                case "conflict" -> throw RequestProblem.of(409, "k.conflict", "OPS-1")
                        .withErrors(List.of(FieldError.of("score", "already-answered", "k.conflict", "OPS-1")));
                case "busy" -> throw new IllegalStateException("busy");
                case "missing" -> throw new NoSuchItem(7);
                case "checked" -> throw new IOException("disk /secret/path full");
                default -> throw new IllegalArgumentException("secret detail " + what);
            }
        }

        @POST
        @Path("/echo")
        @Consumes(MediaType.APPLICATION_JSON)
        public Map<String, Object> echo(String body) {
            JsonRequest request = JsonRequest.parse(body);
            return Map.of("text", request.requiredString("text", 100),
                    "score", request.optionalInteger("score", 1, 5).orElse(0));
        }

        @POST
        @Path("/upload")
        @Consumes("multipart/form-data")
        public Map<String, Object> upload(String body) {
            return Map.of("length", body.length());
        }
    }

    private RestApp app;

    @BeforeEach
    void start() {
        app = RestApp.of(PLUGIN).register(Fixture.class).start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theSharedPackageIsScanned() {
        assertThat(app.config().getClasses()).extracting(Class::getSimpleName)
                .contains("ProblemExceptionMapper", "UnexpectedExceptionMapper", "JsonContentTypeFilter", "Fixture");
    }

    @Test
    void fieldErrorsAreA400NamingEachField() {
        Response response = app.get("fixture/throw/invalid");
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("message").asText()).isEqualTo(RestKeys.INVALID + "[]");
        assertThat(body.path("errors")).hasSize(2);
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("text");
        assertThat(body.path("errors").get(0).path("code").asText()).isEqualTo("required");
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("k.text[text]");
        assertThat(body.path("errors").get(1).path("message").asText()).isEqualTo("k.score[1, 5]");
    }

    @Test
    void loginForbiddenAndConflictCarryTheirStatusAndMessage() {
        JsonNode login = json(expect(app.get("fixture/throw/login"), 401));
        assertThat(login.path("message").asText()).isEqualTo(RestKeys.LOGIN + "[]");
        assertThat(login.path("errors")).isEmpty();
        assertThat(json(expect(app.get("fixture/throw/forbidden"), 403)).path("message").asText())
                .isEqualTo(RestKeys.FORBIDDEN + "[]");
        JsonNode conflict = json(expect(app.get("fixture/throw/conflict"), 409));
        assertThat(conflict.path("message").asText()).isEqualTo("k.conflict[OPS-1]");
        assertThat(conflict.path("errors").get(0).path("code").asText()).isEqualTo("already-answered");
    }

    @Test
    void thePluginsOwnFailuresAreItsProblems() {
        Response busy = expect(app.get("fixture/throw/busy"), 503);
        assertThat(busy.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(json(busy).path("message").asText()).isEqualTo("test.busy[db]");
        assertThat(json(expect(app.get("fixture/throw/missing"), 404)).path("message").asText())
                .isEqualTo("test.notfound[7]");
    }

    @Test
    void anythingElseIsA500WithOnlyAReference() {
        for (String what : List.of("other", "checked")) {
            Response response = expect(app.get("fixture/throw/" + what), 500);
            String text = response.readEntity(String.class);
            assertThat(text).contains(RestKeys.INTERNAL).doesNotContain("secret", "Exception", "at dev.");
            assertThat(text).containsPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }

    @Test
    void jaxRsErrorsKeepTheirStatusWithOurBody() {
        JsonNode notFound = json(expect(app.get("no/such/path"), 404));
        assertThat(notFound.path("message").asText()).isEqualTo(RestKeys.HTTP + "[404, Not Found]");
        JsonNode notAllowed = json(expect(app.target("fixture/echo").request(MediaType.APPLICATION_JSON).get(), 405));
        assertThat(notAllowed.path("status").asInt()).isEqualTo(405);
    }

    @Test
    void writesMustBeJson() {
        JsonNode refused = json(expect(app.target("fixture/echo").request()
                .post(Entity.entity("{\"text\":\"x\"}", MediaType.TEXT_PLAIN_TYPE)), 415));
        assertThat(refused.path("message").asText()).isEqualTo(RestKeys.CONTENT_TYPE + "[]");
        assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("Content-Type");
        assertThat(refused.path("errors").get(0).path("code").asText()).isEqualTo("unsupported");
        assertThat(refused.path("errors").get(0).path("message").asText())
                .isEqualTo(RestKeys.CONTENT_TYPE_UNSUPPORTED + "[text/plain]");
        assertThat(json(expect(app.target("fixture/echo").request().post(Entity.entity("{\"text\":\"x\"}",
                "application/json;charset=ISO-8859-1")), 415)).path("errors").get(0).path("code").asText())
                .isEqualTo("charset");
    }

    @Test
    void aFormUploadNeedsJirasNoCheckToken() {
        String form = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.zip\"\r\n\r\nPK\r\n--b--\r\n";
        JsonNode refused = json(expect(app.target("fixture/upload").request()
                .post(Entity.entity(form, "multipart/form-data; boundary=b")), 415));
        assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("Content-Type");
        assertThat(json(expect(app.target("fixture/upload").request().header("X-Atlassian-Token", "nocheck")
                .post(Entity.entity(form, "multipart/form-data; boundary=b")), 415)).path("errors").get(0)
                .path("field").asText()).as("only Jira's exact value").isEqualTo("Content-Type");
        JsonNode accepted = json(expect(app.target("fixture/upload").request().header("X-Atlassian-Token", "no-check")
                .post(Entity.entity(form, "multipart/form-data; boundary=b")), 200));
        assertThat(accepted.path("length").asInt()).isEqualTo(form.length());
        assertThat(json(expect(app.target("fixture/echo").request().header("X-Atlassian-Token", "no-check")
                .put(Entity.entity(form, "multipart/form-data; boundary=b")), 415)).path("errors").get(0)
                .path("field").asText()).as("a POST only").isEqualTo("Content-Type");
    }

    @Test
    void unknownFieldsAreServedAndStrictnessStays() {
        JsonNode echoed = json(expect(app.post("fixture/echo",
                "{\"text\":\"hello\",\"score\":3,\"sentByAFutureClient\":{\"list\":[1,\"two\",null]}}"), 200));
        assertThat(echoed.path("text").asText()).isEqualTo("hello");
        assertThat(echoed.path("score").asInt()).isEqualTo(3);

        JsonNode duplicate = json(expect(app.post("fixture/echo", "{\"text\":\"a\",\"extra\":1,\"extra\":2}"), 400));
        assertThat(duplicate.path("errors").get(0).path("code").asText()).isEqualTo("duplicate-key");
        JsonNode surrogate = json(expect(app.post("fixture/echo", "{\"text\":\"a\",\"extra\":\"\\ud800\"}"), 400));
        assertThat(surrogate.path("errors").get(0).path("field").asText()).isEqualTo("extra");
        assertThat(surrogate.path("errors").get(0).path("code").asText()).isEqualTo("lone-surrogate");
        JsonNode trailing = json(expect(app.post("fixture/echo", "{\"text\":\"a\",\"extra\":1} x"), 400));
        assertThat(trailing.path("errors").get(0).path("code").asText()).isEqualTo("trailing");
    }

    private static Response expect(Response response, int status) {
        assertThat(response.getStatus()).isEqualTo(status);
        return response;
    }
}
