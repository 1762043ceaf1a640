package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.jira.kpi.KpiService;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.RecordPermissions;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/**
 * {@code GET /rest/failforward/1.0/kpis}: the culture KPIs of the projects the user may browse, by month or quarter in
 * their time zone, each with its healthy direction, the trend of the last complete period and the issue search behind
 * it. Parameters: {@link KpiParameters}. 401 when anonymous, 403 for a project the user cannot see (same message
 * whether it exists or not), 400 naming each bad parameter.
 */
@Path("/kpis")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    private final KpiService service;
    private final RecordPermissions permissions;
    private final KpiUserContext user;
    private final I18nResolver i18n;

    @Inject
    public KpiResource(KpiService service, RecordPermissions permissions, KpiUserContext user,
                       @ComponentImport I18nResolver i18n) {
        this.service = service;
        this.permissions = permissions;
        this.user = user;
        this.i18n = i18n;
    }

    @GET
    public KpiJson.Report kpis(@QueryParam("project") List<String> project, @QueryParam("filter") String filter,
                               @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("granularity") String granularity,
                               @QueryParam("kpi") List<String> kpi) {
        Access.requireLogin(permissions.currentUserKey());
        KpiParameters parameters = KpiParameters.parse(project, filter, from, to, granularity, kpi,
                YearMonth.now(Clock.system(user.zone())));
        return KpiJson.report(service.report(parameters.projects(), parameters.filter(), parameters.from(), parameters.to(),
                parameters.granularity(), parameters.kpis()), i18n);
    }
}
