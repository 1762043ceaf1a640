package dev.failforward.jira.rest;

import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.reuse.LearningReuse;
import dev.failforward.jira.reuse.LearningReuseService;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.Serializable;
import java.util.List;

/**
 * The reuses of a learning ({@link LearningReuseService} has the rules):
 * <pre>
 *   POST /learnings/{learningId}/reuses  {"kind":"retro|experiment|incident","target":"page:123"|"OPS-7"}
 *        → 201 new, 200 already recorded: {"learningId","kind","target","reusedAt","reuses":total}
 *   GET  /learnings/{learningId}/reuses  → {"learningId","total","reuses":[{"kind","target","reusedAt"}]}
 * </pre>
 * 400 naming {@code kind} or {@code target}; 404 for a learning that is missing or whose record is hidden (one answer);
 * 404 naming {@code target} for a target issue that is missing or hidden; 403 naming {@code target} when the user may
 * not edit the target record. Login required (401). JSON only.
 */
@Path("/learnings/{learningId}/reuses")
@Produces(MediaType.APPLICATION_JSON)
public class LearningReusesResource {

    private final LearningReuseService reuses;
    private final RecordPermissions permissions;

    @Inject
    public LearningReusesResource(LearningReuseService reuses, RecordPermissions permissions) {
        this.reuses = reuses;
        this.permissions = permissions;
    }

    public record RecordedJson(long learningId, String kind, String target, String reusedAt, int reuses) {
    }

    public record ReuseJson(String kind, String target, String reusedAt) {
    }

    public record ListJson(long learningId, int total, List<ReuseJson> reuses) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("learningId") String learningId, String body) {
        Access.requireLogin(permissions.currentUserKey());
        JsonRequest request = JsonRequest.parse(body);
        String kind = request.optionalString("kind", 40).orElse(null);
        String target = request.optionalString("target", 255).orElse(null);
        LearningReuseService.Result result;
        try {
            result = reuses.record(id(learningId), kind, target);
        } catch (LearningReuseService.TargetNotFound e) {
            Serializable[] arguments = e.arguments().toArray(Serializable[]::new);
            throw RequestProblem.of(404, e.i18nKey(), arguments)
                    .withErrors(List.of(FieldError.of("target", "not-found", e.i18nKey(), arguments)));
        }
        LearningReuse reuse = result.reuse();
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(new RecordedJson(reuse.learningId(), reuse.kind().key(), reuse.target(),
                        reuse.reusedAt().toString(), result.total())).build();
    }

    @GET
    public ListJson list(@PathParam("learningId") String learningId) {
        Access.requireLogin(permissions.currentUserKey());
        LearningReuseService.Listing listing = reuses.list(id(learningId));
        return new ListJson(listing.learningId(), listing.total(), listing.visible().stream()
                .map(r -> new ReuseJson(r.kind().key(), r.target(), r.reusedAt().toString())).toList());
    }

    /** A learning id that is not a positive number names no learning: the same 404 as a missing one. */
    private static long id(String text) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new FailureDbException.NotFound("failforward.reuse.error.learning.notfound", text);
    }
}
