package dev.failforward.jira.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.jira.huddle.Huddle;
import dev.failforward.jira.huddle.HuddleService;
import dev.failforward.jira.huddle.HuddleStore;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.users.SalUserDirectory;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The weekly failure huddle of a team, the projects it covers ({@link HuddleService} has the rules):
 * <pre>
 *   GET  /huddles/board?projects=OPS,CARE   what to talk about: failures since the last huddle, open 24-hour rules,
 *                                           overdue follow-ups, one learning to celebrate; and whether it was held
 *   POST /huddles {"projects":["OPS"],"note":"…"}  marks this ISO week's huddle held: 201; 200 with created false
 *                                           and a message naming who held it and when if it was held already
 *   GET  /huddles?projects=OPS,CARE         the team's huddles held, newest first
 * </pre>
 * Every project must be browsable (403 otherwise, like a missing one); 400 naming {@code projects} or {@code note};
 * login required (401). Huddle weeks are counted in Jira's default user time zone, so a team's members agree on
 * them; overdue dates and times shown are in the user's.
 */
@Path("/huddles")
@Produces(MediaType.APPLICATION_JSON)
public class HuddlesResource {

    static final int HISTORY = 52;

    private final HuddleService huddles;
    private final RecordPermissions permissions;
    private final KpiUserContext user;
    private final SalUserDirectory users;
    private final I18nResolver i18n;

    @Inject
    public HuddlesResource(HuddleService huddles, RecordPermissions permissions, KpiUserContext user,
                           SalUserDirectory users, @ComponentImport I18nResolver i18n) {
        this.huddles = huddles;
        this.permissions = permissions;
        this.user = user;
        this.users = users;
        this.i18n = i18n;
    }

    public record HuddleJson(String team, List<String> projects, String week, String heldAt, String heldBy,
                             String heldByName, int failuresReviewed, Long celebratedLearningId, String note) {
    }

    public record FailureJson(String key, String summary, String kind, String status, String createdAt, String url) {
    }

    public record FailuresJson(int total, List<FailureJson> items) {
    }

    public record RuleJson(String key, String summary, String discoveredAt, String deadline, long secondsLeft,
                           int learnings, int minLearnings, int nextSteps, int minNextSteps, String url) {
    }

    public record OverdueJson(long id, String description, String owner, String ownerName, String dueDate,
                              long daysOverdue, ResurfacingJson.RecordJson record) {
    }

    public record CelebrateJson(ResurfacingJson.LearningJson learning, int reuses) {
    }

    public record BoardJson(List<String> projects, String team, String week, String zone, String weekZone,
                            String since,
                            boolean sinceLastHuddle, HuddleJson lastHuddle, HuddleJson heldThisWeek,
                            FailuresJson failures, List<RuleJson> openRules, List<OverdueJson> overdue,
                            int overdueTotal,
                            String celebrationRule, CelebrateJson celebrate) {
    }

    public record MarkedJson(boolean created, String message, HuddleJson huddle) {
    }

    public record HistoryJson(String team, List<HuddleJson> huddles) {
    }

