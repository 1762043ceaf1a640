package dev.failforward.jira.rest;

import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.recurrence.RecurrenceService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * "Recurrence of OPS-12?" suggestions:
 * <pre>
 *   GET  /recurrence/{issueKey}                     the issue's suggestions, pending first
 *   POST /recurrence/{issueKey}/{pastKey}/confirm   make the "recurrence of" link (Edit Issues), {}
 *   POST /recurrence/{issueKey}/{pastKey}/dismiss   not a recurrence; never suggested again (Edit Issues), {}
 *   GET  /recurrence/pending?project=OPS&amp;…       how many await a decision (the KPI gadget)
 * </pre>
 * Only suggestions whose earlier failure the user may browse are shown or counted; a record the user cannot browse is a
 * 404 like a missing one. Login required (401); writes are JSON (415 otherwise).
 */
@Path("/recurrence")
@Produces(MediaType.APPLICATION_JSON)
public class RecurrenceResource {

    private final RecurrenceService service;
    private final RecordPermissions permissions;

    @Inject
    public RecurrenceResource(RecurrenceService service, RecordPermissions permissions) {
        this.service = service;
        this.permissions = permissions;
    }

    /** One suggestion: the earlier failure, why it was offered, and its state. */
    public record SuggestionJson(String pastKey, String summary, String status, double score, List<String> reasons,
                                 String state, String decidedBy, String decidedAt) {
    }

    public record Suggestions(String issueKey, List<SuggestionJson> suggestions) {
    }

    public record Pending(int pending) {
    }

    @GET
    @Path("/pending")
    public Pending pending(@QueryParam("project") List<String> project) {
        Access.requireLogin(permissions.currentUserKey());
        return new Pending(service.pendingCount(project == null || project.isEmpty() ? null : new HashSet<>(project)));
    }

    @GET
    @Path("/{issueKey}")
    public Suggestions suggestions(@PathParam("issueKey") String issueKey) {
        Access.requireLogin(permissions.currentUserKey());
        return new Suggestions(issueKey.strip().toUpperCase(Locale.ROOT),
                service.forIssue(issueKey).stream().map(RecurrenceResource::json).toList());
    }

    @POST
    @Path("/{issueKey}/{pastKey}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public SuggestionJson confirm(@PathParam("issueKey") String issueKey, @PathParam("pastKey") String pastKey,
                                  String body) {
        Access.requireLogin(permissions.currentUserKey());
        return json(service.confirm(issueKey, pastKey));
    }

    @POST
    @Path("/{issueKey}/{pastKey}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    public SuggestionJson dismiss(@PathParam("issueKey") String issueKey, @PathParam("pastKey") String pastKey,
                                  String body) {
        Access.requireLogin(permissions.currentUserKey());
        return json(service.dismiss(issueKey, pastKey));
    }

    static SuggestionJson json(RecurrenceService.Shown shown) {
        Instant decidedAt = shown.suggestion().decidedAt();
        return new SuggestionJson(shown.past().issueKey(), shown.past().summary(), shown.past().status(),
                Math.round(shown.suggestion().score() * 1000) / 1000.0, shown.suggestion().reasons(),
                shown.suggestion().state().name().toLowerCase(Locale.ROOT), shown.suggestion().decidedBy(),
                decidedAt == null ? null : decidedAt.toString());
    }
}
