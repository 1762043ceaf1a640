package dev.failforward.jira;

import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.opensymphony.workflow.loader.FunctionDescriptor;
import com.opensymphony.workflow.loader.ValidatorDescriptor;
import dev.failforward.host.templates.HostileText;
import dev.failforward.host.templates.VelocityTemplateRenderer;
import dev.failforward.jira.admin.SetupAdminServlet;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.panels.FailureRecordPanelContext;
import dev.failforward.jira.panels.PanelFixtures;
import dev.failforward.jira.workflow.LearningsValidator;
import dev.failforward.jira.workflow.StampTimeFunction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Every Velocity template of the Jira plugin, rendered as Jira renders it (the host's escaping) with hostile values
 * everywhere (every message, the context path): no markup of a value arrives raw, nothing is escaped twice, and each
 * value shows as the text it is. The test fails when a template under {@code templates/} is not rendered here.
 */
class TemplateEscapingTest {

    private static final Path TEMPLATES = Path.of(System.getProperty("basedir", "."), "src", "main", "resources");

    private final Set<String> rendered = new TreeSet<>();
    private final VelocityTemplateRenderer host = new VelocityTemplateRenderer();
    private final TemplateRenderer renderer = (name, context, writer) -> {
        rendered.add(name);
        host.render(name, context, writer);
    };

    @Test
    void everyTemplateShowsHostileValuesEscapedOnce() throws Exception {
        String admin = adminPage();
        assertThat(HostileText.problems(admin)).as("templates/admin/setup.vm").isEmpty();
        Document page = Jsoup.parse(admin);
        assertThat(page.title()).isEqualTo(HostileText.message("failforward.admin.setup.title"));
        assertThat(page.select(".ff-admin-setup").attr("data-context-path")).isEqualTo(HostileText.VALUE);
        assertThat(page.select("#ff-setup-result").attr("data-failed"))
                .isEqualTo(HostileText.message("failforward.admin.setup.failed"));
        assertThat(page.select("#ff-backfill-run").text())
                .isEqualTo(HostileText.message("failforward.admin.backfill.run"));
        assertThat(page.select("#ff-award-admin").attr("data-text-close"))
                .isEqualTo(HostileText.message("failforward.admin.award.close"));
        assertThat(page.select("#ff-award-save").text()).isEqualTo(HostileText.message("failforward.admin.award.save"));

        FunctionDescriptor stamp = new FunctionDescriptor();
        stamp.getArgs().put("field", "decidedAt");
        String input = workflow("module-input.vm", new StampTimeFunction.Factory(HostileText.i18n())
                .getVelocityParams("edit-parameters", stamp));
        assertThat(HostileText.problems(input)).as("templates/workflow/module-input.vm").isEmpty();
        Document form = Jsoup.parseBodyFragment("<table>" + input + "</table>");
        assertThat(form.select("select[name=field] option[selected]").text())
                .isEqualTo(HostileText.message("failforward.workflow.arg.field.decidedAt"));
        String numbers = workflow("module-input.vm", new LearningsValidator.Factory(HostileText.i18n())
                .getVelocityParams("input-parameters", null));
        assertThat(HostileText.problems(numbers)).isEmpty();

        String view = workflow("module-view.vm", new StampTimeFunction.Factory(HostileText.i18n())
                .getVelocityParams("view", stamp));
        assertThat(HostileText.problems(view)).as("templates/workflow/module-view.vm").isEmpty();
        assertThat(Jsoup.parseBodyFragment(view).text()).contains(HostileText.VALUE);

        for (Map<String, Object> context : panelContexts()) {
            for (String template : new String[] {"templates/panels/record-panel.vm", "templates/panels/rule-panel.vm"}) {
                StringWriter out = new StringWriter();
                renderer.render(template, context, out);
                assertThat(HostileText.problems(out.toString())).as(template + " " + context.get("found")).isEmpty();
            }
        }

        java.util.List<Map<String, Object>> awardPanels = awardPanelContexts();
        for (Map<String, Object> context : awardPanels) {
            StringWriter out = new StringWriter();
            renderer.render("templates/panels/award-panel.vm", context, out);
            if (!Boolean.TRUE.equals(context.get("found"))) {
                assertThat(Jsoup.parseBodyFragment(out.toString()).text()).as("award-panel.vm, no record").isBlank();
            } else {
                assertThat(HostileText.problems(out.toString())).as("award-panel.vm").isEmpty();
                Document panel = Jsoup.parseBodyFragment(out.toString());
                assertThat(panel.select("[data-ff-award-badge]")).hasSize(2);
                assertThat(panel.select("select[name=scope] option").text())
                        .startsWith("failforward.award.panel.option").contains(HostileText.VALUE);
                assertThat(panel.select("form").attr("data-ff-base")).isEqualTo(HostileText.VALUE);
            }
        }

        // the count fields' views print only $count, a number the field type formats: no user text reaches them
        for (String template : new String[] {"templates/fields/count-view.vm", "templates/fields/count-xml.vm"}) {
            StringWriter counted = new StringWriter();
            renderer.render(template, Map.of("count", "3"), counted);
            assertThat(Jsoup.parseBodyFragment(counted.toString()).text()).as(template).isEqualTo("3");
            StringWriter none = new StringWriter();
            renderer.render(template, Map.of(), none);
            assertThat(none.toString()).as(template + " without a record").isBlank();
        }
        String importPage = importPage();
        assertThat(HostileText.problems(importPage)).as("templates/admin/import.vm").isEmpty();
        Document imports = Jsoup.parse(importPage);
        assertThat(imports.title()).isEqualTo(HostileText.message("failforward.import.page.title"));
        assertThat(imports.select("#ff-import-project").attr("value")).isEqualTo(HostileText.VALUE);
        assertThat(imports.select(".ff-import").attr("data-text-outcome-failed"))
                .isEqualTo(HostileText.message("failforward.import.page.outcome.failed"));

        String noConfluence = writeRetroPage();
        assertThat(HostileText.problems(noConfluence)).as("templates/retro/write-retro.vm").isEmpty();
        assertThat(Jsoup.parse(noConfluence).select("#ff-write-retro-applinks").attr("href"))
                .startsWith(HostileText.VALUE);

        assertThat(rendered).as("every template of the plugin is rendered here").containsExactlyInAnyOrderElementsOf(
                templates());
    }

    @Test
    void theChecksSeeRawAndDoubleEscapedValues() {
        assertThat(HostileText.problems("<p>" + HostileText.VALUE + "</p>"))
                .anySatisfy(p -> assertThat(p).startsWith("raw markup"));
        assertThat(HostileText.problems("<p>" + HostileText.escapedOnce().replace("&", "&amp;") + "</p>"))
                .anySatisfy(p -> assertThat(p).startsWith("escaped twice"));
        assertThat(HostileText.problems("<p>" + HostileText.escapedOnce() + "</p>")).isEmpty();
        assertThat(HostileText.problems("<p>nothing</p>")).containsExactly("the hostile value is nowhere escaped once");
        // what the templates did before: values escaped in Java, printed through a map, escaped again by the host
        StringWriter out = new StringWriter();
        host.render("templates/workflow/module-view.vm", Map.of("summary",
                dev.failforward.core.text.Html.escape(HostileText.VALUE)), out);
        assertThat(HostileText.problems(out.toString())).anySatisfy(p -> assertThat(p).startsWith("escaped twice"));
    }

    private String adminPage() throws Exception {
        UserManager users = mock(UserManager.class);
        WebSudoManager webSudo = mock(WebSudoManager.class);
        HttpServletRequest request = mock(HttpServletRequest.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        StringWriter page = new StringWriter();
        when(users.getRemoteUserKey(request)).thenReturn(new UserKey("admin"));
        when(users.isAdmin(new UserKey("admin"))).thenReturn(true);
        when(webSudo.canExecuteRequest(request)).thenReturn(true);
        when(request.getMethod()).thenReturn("GET");
        when(request.getContextPath()).thenReturn(HostileText.VALUE);
        when(response.getWriter()).thenReturn(new PrintWriter(page));
        jakarta.servlet.Servlet servlet = new SetupAdminServlet(users, mock(LoginUriProvider.class), webSudo, renderer,
                HostileText.i18n(), mock(PageBuilderService.class, RETURNS_DEEP_STUBS));
        servlet.service(request, response);
        return page.toString();
    }

    private String importPage() throws Exception {
        UserManager users = mock(UserManager.class);
        HttpServletRequest request = mock(HttpServletRequest.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        StringWriter page = new StringWriter();
        when(users.getRemoteUserKey(request)).thenReturn(new UserKey("lead"));
        when(request.getMethod()).thenReturn("GET");
        when(request.getContextPath()).thenReturn(HostileText.VALUE);
        when(request.getParameter("project")).thenReturn(HostileText.VALUE);
        when(response.getWriter()).thenReturn(new PrintWriter(page));
        jakarta.servlet.Servlet servlet = new dev.failforward.jira.admin.ImportPageServlet(users,
                mock(LoginUriProvider.class), renderer, HostileText.i18n(),
                mock(PageBuilderService.class, RETURNS_DEEP_STUBS));
        servlet.service(request, response);
        return page.toString();
    }

    /** The issue panels' contexts with hostile text everywhere: an incident, an experiment, a record not found. */
    private static java.util.List<Map<String, Object>> panelContexts() {
        FailureDbService failureDb = mock(FailureDbService.class);
        when(failureDb.details("OPS-7")).thenReturn(PanelFixtures.incident(HostileText.VALUE));
        when(failureDb.details("APP-12")).thenReturn(PanelFixtures.experiment(HostileText.VALUE));
        when(failureDb.details("APP-5")).thenReturn(PanelFixtures.earlier("APP-5", HostileText.VALUE, null));
        when(failureDb.details("OPS-8")).thenThrow(new FailureDbException.NotFound("x"));
        FailureRecordPanelContext provider = PanelFixtures.provider(failureDb, HostileText.i18n(), PanelFixtures.page(),
                PanelFixtures.DISCOVERED.plusSeconds(3600));
        FailureRecordPanelContext later = PanelFixtures.provider(failureDb, HostileText.i18n(), PanelFixtures.page(),
                PanelFixtures.DISCOVERED.plusSeconds(3600 * 48));
        return java.util.List.of(
                provider.getContextMap(Map.of("issue", PanelFixtures.issue("OPS-7", "10002"))),
                later.getContextMap(Map.of("issue", PanelFixtures.issue("OPS-7", "10002"))),
                provider.getContextMap(Map.of("issue", PanelFixtures.issue("APP-12", "10001"))),
                provider.getContextMap(Map.of("issue", PanelFixtures.issue("OPS-8", "10002"))));
    }

    /** The award panel's context with hostile text everywhere (a winner's and a nominee's badge, an open award), and
     * for a record the user cannot see. */
    private static java.util.List<Map<String, Object>> awardPanelContexts() {
        dev.failforward.jira.award.AwardService awards = mock(dev.failforward.jira.award.AwardService.class);
        dev.failforward.core.record.FailureRecord record = dev.failforward.core.record.FailureRecord.builder()
                .issueId(10002).issueKey("OPS-7").projectKey("OPS")
                .kind(dev.failforward.core.record.RecordKind.INCIDENT).summary(HostileText.VALUE).status("Open")
                .createdAndUpdatedAt(java.time.Instant.parse("2026-11-01T09:00:00Z")).build();
        dev.failforward.core.award.Award award = new dev.failforward.core.award.Award(
                new dev.failforward.core.award.AwardScope("team", HostileText.VALUE, Set.of("OPS")),
                new dev.failforward.core.award.AwardPeriod(java.time.LocalDate.of(2026, 10, 1),
                        java.time.LocalDate.of(2027, 1, 1), java.time.LocalDate.of(2027, 1, 15),
                        java.time.ZoneOffset.UTC));
        when(awards.signedIn()).thenReturn(true);
        when(awards.record("OPS-7")).thenReturn(java.util.Optional.of(record));
        when(awards.badges(java.util.List.of("OPS-7"))).thenReturn(Map.of("OPS-7", java.util.List.of(
                new dev.failforward.jira.award.AwardService.Badge(award, true),
                new dev.failforward.jira.award.AwardService.Badge(award, false))));
        when(awards.scopes()).thenReturn(java.util.List.of(award.scope()));
        when(awards.current(award.scope())).thenReturn(java.util.List.of(new dev.failforward.jira.award.AwardService
                .Current(award, dev.failforward.core.award.AwardPhase.NOMINATING, true, java.util.List.of(), false)));
        com.atlassian.sal.api.ApplicationProperties application = mock(com.atlassian.sal.api.ApplicationProperties.class);
        when(application.getBaseUrl(com.atlassian.sal.api.UrlMode.RELATIVE)).thenReturn(HostileText.VALUE);
        dev.failforward.jira.kpi.KpiUserContext english = new dev.failforward.jira.kpi.KpiUserContext() {
            @Override
            public java.time.ZoneId zone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.util.Locale locale() {
                return java.util.Locale.ENGLISH;
            }
        };
        dev.failforward.jira.panels.AwardPanelContext provider = new dev.failforward.jira.panels.AwardPanelContext(
                awards, HostileText.i18n(), english, application, PanelFixtures.page());
        return java.util.List.of(provider.getContextMap(Map.of("issue", PanelFixtures.issue("OPS-7", "10002"))),
                provider.getContextMap(Map.of("issue", PanelFixtures.issue("OPS-9", "10002"))));
    }

    private String workflow(String template, Map<String, ?> params) throws Exception {
        StringWriter out = new StringWriter();
        renderer.render("templates/workflow/" + template, Map.copyOf(params), out);
        return out.toString();
    }

    /** Every .vm under src/main/resources, as its class-path name. */
    private static Set<String> templates() throws Exception {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            files.filter(f -> f.toString().endsWith(".vm"))
                    .forEach(f -> names.add(TEMPLATES.relativize(f).toString().replace('\\', '/')));
        }
        assertThat(names).isNotEmpty();
        return names;
    }

    /** "Write the retro" without a Confluence link, for an administrator: message, admin link, back link. */
    private String writeRetroPage() throws Exception {
        UserManager users = mock(UserManager.class);
        HttpServletRequest request = mock(HttpServletRequest.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        StringWriter page = new StringWriter();
        when(users.getRemoteUserKey(request)).thenReturn(new UserKey("admin"));
        when(users.isAdmin(new UserKey("admin"))).thenReturn(true);
        when(request.getMethod()).thenReturn("GET");
        when(request.getParameter("issueId")).thenReturn("10101");
        when(request.getContextPath()).thenReturn(HostileText.VALUE);
        when(response.getWriter()).thenReturn(new PrintWriter(page));
        com.atlassian.jira.issue.MutableIssue issue = mock(com.atlassian.jira.issue.MutableIssue.class, RETURNS_DEEP_STUBS);
        when(issue.getKey()).thenReturn(HostileText.VALUE);
        when(issue.getIssueType().getId()).thenReturn("10002");
        when(issue.getProjectObject().getKey()).thenReturn("OPS");
        com.atlassian.jira.issue.IssueManager issues = mock(com.atlassian.jira.issue.IssueManager.class);
        when(issues.getIssueObject(10101L)).thenReturn(issue);
        dev.failforward.jira.projection.ProjectionSetup setup = mock(dev.failforward.jira.projection.ProjectionSetup.class);
        when(setup.issueTypes()).thenReturn(Map.of("10002", dev.failforward.core.record.RecordKind.INCIDENT));
        dev.failforward.jira.permissions.RecordPermissions permissions =
                mock(dev.failforward.jira.permissions.RecordPermissions.class);
        when(permissions.canBrowse("OPS")).thenReturn(true);
        jakarta.servlet.Servlet servlet = new dev.failforward.jira.retro.WriteRetroServlet(users,
                mock(LoginUriProvider.class), issues, setup, permissions,
                mock(com.atlassian.applinks.api.ApplicationLinkService.class), renderer, HostileText.i18n());
        servlet.service(request, response);
        return page.toString();
    }
}