    @GET
    @Path("/board")
    public BoardJson board(@QueryParam("projects") List<String> projects) {
        Access.requireLogin(permissions.currentUserKey());
        HuddleService.Board board = huddles.board(required(ResurfacingJson.projects(projects, Integer.MAX_VALUE)),
                user.zone());
        Instant now = board.now();
        LocalDate today = LocalDate.ofInstant(now, user.zone());
        return new BoardJson(board.projectKeys(), board.teamKey(), board.week(), user.zone().getId(),
                huddles.weekZone().getId(),
                board.since().toString(), board.last().isPresent(), board.last().map(this::json).orElse(null),
                board.thisWeek().map(this::json).orElse(null),
                new FailuresJson(board.failuresTotal(), board.failures().stream().map(HuddlesResource::failure).toList()),
                board.openRules().stream().map(r -> new RuleJson(r.record().issueKey(), r.record().summary(),
                        r.record().discoveredAt().toString(), r.rule().deadline().toString(), r.left().toSeconds(),
                        r.rule().learnings(), r.minLearnings(), r.rule().nextSteps(), r.minNextSteps(),
                        "/browse/" + r.record().issueKey())).toList(),
                board.overdue().stream().map(o -> overdue(o, today)).toList(), board.overdueTotal(),
                i18n.getText("failforward.huddle.celebrate.rule"),
                board.celebrate().map(c -> new CelebrateJson(ResurfacingJson.LearningJson.of(c.learning()), c.reuses()))
                        .orElse(null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response hold(String body) {
        Access.requireLogin(permissions.currentUserKey());
        JsonRequest request = JsonRequest.parse(body);
        List<String> projects = new ArrayList<>();
        var field = request.field("projects");
        if (field != null && field.isArray()) {
            for (var element : field) {
                if (!element.isTextual()) {
                    throw RequestProblem.invalid(List.of(FieldError.of("projects", "invalid",
                            "failforward.huddle.error.projects")));
                }
                projects.add(element.asText());
            }
        } else if (field != null && field.isTextual()) {
            projects.add(field.asText());
        } else if (field != null && !field.isNull()) {
            throw RequestProblem.invalid(List.of(FieldError.of("projects", "invalid",
                    "failforward.huddle.error.projects")));
        }
        Set<String> team = required(ResurfacingJson.projects(projects, Integer.MAX_VALUE));
        String note = request.optionalString("note", Huddle.NOTE_MAX_LENGTH).orElse(null);
        HuddleService.Marked marked = huddles.markHeld(team, note, user.zone());
        HuddleJson json = json(marked.huddle());
        String when = marked.huddle().heldAt().atZone(user.zone())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(user.locale()));
        String who = json.heldByName() == null ? i18n.getText("failforward.huddle.someone") : json.heldByName();
        String message = marked.created()
                ? i18n.getText("failforward.huddle.held", String.join(", ", marked.huddle().projectKeys()),
                marked.huddle().week())
                : i18n.getText("failforward.huddle.already", String.join(", ", marked.huddle().projectKeys()),
                when, who);
        return Response.status(marked.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(new MarkedJson(marked.created(), message, json)).build();
    }

    @GET
    public HistoryJson history(@QueryParam("projects") List<String> projects) {
        Access.requireLogin(permissions.currentUserKey());
        Set<String> team = required(ResurfacingJson.projects(projects, Integer.MAX_VALUE));
        List<Huddle> held = huddles.history(team, HISTORY);
        return new HistoryJson(Huddle.teamKey(team), held.stream().map(this::json).toList());
    }

    /** The huddle board is about named projects: none is a 400 naming {@code projects}. */
    private static Set<String> required(Set<String> projects) {
        if (projects == null) {
            throw JsonRequest.required("projects");
        }
        return projects;
    }

    private HuddleJson json(Huddle h) {
        return new HuddleJson(h.teamKey(), h.projectKeys(), h.week(), h.heldAt().toString(), h.heldBy(),
                h.heldBy() == null ? null : users.displayName(h.heldBy()), h.failuresReviewed(),
                h.celebratedLearningId(), h.note());
    }

    private static FailureJson failure(FailureRecord r) {
        return new FailureJson(r.issueKey(), r.summary(), FailureRecordJson.name(r.kind()), r.status(),
                FailureRecordJson.instant(r.createdAt()), "/browse/" + r.issueKey());
    }

    private OverdueJson overdue(HuddleStore.OverdueAction o, LocalDate today) {
        return new OverdueJson(o.item().id(), o.item().description(), o.item().ownerKey(),
                users.displayName(o.item().ownerKey()), o.item().dueDate().toString(),
                ChronoUnit.DAYS.between(o.item().dueDate(), today),
                new ResurfacingJson.RecordJson(o.issueKey(), o.projectKey(), o.summary(), null, "/browse/" + o.issueKey()));
    }
}
