package dev.failforward.jira.rest;

import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /rest/failforward/1.0/openapi.json}: the OpenAPI 3 description of this plugin's REST API, a static
 * resource ({@value #RESOURCE}) kept true by {@code OpenApiConsistencyTest}, which compares it with the JAX-RS
 * resources both ways. Logged-in users only, like every other endpoint.
 */
@Path("/openapi.json")
public class OpenApiResource {

    static final String RESOURCE = "openapi/failforward-openapi.json";

    private final RecordPermissions permissions;

    @Inject
    public OpenApiResource(RecordPermissions permissions) {
        this.permissions = permissions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        if (permissions.currentUserKey().isEmpty()) {
            throw RequestProblem.loginRequired();
        }
        try (InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the plugin");
            }
            return Response.ok(in.readAllBytes(), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
