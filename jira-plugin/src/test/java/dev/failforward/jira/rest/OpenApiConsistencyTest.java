package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code openapi/failforward-openapi.json} true: every JAX-RS operation of the plugin's REST package
 * (reflection over {@code @Path}, the HTTP method annotations, {@code @PathParam}, {@code @QueryParam} and a JSON body)
 * is in the document with the same parameters, and the document describes nothing that does not exist.
 */
class OpenApiConsistencyTest {

    /** "GET /records" → "path:issueKey query:kind … body" */
    static Map<String, TreeSet<String>> fromCode() throws Exception {
        Map<String, TreeSet<String>> operations = new TreeMap<>();
        for (Class<?> type : resourceClasses()) {
            String base = type.getAnnotation(Path.class).value();
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = normalise(base + (sub == null ? "" : "/" + sub.value()));
                TreeSet<String> parameters = new TreeSet<>();
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(PathParam.class)) {
                        parameters.add("path:" + parameter.getAnnotation(PathParam.class).value());
                    } else if (parameter.isAnnotationPresent(QueryParam.class)) {
                        parameters.add("query:" + parameter.getAnnotation(QueryParam.class).value());
                    } else if (method.isAnnotationPresent(Consumes.class) || type.isAnnotationPresent(Consumes.class)) {
                        parameters.add("body");
                    }
                }
                String key = verb + " " + path;
                assertThat(operations).as("duplicate operation " + key).doesNotContainKey(key);
                operations.put(key, parameters);
            }
        }
        return operations;
    }

    static Map<String, TreeSet<String>> fromDocument(JsonNode document) {
        Map<String, TreeSet<String>> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                TreeSet<String> parameters = new TreeSet<>();
                op.getValue().path("parameters").forEach(p -> parameters.add(p.path("in").asText() + ":" + p.path("name").asText()));
                if (op.getValue().has("requestBody")) {
                    parameters.add("body");
                }
                assertThat(op.getValue().path("responses").size()).as(op.getKey() + " " + path.getKey() + " responses").isPositive();
                operations.put(op.getKey().toUpperCase() + " " + path.getKey(), parameters);
            }
        }
        return operations;
    }

    @Test
    void theDocumentDescribesExactlyTheResources() throws Exception {
        JsonNode document;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiResource.RESOURCE)) {
            assertThat(in).as(OpenApiResource.RESOURCE).isNotNull();
            document = new ObjectMapper().readTree(in);
        }
        assertThat(document.path("openapi").asText()).startsWith("3.");
        Map<String, TreeSet<String>> code = fromCode();
        Map<String, TreeSet<String>> doc = fromDocument(document);
        assertThat(code).as("the scan found the resources").containsKeys("GET /records", "POST /records/{issueKey}/actions/{id}/check-in");
        for (String operation : code.keySet()) {
            assertThat(doc).as("document " + operation + " in " + OpenApiResource.RESOURCE).containsKey(operation);
            assertThat(doc.get(operation)).as("parameters of " + operation).isEqualTo(code.get(operation));
        }
        for (String operation : doc.keySet()) {
            assertThat(code).as(operation + " is documented but no resource serves it").containsKey(operation);
        }
        // every $ref resolves
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        for (String ref : refs) {
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    /**
     * The bodies are read field by field and fields the endpoint does not know are ignored ({@code JsonRequest}, as
     * REST v2 clients expect): the document says so, and never that an extra field is refused.
     */
    @Test
    void everyRequestBodyAllowsFieldsThisVersionDoesNotKnow() throws Exception {
        JsonNode document = new ObjectMapper().readTree(getClass().getClassLoader().getResourceAsStream(OpenApiResource.RESOURCE));
        List<String> bodies = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                return;
            }
            JsonNode resolved = schema.has("$ref") ? document.at(schema.path("$ref").asText().substring(1)) : schema;
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            bodies.add(where);
            assertThat(resolved.path("type").asText()).as(where).isEqualTo("object");
            assertThat(resolved.path("additionalProperties").isBoolean() && resolved.path("additionalProperties").asBoolean())
                    .as(where + " allows additional properties").isTrue();
        }));
        assertThat(bodies).hasSize(22);
        assertThat(document.toString()).doesNotContain("\"additionalProperties\":false");
    }

    @Test
    void theComparisonSeesAMissingOperationAndAWrongParameter() throws Exception {
        Map<String, TreeSet<String>> code = fromCode();
        JsonNode document = new ObjectMapper().readTree(getClass().getClassLoader().getResourceAsStream(OpenApiResource.RESOURCE));
        ((com.fasterxml.jackson.databind.node.ObjectNode) document.path("paths")).remove("/records/{issueKey}");
        ((com.fasterxml.jackson.databind.node.ArrayNode) document.path("paths").path("/records").path("get").path("parameters")).remove(0);
        Map<String, TreeSet<String>> doc = fromDocument(document);
        assertThat(doc).doesNotContainKey("GET /records/{issueKey}");
        assertThat(doc.get("GET /records")).isNotEqualTo(code.get("GET /records"));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }

    /** {@code /a//b/} → {@code /a/b}; {@code {id: \d+}} → {@code {id}}. */
    static String normalise(String path) {
        String p = ("/" + path).replaceAll("\\{\\s*([^:}\\s]+)\\s*(:[^}]*)?}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** Every class of this package (in the compiled plugin classes) annotated with {@code @Path}. */
    static List<Class<?>> resourceClasses() throws Exception {
        String packagePath = OpenApiResource.class.getPackageName().replace('.', '/');
        URL url = OpenApiResource.class.getClassLoader().getResource(packagePath + "/OpenApiResource.class");
        java.nio.file.Path directory = Paths.get(url.toURI()).getParent();
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(directory)) {
            for (java.nio.file.Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(OpenApiResource.class.getPackageName() + "." + name.replace(".class", ""));
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            }
        }
        return resources;
    }
}
