package dev.failforward.jira.rest;

import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.LearningCommand;
import dev.failforward.core.record.RecordPage;
import dev.failforward.jira.failuredb.CheckIn;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.failuredb.FollowUpService;
import dev.failforward.jira.failuredb.InvalidCommandException;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.search.node.SearchRouting;
import dev.failforward.jira.users.SalUserDirectory;
import dev.failforward.rest.JsonRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The failure database over REST v2, under {@code /rest/failforward/1.0/records} (the OpenAPI description at
 * {@code /rest/failforward/1.0/openapi.json} lists every endpoint, parameter, body and error):
 * <pre>
 *   GET    /records                                  search (query parameters, see RecordSearchParameters)
 *   GET    /records/{issueKey}                       a record with its learnings, action items and whys
 *   POST   /records/{issueKey}/learnings             add a learning           {"text","kind","sourceUrl","sourceTitle"}
 *   PUT    /records/{issueKey}/learnings/{id}        edit a learning          {"text","kind"}
 *   DELETE /records/{issueKey}/learnings/{id}
 *   POST   /records/{issueKey}/actions               add an action item       {"description","owner","dueDate","type","checkInDate"}
 *   PUT    /records/{issueKey}/actions/{id}          edit an action item      {…, "status","checkInResult","checkInNote","version"}
 *   DELETE /records/{issueKey}/actions/{id}
 *   POST   /records/{issueKey}/actions/{id}/check-in effectiveness check-in  {"date","result","note","version"?}
 *   POST   /records/{issueKey}/actions/{id}/follow-up hand it to a Jira issue {"project","issueType"?} or {"issue"}
 * </pre>
 * Access: anonymous requests get 401 (no access annotation: on Jira 11 that is licensed users only, and the resource
 * checks the login itself so the rule holds on every host). Reading needs Browse Projects on the record's project,
 * writing Edit Issues too; a record the user cannot browse is a 404 with the same body as a missing one, and searches
 * never count hidden records ({@link FailureDbService}).
 *
 * <p><b>XSRF:</b> every mutating request must be {@code application/json} ({@link JsonContentTypeFilter}, for every
 * resource of this API): the content types a cross-site page can send without a CORS preflight — none at all, the
 * form types, {@code text/plain} — get a 415, and a cross-site script cannot send JSON without a preflight the product
 * refuses. That keeps these REST v2 endpoints XSRF-safe without {@code X-Atlassian-Token}. ({@code @Consumes} alone
 * did not: Jersey matches a request without a type to any {@code @Consumes}.) Bodies are read strictly
 * ({@link JsonRequest}).
 */
@Path("/records")
@Produces(MediaType.APPLICATION_JSON)
public class FailureRecordsResource {

    private final FailureDbService service;
    private final FollowUpService followUps;
    private final RecordPermissions permissions;
    private final SalUserDirectory users;
    private final SearchRouting searchIndex;

    @Inject
    public FailureRecordsResource(FailureDbService service, FollowUpService followUps, RecordPermissions permissions,
                                  SalUserDirectory users, SearchRouting searchIndex) {
        this.service = service;
        this.followUps = followUps;
        this.permissions = permissions;
        this.users = users;
        this.searchIndex = searchIndex;
    }

    @GET
    public FailureRecordJson.Page search(@QueryParam("project") List<String> project, @QueryParam("kind") String kind,
                                         @QueryParam("status") List<String> status, @QueryParam("phase") String phase,
                                         @QueryParam("failureType") String failureType,
                                         @QueryParam("category") String category,
                                         @QueryParam("createdFrom") String createdFrom,
                                         @QueryParam("createdTo") String createdTo, @QueryParam("text") String text,
                                         @QueryParam("sort") String sort, @QueryParam("order") String order,
                                         @QueryParam("startAt") String startAt,
                                         @QueryParam("maxResults") String maxResults) {
        Access.requireLogin(permissions.currentUserKey());
        RecordSearchParameters parameters = RecordSearchParameters.parse(project, kind, status, phase, failureType,
                category, createdFrom, createdTo, text, sort, order, startAt, maxResults);
        FailureRecordJson.IndexJson index = FailureRecordJson.IndexJson.of(searchIndex.status());
        RecordPage page = service.search(parameters.projects(), parameters.query());
        return new FailureRecordJson.Page(page.page().offset(), page.page().limit(), page.total(),
                page.records().stream().map(FailureRecordJson::record).toList(), index);
    }

    @GET
    @Path("/{issueKey}")
    public FailureRecordJson.Details record(@PathParam("issueKey") String issueKey) {
        Access.requireLogin(permissions.currentUserKey());
        return FailureRecordJson.details(service.details(issueKey), this::followUp, users::displayName);
    }

    @POST
    @Path("/{issueKey}/learnings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addLearning(@PathParam("issueKey") String issueKey, String body) {
        Access.requireLogin(permissions.currentUserKey());
        LearningCommand command = learning(JsonRequest.parse(body));
        return created(FailureRecordJson.learning(issueKey, service.addLearning(issueKey, command)));
    }

