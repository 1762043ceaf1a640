package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.scheduler.SchedulerServiceException;
import dev.failforward.jira.projection.BackfillProgress;
import dev.failforward.jira.projection.BackfillScheduler;
import dev.failforward.jira.projection.ProjectionQueue;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.Locale;

/**
 * The failure database's rebuild from Jira (the backfill), for Jira administrators.
 * <pre>
 *   GET  /rest/failforward/1.0/admin/backfill    200 progress (any node shows the cluster's progress)
 *   POST /rest/failforward/1.0/admin/backfill    202 a run is requested (idempotent: one run at a time)
 * </pre>
 * Jira administrators only: {@code @AdminOnly} lets the product enforce it, and the resource checks it itself too, so
 * the rule holds on every host (401 anonymous, 403 not an administrator, through {@link ProblemExceptionMapper}).
 */
@Path("/admin/backfill")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class BackfillResource {

    private final BackfillScheduler backfill;
    private final ProjectionQueue queue;
    private final UserManager users;
    private final I18nResolver i18n;

    @Inject
    public BackfillResource(BackfillScheduler backfill, ProjectionQueue queue,
                            @ComponentImport("salUserManager") @Named("salUserManager") UserManager users,
                            @ComponentImport I18nResolver i18n) {
        this.backfill = backfill;
        this.queue = queue;
        this.users = users;
        this.i18n = i18n;
    }

    @GET
    public BackfillJson progress() {
        Access.requireAdministrator(users);
        BackfillProgress progress = backfill.progress();
        return BackfillJson.from(progress, queue.stats(), message(progress), null);
    }

    @POST
    public Response runNow() {
        Access.requireAdministrator(users);
        BackfillScheduler.RunRequest request;
        try {
            request = backfill.runNow();
        } catch (SchedulerServiceException e) {
            throw new IllegalStateException("Jira's scheduler refused the backfill job", e);
        }
        String requested = i18n.getText(request.alreadyRunning() ? "failforward.backfill.alreadyrunning"
                : "failforward.backfill.requested");
        return Response.status(Response.Status.ACCEPTED)
                .entity(BackfillJson.from(request.progress(), queue.stats(), message(request.progress()), requested))
                .build();
    }

    private String message(BackfillProgress p) {
        String key = "failforward.backfill.state." + p.state().name().toLowerCase(Locale.ROOT);
        return switch (p.state()) {
            case IDLE -> i18n.getText(key);
            case RUNNING -> i18n.getText(key, p.processed(), Math.max(p.total(), p.processed()));
            case INTERRUPTED -> i18n.getText(key, p.processed());
            case FAILED -> i18n.getText(key, p.processed(), p.lastError() == null ? "" : p.lastError());
            case DONE -> i18n.getText(key, p.processed(), p.removed());
        };
    }

    /**
     * JSON of the backfill's progress: {@code {"state":"running","phase":"projecting","processed":400,"total":1200,
     * "failed":0,"removed":0,"startedAt":"2026-11-21T02:00:00Z","finishedAt":null,"lastError":null,
     * "message":"Rebuilding …","requested":null,"node":{"waiting":0,"dropped":0,"projected":12,"failed":0}}}}. Times
     * are ISO-8601 UTC; {@code node} counts this node's event queue since it started.
     */
    public record BackfillJson(String state, String phase, long processed, long total, long failed, long removed,
                               String startedAt, String finishedAt, String lastError, String message,
                               String requested, Node node) {

        public record Node(int waiting, long dropped, long projected, long failed) {
        }

        static BackfillJson from(BackfillProgress p, ProjectionQueue.Stats stats, String message, String requested) {
            return new BackfillJson(lower(p.state()), lower(p.phase()), p.processed(), Math.max(p.total(), p.processed()),
                    p.failed(), p.removed(), time(p.startedAt()), time(p.finishedAt()), p.lastError(), message,
                    requested, new Node(stats.waiting(), stats.dropped(), stats.projected(), stats.failed()));
        }

        private static String lower(Enum<?> value) {
            return value.name().toLowerCase(Locale.ROOT);
        }

        private static String time(Instant at) {
            return at == null ? null : at.toString();
        }
    }
}
