package dev.failforward.jira.rest;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.websudo.WebSudoRequired;
import dev.failforward.jira.setup.JiraSetupService;
import dev.failforward.jira.setup.SetupReport;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Admin actions: install Fail Forward's issue types, fields, screens, workflows and schemes, and add them to an existing
 * project.
 * <pre>
 *   POST /rest/failforward/1.0/admin/setup                      install (idempotent)
 *   POST /rest/failforward/1.0/admin/setup/projects/{key}       install, then add to the project (idempotent)
 * </pre>
 * Jira administrators only, behind web sudo: the annotations let the product enforce that, and the resource checks the
 * administrator itself too, so the rule holds on every host. A JSON POST is not subject to XSRF; the admin page also
 * sends {@code X-Atlassian-Token: no-check}.
 */
@Path("/admin/setup")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@WebSudoRequired
public class SetupResource {

    private final JiraSetupService setup;
    private final ProjectManager projects;
    private final UserManager users;
    private final I18nResolver i18n;

    @Inject
    public SetupResource(JiraSetupService setup, @ComponentImport ProjectManager projects,
                         @ComponentImport("salUserManager") @Named("salUserManager") UserManager users,
                         @ComponentImport I18nResolver i18n) {
        this.setup = setup;
        this.projects = projects;
        this.users = users;
        this.i18n = i18n;
    }

    @POST
    public SetupReportJson install() {
        Access.requireAdministrator(users);
        return SetupReportJson.from(null, setup.ensureInstalled(), i18n);
    }

    @POST
    @Path("/projects/{projectKey}")
    public SetupReportJson addToProject(@PathParam("projectKey") String projectKey) {
        Access.requireAdministrator(users);
        Project project = projectKey == null || projectKey.isBlank() ? null : projects.getProjectByCurrentKey(projectKey.strip());
        if (project == null) {
            throw RequestProblem.of(404, "failforward.rest.error.project.notfound", projectKey);
        }
        setup.ensureInstalled();
        SetupReport report = setup.addToProject(project);
        return SetupReportJson.from(project.getKey(), report, i18n);
    }
}
