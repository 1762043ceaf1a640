package dev.failforward.jira.rest;

import dev.failforward.jira.hypothesis.HypothesisCheckService;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.rest.JsonRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /rest/failforward/1.0/hypotheses/check} with {@code {"text":"If …, then …"}}: the parts of the hypothesis
 * and what is missing, for live feedback while a user writes an experiment's hypothesis.
 *
 * <p>Read-only and side-effect free, so it carries no access annotation: on Jira 11 that means licensed users only
 * (reference/atlassian-api.md §1.2, secure endpoint defaults); the resource checks the login itself too (401), so the
 * rule holds on every host. JSON only, as every POST ({@link JsonContentTypeFilter}).
 */
@Path("/hypotheses")
@Produces(MediaType.APPLICATION_JSON)
public class HypothesisCheckResource {

    private final HypothesisCheckService service;
    private final RecordPermissions permissions;

    @Inject
    public HypothesisCheckResource(HypothesisCheckService service, RecordPermissions permissions) {
        this.service = service;
        this.permissions = permissions;
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    public HypothesisCheckResponse check(String body) {
        Access.requireLogin(permissions.currentUserKey());
        String text = JsonRequest.parse(body).requiredString("text", service.maxLength());
        return HypothesisCheckResponse.from(service.check(text));
    }
}
