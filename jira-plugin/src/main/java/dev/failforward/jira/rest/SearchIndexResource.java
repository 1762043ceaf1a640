package dev.failforward.jira.rest;

import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.jira.search.node.NodeIndexStatus;
import dev.failforward.jira.search.node.NodeSearchIndex;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * This node's search index, for Jira administrators (the admin page polls it).
 * <pre>
 *   GET  /rest/failforward/1.0/admin/search-index    200 this node's index: state, percent, records, updatedAt
 *   POST /rest/failforward/1.0/admin/search-index    202 this node rebuilds its index from the failure database
 * </pre>
 * Each node has its own index, so both answer for the node that serves the request (named by nothing here: behind a
 * load balancer, the admin page shows the node it reached). A rebuild is harmless: searches use the database meanwhile.
 * The POST takes no form body, so REST v2's XSRF protection applies as for the other admin actions (the page sends
 * {@code X-Atlassian-Token: no-check} with a JSON content type); administrators only, checked here too.
 */
@Path("/admin/search-index")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class SearchIndexResource {

    private final NodeSearchIndex index;
    private final UserManager users;
    private final I18nResolver i18n;

    @Inject
    public SearchIndexResource(NodeSearchIndex index,
                               @ComponentImport("salUserManager") @Named("salUserManager") UserManager users,
                               @ComponentImport I18nResolver i18n) {
        this.index = index;
        this.users = users;
        this.i18n = i18n;
    }

    @GET
    public StatusJson status() {
        Access.requireAdministrator(users);
        return json(index.status(), null);
    }

    @POST
    public Response rebuild() {
        Access.requireAdministrator(users);
        index.requestRebuild();
        return Response.status(Response.Status.ACCEPTED)
                .entity(json(index.status(), i18n.getText("failforward.admin.searchindex.requested"))).build();
    }

    private StatusJson json(NodeIndexStatus status, String requested) {
        String message = switch (status.state()) {
            case READY -> i18n.getText("failforward.admin.searchindex.ready", status.records() < 0 ? "?"
                    : Long.toString(status.records()), status.updatedAt() == null ? "-" : status.updatedAt().toString());
            case BUILDING -> i18n.getText("failforward.admin.searchindex.building", status.percent());
            case UNAVAILABLE -> i18n.getText("failforward.admin.searchindex.unavailable",
                    status.reason() == null ? "" : status.reason());
        };
        return new StatusJson(status.state().json(), status.percent(), status.reason(),
                status.records() < 0 ? null : status.records(),
                status.updatedAt() == null ? null : status.updatedAt().toString(), message, requested);
    }

    /**
     * {@code {"state":"ready","percent":100,"reason":null,"records":1200,"updatedAt":"2026-11-21T10:00:00Z",
     * "message":"Search index: ready, 1200 records, updated 2026-11-21T10:00:00Z","requested":null}}.
     */
    public record StatusJson(String state, int percent, String reason, Long records, String updatedAt, String message,
                             String requested) {
    }
}