    @PUT
    @Path("/{issueKey}/learnings/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FailureRecordJson.LearningJson editLearning(@PathParam("issueKey") String issueKey,
                                                       @PathParam("id") String id, String body) {
        Access.requireLogin(permissions.currentUserKey());
        LearningCommand command = learning(JsonRequest.parse(body));
        return FailureRecordJson.learning(issueKey, service.editLearning(issueKey, id(id), command));
    }

    @DELETE
    @Path("/{issueKey}/learnings/{id}")
    public Response deleteLearning(@PathParam("issueKey") String issueKey, @PathParam("id") String id) {
        Access.requireLogin(permissions.currentUserKey());
        service.deleteLearning(issueKey, id(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{issueKey}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addAction(@PathParam("issueKey") String issueKey, String body) {
        Access.requireLogin(permissions.currentUserKey());
        ActionItemCommand command = action(JsonRequest.parse(body));
        return created(action(issueKey, service.addAction(issueKey, command)));
    }

    @PUT
    @Path("/{issueKey}/actions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FailureRecordJson.ActionJson editAction(@PathParam("issueKey") String issueKey, @PathParam("id") String id,
                                                   String body) {
        Access.requireLogin(permissions.currentUserKey());
        JsonRequest json = JsonRequest.parse(body);
        ActionItemCommand command = action(json);
        long version = JsonVersion.required(json);
        return action(issueKey, service.editAction(issueKey, id(id), version, command));
    }

    @DELETE
    @Path("/{issueKey}/actions/{id}")
    public Response deleteAction(@PathParam("issueKey") String issueKey, @PathParam("id") String id) {
        Access.requireLogin(permissions.currentUserKey());
        service.deleteAction(issueKey, id(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{issueKey}/actions/{id}/check-in")
    @Consumes(MediaType.APPLICATION_JSON)
    public FailureRecordJson.ActionJson checkIn(@PathParam("issueKey") String issueKey, @PathParam("id") String id,
                                                String body) {
        Access.requireLogin(permissions.currentUserKey());
        JsonRequest json = JsonRequest.parse(body);
        CheckIn checkIn = new CheckIn(json.requiredString("date", 10 + 20), json.requiredString("result", 40),
                json.optionalString("note", TEXT_LIMIT).orElse(null), JsonVersion.optional(json));
        try {
            return action(issueKey, service.checkIn(issueKey, id(id), checkIn));
        } catch (InvalidCommandException e) {
            throw FailureDbFields.invalid(e.problems(), FailureDbFields.CHECK_IN);
        }
    }

    /**
     * Hands the action item to a Jira issue: {@code {"project":"OPS"}} creates one there (optionally
     * {@code "issueType"}: an issue type id of the project), {@code {"issue":"OPS-99"}} links an existing one. Returns
     * the item with its {@code followUp}.
     */
    @POST
    @Path("/{issueKey}/actions/{id}/follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    public FailureRecordJson.ActionJson followUp(@PathParam("issueKey") String issueKey, @PathParam("id") String id,
                                                 String body) {
        Access.requireLogin(permissions.currentUserKey());
        JsonRequest json = JsonRequest.parse(body);
        FollowUpService.Request request = new FollowUpService.Request(json.optionalString("project", 255).orElse(null),
                json.optionalString("issueType", 255).orElse(null), json.optionalString("issue", 255).orElse(null));
        return action(issueKey, followUps.followUp(issueKey, id(id), request));
    }

    private FailureRecordJson.ActionJson action(String issueKey, ActionItem item) {
        return FailureRecordJson.action(issueKey, item, followUp(item),
                FailureRecordJson.ownerName(item, users::displayName));
    }

    private FailureRecordJson.FollowUpJson followUp(ActionItem item) {
        return followUps.view(item).map(FailureRecordJson::followUp).orElse(null);
    }

    /**
     * Upper bound on any text field read from a body: the core's own limits (2,000 characters) are checked by the
     * commands with their own messages; this only keeps absurd input out of memory.
     */
    static final int TEXT_LIMIT = 10_000;

    private static LearningCommand learning(JsonRequest json) {
        return new LearningCommand(json.optionalString("text", TEXT_LIMIT).orElse(null),
                json.optionalString("kind", 100).orElse(null), json.optionalString("sourceUrl", TEXT_LIMIT).orElse(null),
                json.optionalString("sourceTitle", TEXT_LIMIT).orElse(null));
    }

    private static ActionItemCommand action(JsonRequest json) {
        return new ActionItemCommand(json.optionalString("description", TEXT_LIMIT).orElse(null),
                json.optionalString("owner", 1000).orElse(null), json.optionalString("dueDate", 100).orElse(null),
                json.optionalString("type", 100).orElse(null), json.optionalString("status", 100).orElse(null),
                json.optionalString("checkInDate", 100).orElse(null),
                json.optionalString("checkInResult", 100).orElse(null),
                json.optionalString("checkInNote", TEXT_LIMIT).orElse(null));
    }

    /** A path id that is not a number names nothing: the service then answers 404 (after its access checks). */
    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Response created(Object entity) {
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
    }
}
