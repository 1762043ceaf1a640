package dev.failforward.confluence.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.host.i18n.BundleI18nResolver;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.test.JerseyTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Confluence plugin's REST module as the product assembles it: Jersey scans the resources' package (REST v2 scans the plugin bundle),
 * so the JSON-only rule ({@link JsonContentTypeFilter}) applies to every mutating method of every resource found there
 * — none listed by hand. Nothing but the i18n resolver is bound: a refused request never reaches a resource.
 */
class RestPackageScanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private JerseyTest jersey;
    private ResourceConfig application;

    @BeforeEach
    void start() throws Exception {
        application = new ResourceConfig()
                .packages(false, JsonContentTypeFilter.class.getPackageName())
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(BundleI18nResolver.fromClasspath(java.util.Locale.ENGLISH,
                                "i18n/failforward-confluence.properties",
                                "dev/failforward/core/i18n/failforward-core.properties")).to(I18nResolver.class);
                    }
                })
                .register(JacksonFeature.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        jersey = new JerseyTest() {
            @Override
            protected Application configure() {
                return application;
            }
        };
        jersey.setUp();
    }

    @AfterEach
    void stop() throws Exception {
        jersey.tearDown();
    }

    /** "POST records/{issueKey}/learnings" etc., with path parameters filled in. */
    private List<String[]> mutatingEndpoints() {
        List<String[]> endpoints = new ArrayList<>();
        for (Class<?> type : application.getClasses()) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (http == null || !List.of("POST", "PUT", "PATCH").contains(http.value())) {
                        continue;
                    }
                    Path sub = method.getAnnotation(Path.class);
                    String path = (root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/")
                            .replaceAll("\\{issueKey}", "OPS-1").replaceAll("\\{projectKey}", "OPS")
                            .replaceAll("\\{[^}]+}", "1");
                    endpoints.add(new String[]{http.value(), path.startsWith("/") ? path.substring(1) : path});
                }
            }
        }
        return endpoints;
    }

    @Test
    void theScanFindsTheFilterAndEveryMutatingEndpointIsJsonOnly() throws Exception {
        assertThat(application.getClasses()).contains(JsonContentTypeFilter.class, RecordsResource.class,
                BlamelessResource.class);
        List<String[]> endpoints = mutatingEndpoints();
        assertThat(endpoints).extracting(e -> e[0] + " " + e[1]).containsExactlyInAnyOrder(
                "POST records/OPS-1/learnings", "POST records/OPS-1/actions", "POST blameless/check");
        for (String[] endpoint : endpoints) {
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "*/*", "application/*")) {
                Response response = jersey.target(endpoint[1]).request()
                        .method(endpoint[0], Entity.entity("{\"text\":\"x\"}", MediaType.valueOf(type)));
                assertRefused(endpoint, type, response, "unsupported");
            }
            Response untyped = jersey.target(endpoint[1])
                    .property(ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true)
                    .request().method(endpoint[0]);
            assertRefused(endpoint, "none", untyped, "missing");
        }
    }

    private static void assertRefused(String[] endpoint, String type, Response response, String code) throws Exception {
        String as = endpoint[0] + " " + endpoint[1] + " as " + type;
        assertThat(response.getStatus()).as(as).isEqualTo(415);
        JsonNode body = JSON.readTree(response.readEntity(String.class));
        assertThat(body.path("status").asInt()).as(as).isEqualTo(415);
        assertThat(body.path("errors").get(0).path("field").asText()).as(as).isEqualTo("Content-Type");
        assertThat(body.path("errors").get(0).path("code").asText()).as(as).isEqualTo(code);
    }
}
