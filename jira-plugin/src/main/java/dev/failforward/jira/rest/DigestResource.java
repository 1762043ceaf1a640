package dev.failforward.jira.rest;

import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoDigestSubscribers;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;

/**
 * The current user's weekly digest subscription (opt-in):
 * <pre>
 *   GET /digest    {"subscribed":false}
 *   PUT /digest    {"subscribed":true}   → the same shape
 * </pre>
 * The digest ({@code reminder.WeeklyDigestJob}) goes out on Monday mornings with the previous week's learnings and
 * failures and this week's due follow-ups of the projects the subscriber may browse.
 */
@Path("/digest")
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {

    record DigestJson(boolean subscribed) {
    }

    private final AoDigestSubscribers subscribers;
    private final RecordPermissions permissions;
    private final Clock clock;

    @Inject
    public DigestResource(AoDigestSubscribers subscribers, RecordPermissions permissions) {
        this(subscribers, permissions, Clock.systemUTC());
    }

    DigestResource(AoDigestSubscribers subscribers, RecordPermissions permissions, Clock clock) {
        this.subscribers = subscribers;
        this.permissions = permissions;
        this.clock = clock;
    }

    @GET
    public DigestJson get() {
        String me = permissions.currentUserKey().orElseThrow(RequestProblem::loginRequired);
        return new DigestJson(subscribers.subscribed(me));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public DigestJson put(String body) {
        String me = permissions.currentUserKey().orElseThrow(RequestProblem::loginRequired);
        boolean subscribed = JsonBooleans.required(JsonRequest.parse(body), "subscribed");
        subscribers.set(me, subscribed, clock.instant());
        return new DigestJson(subscribers.subscribed(me));
    }
}
