package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoDigestSubscribers;
import dev.failforward.jira.persistence.AoFollowUps;
import dev.failforward.jira.reminder.ReminderSettings;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The current user's follow-ups and the reminder settings:
 * <pre>
 *   GET /followups/mine       my open action items and due check-ins in the projects I may browse (overdue first,
 *                             then by date), with whether I get the weekly digest
 *   GET /followups/settings   {"enabled":true,"daysAhead":3,"leadAfterDays":7}                  administrators
 *   PUT /followups/settings   same body, every field optional; daysAhead 0..30, leadAfterDays 1..365   administrators
 * </pre>
 * Marking an item done and checking in go through the failure database's own endpoints
 * ({@code PUT /records/{issueKey}/actions/{id}}, {@code POST /records/{issueKey}/actions/{id}/check-in}), with their
 * permission checks. Mutations are JSON-only (XSRF-safe under REST v2, see {@link FailureRecordsResource}).
 */
@Path("/followups")
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpsResource {

    record ItemJson(long id, String issueKey, String projectKey, String recordSummary, String description,
                    String ownerKey, String dueDate, String type, String status, String checkInDate, long version,
                    boolean overdue, long daysOverdue, boolean checkInDue) {
    }

    record MineJson(String today, List<ItemJson> items, boolean digest) {
    }

    record SettingsJson(boolean enabled, int daysAhead, int leadAfterDays) {
    }

    private final AoFollowUps followUps;
    private final AoDigestSubscribers digest;
    private final ReminderSettings settings;
    private final RecordPermissions permissions;
    private final UserManager users;
    private final KpiUserContext user;
    private final Clock clock;

    @Inject
    public FollowUpsResource(AoFollowUps followUps, AoDigestSubscribers digest, ReminderSettings settings,
                             RecordPermissions permissions,
                             @ComponentImport("salUserManager") @Named("salUserManager") UserManager users,
                             KpiUserContext user) {
        this(followUps, digest, settings, permissions, users, user, Clock.systemUTC());
    }

    FollowUpsResource(AoFollowUps followUps, AoDigestSubscribers digest, ReminderSettings settings,
                      RecordPermissions permissions, UserManager users, KpiUserContext user, Clock clock) {
        this.followUps = followUps;
        this.digest = digest;
        this.settings = settings;
        this.permissions = permissions;
        this.users = users;
        this.user = user;
        this.clock = clock;
    }

    @GET
    @Path("/mine")
    public MineJson mine() {
        String me = permissions.currentUserKey().orElseThrow(RequestProblem::loginRequired);
        LocalDate today = LocalDate.now(clock.withZone(user.zone()));
        Set<String> browsable = permissions.browsableProjectKeys();
        List<ItemJson> items = new ArrayList<>();
        for (AoFollowUps.Item item : followUps.ofOwner(me, today)) {
            if (!browsable.contains(item.projectKey())) {
                continue;
            }
            boolean overdue = item.overdue(today);
            items.add(new ItemJson(item.id(), item.issueKey(), item.projectKey(), item.recordSummary(),
                    item.description(), item.ownerKey(), item.dueDate().toString(), lower(item.type()), lower(item.status()),
                    item.checkInDate() == null ? null : item.checkInDate().toString(), item.version(), overdue,
                    overdue ? ChronoUnit.DAYS.between(item.dueDate(), today) : 0, item.checkInDue(today)));
        }
        return new MineJson(today.toString(), items, digest.subscribed(me));
    }

    /** Enum names as the records API writes them ({@code "open"}, {@code "prevent"}). */
    private static String lower(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    @GET
    @Path("/settings")
    public SettingsJson settings() {
        Access.requireAdministrator(users);
        ReminderSettings.Values values = settings.read();
        return new SettingsJson(values.enabled(), values.daysAhead(), values.leadAfterDays());
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingsJson saveSettings(String body) {
        Access.requireAdministrator(users);
        JsonRequest request = JsonRequest.parse(body);
        ReminderSettings.Values current = settings.read();
        List<FieldError> errors = new ArrayList<>();
        boolean enabled = current.enabled();
        int daysAhead = current.daysAhead();
        int leadAfter = current.leadAfterDays();
        try {
            enabled = JsonBooleans.optional(request, "enabled").orElse(enabled);
        } catch (RequestProblem e) {
            errors.addAll(e.errors());
        }
        try {
            daysAhead = request.optionalInteger("daysAhead", 0, ReminderSettings.MAX_DAYS_AHEAD).orElse(daysAhead);
        } catch (RequestProblem e) {
            errors.addAll(e.errors());
        }
        try {
            leadAfter = request.optionalInteger("leadAfterDays", 1, ReminderSettings.MAX_LEAD_AFTER_DAYS)
                    .orElse(leadAfter);
        } catch (RequestProblem e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw RequestProblem.invalid(errors);
        }
        settings.write(new ReminderSettings.Values(enabled, daysAhead, leadAfter));
        return settings();
    }
}
