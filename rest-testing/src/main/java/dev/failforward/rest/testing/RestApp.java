package dev.failforward.rest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.rest.RestPlugin;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.test.JerseyTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One plugin REST module on real Jersey (the in-memory container), set up as REST v2 sets it up in the products: the
 * shared package {@code dev.failforward.rest} scanned (the exception mappers and the JSON-only filter, as each
 * descriptor's {@code <rest>} module lists it), the plugin's {@link RestPlugin} and the given instances bound for
 * constructor injection (by type, optionally by {@code @Named} name), Jackson as the JSON provider, no WADL. The REST
 * tests of both plugins start their resources with it:
 * <pre>
 *   app = RestApp.of(new JiraRestPlugin(i18n))
 *           .bind(I18nResolver.class, i18n).bind(HypothesisCheckService.class, service)
 *           .register(HypothesisCheckResource.class)
 *           .start();
 *   JsonNode body = RestApp.json(app.post("hypotheses/check", "{\"text\":\"…\"}"));
 *   app.close();
 * </pre>
 */
public final class RestApp implements AutoCloseable {

    /** The package every plugin's {@code <rest>} module scans besides its own. */
    public static final String SHARED_PACKAGE = "dev.failforward.rest";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResourceConfig config;
    private final JerseyTest jersey;

    private RestApp(ResourceConfig config) throws Exception {
        this.config = config;
        this.jersey = new JerseyTest() {
            @Override
            protected Application configure() {
                return config;
            }
        };
        jersey.setUp();
    }

    /** A REST module of the plugin whose shared-code port this is. */
    public static Builder of(RestPlugin plugin) {
        return new Builder(plugin);
    }

    /** What to put into the module before it starts. */
    public static final class Builder {

        private record Binding(Class<?> type, String name, Object instance) {
        }

        private final List<Binding> bindings = new ArrayList<>();
        private final List<Object> registered = new ArrayList<>();
        private final List<String> packages = new ArrayList<>();

        private Builder(RestPlugin plugin) {
            bind(RestPlugin.class, plugin);
        }

        /** An instance for constructor parameters of this type (as the plugin's container holds it). */
        public <T> Builder bind(Class<T> type, T instance) {
            bindings.add(new Binding(type, null, instance));
            return this;
        }

        /** An instance for constructor parameters of this type with this {@code @Named} name. */
        public <T> Builder bind(Class<T> type, String name, T instance) {
            bindings.add(new Binding(type, name, instance));
            return this;
        }

        /** Resource and provider classes (created by Jersey through their {@code @Inject} constructor) or instances. */
        public Builder register(Object... classesOrInstances) {
            registered.addAll(List.of(classesOrInstances));
            return this;
        }

        /** Every {@code @Path} and {@code @Provider} class of these packages, as the REST module's scan finds them. */
        public Builder scan(String... packageNames) {
            packages.addAll(List.of(packageNames));
            return this;
        }

        /** The module, started. */
        public RestApp start() {
            List<String> scanned = new ArrayList<>(packages);
            if (!scanned.contains(SHARED_PACKAGE)) {
                scanned.add(SHARED_PACKAGE);
            }
            ResourceConfig config = new ResourceConfig()
                    .packages(false, scanned.toArray(String[]::new))
                    .register(new AbstractBinder() {
                        @Override
                        @SuppressWarnings({"unchecked", "rawtypes"})
                        protected void configure() {
                            for (Binding binding : bindings) {
                                var bound = bind(binding.instance()).to((Class) binding.type());
                                if (binding.name() != null) {
                                    bound.named(binding.name());
                                }
                            }
                        }
                    })
                    .register(JacksonFeature.class)
                    .property(ServerProperties.WADL_FEATURE_DISABLE, true);
            for (Object item : registered) {
                if (item instanceof Class<?> type) {
                    config.register(type);
                } else {
                    config.register(item);
                }
            }
            try {
                return new RestApp(config);
            } catch (Exception e) {
                throw new IllegalStateException("Jersey did not start: " + e, e);
            }
        }
    }

    /** What Jersey runs: the classes found by the scan and the registered ones. */
    public ResourceConfig config() {
        return config;
    }

    /** A target under the module's base, e.g. {@code "records/OPS-1"}. */
    public WebTarget target(String path) {
        return jersey.target(path);
    }

    public Client client() {
        return jersey.client();
    }

    /** The module's base URI, for paths with a query already encoded. */
    public String baseUri() {
        String base = jersey.target().getUri().toString();
        return base.endsWith("/") ? base : base + "/";
    }

    public Response get(String path) {
        return target(path).request(MediaType.APPLICATION_JSON).get();
    }

    /** A GET of a path with its query as written (already percent-encoded). */
    public Response getRaw(String pathAndQuery) {
        return client().target(baseUri() + pathAndQuery).request(MediaType.APPLICATION_JSON).get();
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response delete(String path) {
        return target(path).request(MediaType.APPLICATION_JSON).delete();
    }

    /** A request with a JSON body ({@code Content-Type: application/json}). */
    public Response send(String method, String path, String json) {
        return target(path).request(MediaType.APPLICATION_JSON)
                .method(method, Entity.entity(json, MediaType.APPLICATION_JSON_TYPE));
    }

    /** The response's JSON body (which must be declared {@code application/json}). */
    public static JsonNode json(Response response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new AssertionError("expected a JSON response, got " + type + " (status " + response.getStatus() + ")");
        }
        try {
            return JSON.readTree(response.readEntity(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            jersey.tearDown();
        } catch (Exception e) {
            throw new IllegalStateException("Jersey did not stop: " + e, e);
        }
    }
}
