package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.websudo.WebSudoRequired;
import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardException;
import dev.failforward.core.award.AwardSchedule;
import dev.failforward.core.award.AwardScope;
import dev.failforward.jira.award.AwardService;
import dev.failforward.jira.award.AwardSettings;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The award's administration, for Jira administrators behind web sudo (as {@link SetupResource}):
 * <pre>
 *   GET  /awards/admin/settings             {"months":3,"votingDays":14,"zone":"Europe/Berlin","zoneIsDefault":true,
 *                                            "groups":[{"key":"platform","name":"Platform","projects":["OPS"]}]}
 *   PUT  /awards/admin/settings             same body (zone null or "" = the instance's zone); 400 naming the field
 *   POST /awards/admin/{award}/advance      end nominations now (voting opens now) or close voting now; 409 saying
 *                                            why when the award has not started or is over
 * </pre>
 * A new period length takes effect once the running award's nominations end; when the new schedule's current period
 * has the id of an award already stored past its nominations (e.g. monthly to quarterly mid-quarter), nominations stay
 * closed until the next period ({@code AwardService#nominating}). The admin page says so.
 */
@Path("/awards/admin")
@Produces(MediaType.APPLICATION_JSON)
@WebSudoRequired
public class AwardAdminResource {

    public record GroupJson(String key, String name, List<String> projects) {
    }

    public record SettingsJson(int months, int votingDays, String zone, boolean zoneIsDefault, List<GroupJson> groups,
                               List<Integer> allowedMonths, int maxVotingDays) {
    }

    /** An award after "advance": its phase now and its new dates. */
    public record AdvancedJson(String award, String phase, String votingOpens, String votingCloses) {
    }

    private final AwardSettings settings;
    private final AwardService awards;
    private final UserManager users;

    @Inject
    public AwardAdminResource(AwardSettings settings, AwardService awards,
                              @ComponentImport("salUserManager") @Named("salUserManager") UserManager users) {
        this.settings = settings;
        this.awards = awards;
        this.users = users;
    }

    @GET
    @Path("/settings")
    public SettingsJson read() {
        Access.requireAdministrator(users);
        AwardSchedule schedule = settings.schedule();
        return new SettingsJson(schedule.months(), schedule.votingDays(), schedule.zone().getId(), !settings.zoneSet(),
                settings.groups().stream().map(g -> new GroupJson(g.key(), g.name(), List.copyOf(g.projectKeys())))
                        .toList(),
                AwardSchedule.MONTHS.stream().sorted().toList(), AwardSchedule.MAX_VOTING_DAYS);
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingsJson save(String body) {
        Access.requireAdministrator(users);
        JsonRequest request = JsonRequest.parse(body);
        AwardSchedule current = settings.schedule();
        List<FieldError> errors = new ArrayList<>();
        int months = current.months();
        int votingDays = current.votingDays();
        try {
            months = request.optionalInteger("months", 1, 12).orElse(current.months());
        } catch (RequestProblem e) {
            errors.addAll(e.errors());
        }
        try {
            votingDays = request.optionalInteger("votingDays", 1, AwardSchedule.MAX_VOTING_DAYS)
                    .orElse(current.votingDays());
        } catch (RequestProblem e) {
            errors.addAll(e.errors());
        }
        if (!AwardSchedule.MONTHS.contains(months)) {
            errors.add(FieldError.of("months", "invalid", "failforward.award.period.monthsInvalid",
                    Integer.toString(months)));
        }
        ZoneId zone = settings.instanceZone();
        String zoneText = null;
        try {
            zoneText = request.optionalString("zone", 64).map(String::strip).filter(z -> !z.isEmpty()).orElse(null);
        } catch (RequestProblem e) {
            errors.addAll(e.errors());
        }
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                errors.add(FieldError.of("zone", "invalid", "failforward.award.admin.error.zone", zoneText));
            }
        }
        List<AwardScope> groups = groups(request, errors);
        if (!errors.isEmpty()) {
            throw RequestProblem.invalid(errors);
        }
        settings.write(new AwardSchedule(months, votingDays, zone), zoneText != null);
        if (groups != null) {
            settings.writeGroups(groups);
        }
        return read();
    }

    @POST
    @Path("/{award}/advance")
    public AdvancedJson advance(@PathParam("award") String awardId) {
        Access.requireAdministrator(users);
        // an award neither taking nominations nor in voting: AwardException, 409 saying which (JiraRestPlugin)
        Award award = awards.advance(awardId);
        return new AdvancedJson(award.id(), awards.phase(award).name().toLowerCase(java.util.Locale.ROOT),
                award.period().votingOpens().toString(), award.period().votingCloses().toString());
    }

    /** The body's {@code groups}, checked; null when the body has none (they stay as they are). */
    private static List<AwardScope> groups(JsonRequest request, List<FieldError> errors) {
        JsonNode node = request.field("groups");
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isArray()) {
            errors.add(FieldError.of("groups", "type", "failforward.award.admin.error.groups"));
            return null;
        }
        if (node.size() > AwardSettings.MAX_GROUPS) {
            errors.add(FieldError.of("groups", "too-many", "failforward.award.admin.error.groups.tooMany",
                    AwardSettings.MAX_GROUPS));
            return null;
        }
        List<AwardScope> groups = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode group : node) {
            List<String> projects = new ArrayList<>();
            group.path("projects").forEach(p -> projects.add(p.asText("").strip().toUpperCase(java.util.Locale.ROOT)));
            try {
                AwardScope scope = AwardScope.group(group.path("key").asText(null), group.path("name").asText(null),
                        projects);
                if (!keys.add(scope.key())) {
                    errors.add(FieldError.of("groups", "duplicate", "failforward.award.admin.error.groups.duplicate",
                            scope.key()));
                }
                groups.add(scope);
            } catch (AwardException e) {
                errors.add(FieldError.of("groups", e.problem().code(), e.problem().i18nKey(),
                        e.problem().arguments().toArray(Serializable[]::new)));
            }
        }
        return groups;
    }
}
