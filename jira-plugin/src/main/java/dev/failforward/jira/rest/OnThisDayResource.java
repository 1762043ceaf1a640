package dev.failforward.jira.rest;

import dev.failforward.jira.archive.LearningQuery;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.reuse.OnThisDay;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /learnings/on-this-day?projects=OPS,CARE&date=2026-12-07}: the learnings captured a year and a quarter
 * before {@code date} (default: today), {@value OnThisDay#WINDOW_DAYS} days either side, in the user's time zone
 * (named in the answer as {@code zone}). Without {@code projects}, every browsable project; a project the user may not
 * browse is dropped like a missing one. 400 naming {@code projects} or {@code date}; login required (401).
 */
@Path("/learnings/on-this-day")
@Produces(MediaType.APPLICATION_JSON)
public class OnThisDayResource {

    private final OnThisDay onThisDay;
    private final RecordPermissions permissions;
    private final KpiUserContext user;
    private final Clock clock;

    @Inject
    public OnThisDayResource(OnThisDay onThisDay, RecordPermissions permissions, KpiUserContext user) {
        this(onThisDay, permissions, user, Clock.systemUTC());
    }

    OnThisDayResource(OnThisDay onThisDay, RecordPermissions permissions, KpiUserContext user, Clock clock) {
        this.onThisDay = onThisDay;
        this.permissions = permissions;
        this.user = user;
        this.clock = clock;
    }

    public record PeriodJson(String key, String day, String from, String to, int total,
                             List<ResurfacingJson.LearningJson> learnings) {
    }

    public record OnThisDayJson(String date, String zone, int windowDays, List<PeriodJson> periods) {
    }

    @GET
    public OnThisDayJson find(@QueryParam("projects") List<String> projects, @QueryParam("date") String date) {
        Access.requireLogin(permissions.currentUserKey());
        Set<String> requested = ResurfacingJson.projects(projects, LearningQuery.MAX_PROJECTS);
        ZoneId zone = user.zone();
        LocalDate day;
        if (date == null || date.isBlank()) {
            day = LocalDate.now(clock.withZone(zone));
        } else {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                throw RequestProblem.invalid(List.of(FieldError.of("date", "invalid",
                        "failforward.failuredb.error.param.date", "date", date)));
            }
            if (day.getYear() < 1971 || day.getYear() > 9998) {
                throw RequestProblem.invalid(List.of(FieldError.of("date", "invalid",
                        "failforward.failuredb.error.param.date", "date", date)));
            }
        }
        return new OnThisDayJson(day.toString(), zone.getId(), OnThisDay.WINDOW_DAYS,
                onThisDay.find(requested, day, zone).stream().map(p -> new PeriodJson(p.key(), p.day().toString(),
                        p.from().toString(), p.to().toString(), p.total(),
                        p.learnings().stream().map(ResurfacingJson.LearningJson::of).toList())).toList());
    }
}
