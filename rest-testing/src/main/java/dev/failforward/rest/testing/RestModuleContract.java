package dev.failforward.rest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.buildtools.descriptor.PluginDescriptor;
import dev.failforward.rest.RestKeys;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every plugin's REST module owes the shared code, checked the same way for both plugins (each has a subclass):
 * <ul>
 *   <li>its descriptor's {@code <rest>} module lists its own package and {@value RestApp#SHARED_PACKAGE}, so REST v2
 *       (and the preview) find the shared exception mappers and the JSON-only filter;</li>
 *   <li>scanning those packages, as REST v2 does, every mutating method of every resource found refuses a non-JSON
 *       body with a 415 in the one error body (the XSRF rule), none listed by hand; nothing but the plugin's
 *       {@code RestPlugin} and i18n resolver is bound, since a refused request never reaches a resource;</li>
 *   <li>its i18n bundle has every key the shared code uses ({@link RestKeys#ALL}).</li>
 * </ul>
 */
public abstract class RestModuleContract {

    /** The plugin's REST module, not started: its {@code RestPlugin} and i18n resolver bound, nothing else. */
    protected abstract RestApp.Builder module();

    /** The package of the plugin's resources. */
    protected abstract String resourcePackage();

    /** The plugin's i18n bundle, as a class path resource. */
    protected abstract String i18nBundle();

    /** Every mutating endpoint, as "POST records/OPS-1/learnings" (path parameters filled in as below). */
    protected abstract List<String> mutatingEndpoints();

    private RestApp app;

    /** The packages the descriptor's {@code <rest>} module lists, which REST v2 scans. */
    protected static List<String> descriptorPackages() {
        PluginDescriptor descriptor = PluginDescriptor.read(
                RestModuleContract.class.getClassLoader().getResource(PluginDescriptor.FILE));
        return descriptor.modules(PluginDescriptor.Rest.class).get(0).packages();
    }

    @BeforeEach
    void start() {
        app = module().scan(descriptorPackages().toArray(String[]::new)).start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theDescriptorListsTheResourcesAndTheSharedPackage() {
        assertThat(descriptorPackages()).containsExactly(resourcePackage(), RestApp.SHARED_PACKAGE);
    }

    @Test
    void theScanFindsTheSharedProviders() {
        assertThat(app.config().getClasses()).extracting(Class::getName).contains(
                RestApp.SHARED_PACKAGE + ".ProblemExceptionMapper", RestApp.SHARED_PACKAGE + ".UnexpectedExceptionMapper",
                RestApp.SHARED_PACKAGE + ".JsonContentTypeFilter");
    }

    @Test
    void everyMutatingEndpointFoundIsJsonOnly() {
        List<String[]> endpoints = scannedMutatingEndpoints();
        assertThat(endpoints).extracting(e -> e[0] + " " + e[1]).containsExactlyInAnyOrderElementsOf(mutatingEndpoints());
        for (String[] endpoint : endpoints) {
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "*/*", "application/*")) {
                Response response = app.target(endpoint[1]).request()
                        .method(endpoint[0], Entity.entity("{\"text\":\"x\"}", MediaType.valueOf(type)));
                assertRefused(endpoint, type, response, "unsupported");
            }
            Response untyped = app.target(endpoint[1])
                    .property(ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true)
                    .request().method(endpoint[0]);
            assertRefused(endpoint, "none", untyped, "missing");
        }
    }

    @Test
    void theBundleHasEveryKeyTheSharedCodeUses() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = RestModuleContract.class.getClassLoader().getResourceAsStream(i18nBundle())) {
            assertThat(in).as(i18nBundle()).isNotNull();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(bundle.stringPropertyNames()).containsAll(RestKeys.ALL);
    }

    /** {"POST", "records/OPS-1/learnings"} etc.: {issueKey} is OPS-1, {projectKey} OPS, any other parameter 1. */
    private List<String[]> scannedMutatingEndpoints() {
        List<String[]> endpoints = new ArrayList<>();
        for (Class<?> type : app.config().getClasses()) {
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

    private static void assertRefused(String[] endpoint, String type, Response response, String code) {
        String as = endpoint[0] + " " + endpoint[1] + " as " + type;
        assertThat(response.getStatus()).as(as).isEqualTo(415);
        JsonNode body = RestApp.json(response);
        assertThat(body.path("status").asInt()).as(as).isEqualTo(415);
        assertThat(body.path("errors").get(0).path("field").asText()).as(as).isEqualTo("Content-Type");
        assertThat(body.path("errors").get(0).path("code").asText()).as(as).isEqualTo(code);
    }
}
