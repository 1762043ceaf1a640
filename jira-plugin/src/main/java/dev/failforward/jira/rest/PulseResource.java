package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.kpi.KpiEngine;
import dev.failforward.core.kpi.Period;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.pulse.PulseService;
import dev.failforward.jira.pulse.PulseSettings;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The anonymous pulse over REST ({@link PulseService} has the privacy design):
 * <pre>
 *   GET  /pulse?project=OPS     the question, the open period, whether I answered, the last complete period's results
 *   POST /pulse                 {"project":"OPS","score":1..5}: 201; 409 (field score) when already answered
 *   GET  /pulse/settings        {"granularity":"month","minAnswers":5}           administrators
 *   PUT  /pulse/settings        same body; minAnswers 5..1000 (never below 5)    administrators
 * </pre>
 * Mutations are JSON-only (XSRF-safe under REST v2, see {@link FailureRecordsResource}).
 */
@Path("/pulse")
@Produces(MediaType.APPLICATION_JSON)
public class PulseResource {

    record PulseJson(String project, String question, List<Choice> scale, PeriodJson period, String granularity,
                     boolean answered, long answersSoFar, String nextPeriodStart, String anonymityNote,
                     ResultsJson previous) {
    }

    record Choice(int score, String label) {
    }

    record PeriodJson(String key, String label, String start, String end) {
    }

    record ResultsJson(String period, String label, long answers, int minAnswers, boolean shown,
                       Double favourableShare, List<Long> distribution) {
    }

    record SettingsJson(String granularity, int minAnswers) {
    }

    /** The answers' labels, 1 (not at all) to 5 (completely). */
    private static final List<String> SCALE_KEYS = List.of("failforward.pulse.scale.1", "failforward.pulse.scale.2",
            "failforward.pulse.scale.3", "failforward.pulse.scale.4", "failforward.pulse.scale.5");

    private final PulseService pulse;
    private final PulseSettings settings;
    private final RecordPermissions permissions;
    private final UserManager users;
    private final KpiUserContext user;
    private final I18nResolver i18n;

    @Inject
    public PulseResource(PulseService pulse, PulseSettings settings, RecordPermissions permissions,
                         @ComponentImport("salUserManager") @Named("salUserManager") UserManager users,
                         KpiUserContext user, @ComponentImport I18nResolver i18n) {
        this.pulse = pulse;
        this.settings = settings;
        this.permissions = permissions;
        this.users = users;
        this.user = user;
        this.i18n = i18n;
    }

    @GET
    public PulseJson status(@QueryParam("project") String project) {
        Access.requireLogin(permissions.currentUserKey());
        return json(pulse.status(requireProject(project)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answer(String body) {
        Access.requireLogin(permissions.currentUserKey());
        JsonRequest request = JsonRequest.parse(body);
        String project = requireProject(request.optionalString("project", 255).orElse(null));
        int score = request.requiredInteger("score", PulseService.MIN_SCORE, PulseService.MAX_SCORE);
        try {
            return Response.status(Response.Status.CREATED).entity(json(pulse.answer(project, score))).build();
        } catch (FailureDbException.AlreadyAnswered e) {
            // "You have already answered for December 2026. The next question opens on 1 January 2027."
            throw e.worded(label(e.period()), e.period().end().toLocalDate()
                    .format(DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(user.locale())));
        }
    }

    @GET
    @Path("/settings")
    public SettingsJson settings() {
        Access.requireAdministrator(users);
        PulseSettings.Values values = settings.read();
        return new SettingsJson(values.granularity().name().toLowerCase(Locale.ROOT), values.minAnswers());
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingsJson saveSettings(String body) {
        Access.requireAdministrator(users);
        JsonRequest request = JsonRequest.parse(body);
        PulseSettings.Values current = settings.read();
        List<FieldError> errors = new ArrayList<>();
        Granularity granularity = current.granularity();
        String text = request.optionalString("granularity", 20).orElse(null);
        if (text != null) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "month" -> granularity = Granularity.MONTH;
                case "quarter" -> granularity = Granularity.QUARTER;
                default -> errors.add(FieldError.of("granularity", "unknown", "failforward.failuredb.error.param.unknown",
                        "granularity", text, "month, quarter"));
            }
        }
        int minAnswers = current.minAnswers();
        try {
            minAnswers = request.optionalInteger("minAnswers", KpiEngine.MIN_SHARING_ANSWERS,
                    PulseSettings.MAX_MIN_ANSWERS).orElse(current.minAnswers());
        } catch (RequestProblem e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw RequestProblem.invalid(errors);
        }
        settings.write(new PulseSettings.Values(granularity, minAnswers));
        return settings();
    }

    private static String requireProject(String project) {
        if (project == null || project.isBlank()) {
            throw JsonRequest.required("project");
        }
        return project.strip();
    }

    private PulseJson json(PulseService.Status status) {
        List<Choice> scale = new ArrayList<>();
        for (int score = PulseService.MIN_SCORE; score <= PulseService.MAX_SCORE; score++) {
            scale.add(new Choice(score, i18n.getText(SCALE_KEYS.get(score - 1))));
        }
        Period period = status.period();
        PulseService.Results previous = status.previous();
        ResultsJson results = new ResultsJson(previous.period().label(), label(previous.period()), previous.answers(),
                previous.minAnswers(), previous.shown(), previous.favourableShare(), previous.distribution());
        return new PulseJson(status.projectKey(), i18n.getText("failforward.pulse.question"), scale,
                new PeriodJson(period.label(), label(period), period.firstDay().toString(),
                        period.end().toLocalDate().toString()),
                period.granularity().name().toLowerCase(Locale.ROOT), status.answered(), status.answersSoFar(),
                period.end().toLocalDate().toString(), i18n.getText("failforward.pulse.anonymity", previous.minAnswers()),
                results);
    }

    private String label(Period period) {
        if (period.granularity() == Granularity.QUARTER) {
            return KpiJson.label(period, user.locale(), i18n);
        }
        return period.firstDay().format(DateTimeFormatter.ofPattern("MMMM yyyy", user.locale()));
    }
}
