package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.showcase.ShowcaseService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /rest/failforward/1.0/showcase?projects=A,B&period=2026-Q3}: the failure showcase of a period as one JSON
 * document — award winner and nominees (after voting closed), most reused learnings, experiments decided with their
 * next iterations, incidents whose follow-ups were verified effective, headline KPIs — for Confluence's
 * {@code failforward-showcase} macro, which prints it on the server. Only projects the user may browse (403 for one
 * they cannot see, the same whether it exists or not); 400 naming each bad parameter ({@link ShowcaseParameters});
 * 401 when anonymous. Read-only.
 */
@Path("/showcase")
@Produces(MediaType.APPLICATION_JSON)
public class ShowcaseResource {

    private final ShowcaseService service;
    private final RecordPermissions permissions;
    private final KpiUserContext user;
    private final I18nResolver i18n;

    @Inject
    public ShowcaseResource(ShowcaseService service, RecordPermissions permissions, KpiUserContext user,
                            @ComponentImport I18nResolver i18n) {
        this.service = service;
        this.permissions = permissions;
        this.user = user;
        this.i18n = i18n;
    }

    @GET
    public ShowcaseJson.Report showcase(@QueryParam("projects") List<String> projects,
                                        @QueryParam("period") String period, @QueryParam("from") String from,
                                        @QueryParam("to") String to) {
        Access.requireLogin(permissions.currentUserKey());
        ShowcaseParameters parameters = ShowcaseParameters.parse(projects, period, from, to,
                LocalDate.now(Clock.system(user.zone())));
        return ShowcaseJson.report(service.showcase(parameters.projects(), parameters.period()), i18n, user.locale());
    }
}
