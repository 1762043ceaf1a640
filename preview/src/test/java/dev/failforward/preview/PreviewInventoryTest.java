package dev.failforward.preview;

import dev.failforward.preview.plugin.PluginClasses;
import dev.failforward.preview.plugin.RestModules;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview is assembled from the plugin jars: every module of both descriptors and every component of both
 * generated Spring Scanner indexes has a counterpart in the running preview, but for the few kinds the preview is
 * known not to host (named here, so a new module without a counterpart fails this test); every {@code @Path} class
 * of the plugins is served; the REST endpoints that used to be missing answer.
 */
class PreviewInventoryTest extends PreviewHttpTest {

    /** Modules the preview does not host: Jira's admin menu and project templates, Confluence's create dialog. */
    private static final Set<String> KNOWN_NOT_HOSTED = Set.of(
            "dev.failforward.jira web-section failforward-admin-section",
            "dev.failforward.jira web-item failforward-admin-setup",
            "dev.failforward.jira web-item failforward-admin-import",
            "dev.failforward.jira project-blueprint failforward-project-template",
            "dev.failforward.confluence content-template postmortem-content-template",
            "dev.failforward.confluence blueprint postmortem-blueprint",
            "dev.failforward.confluence web-item postmortem-create-item",
            "dev.failforward.confluence content-template experiment-retro-content-template",
            "dev.failforward.confluence blueprint experiment-retro-blueprint",
            "dev.failforward.confluence web-item experiment-retro-create-item",
            // the failure showcase's blueprint: /confluence/pages/showcase shows the page it makes
            "dev.failforward.confluence content-template showcase-content-template",
            "dev.failforward.confluence blueprint showcase-blueprint",
            "dev.failforward.confluence web-item showcase-create-item");

    @Test
    void everyModuleAndComponentOfBothPluginsHasACounterpartButTheKnownFew() {
        PreviewInventory inventory = host.services().inventory();
        Set<String> notHosted = inventory.notHosted().stream().map(i -> i.plugin() + " " + i.what())
                .collect(Collectors.toSet());
        assertThat(notHosted).as(inventory.report()).isEqualTo(KNOWN_NOT_HOSTED);
        // both plugins, with modules of every kind the preview acts on, and their scanner components
        assertThat(inventory.items()).extracting(PreviewInventory.Item::what)
                .anyMatch(w -> w.startsWith("rest "))
                .anyMatch(w -> w.startsWith("ao "))
                .anyMatch(w -> w.startsWith("workflow-validator "))
                .anyMatch(w -> w.startsWith("workflow-condition "))
                .anyMatch(w -> w.startsWith("workflow-function "))
                .anyMatch(w -> w.startsWith("web-resource "))
                .anyMatch(w -> w.startsWith("servlet "))
                .anyMatch(w -> w.startsWith("xhtml-macro "))
                .anyMatch(w -> w.startsWith("component dev.failforward.jira."))
                .anyMatch(w -> w.startsWith("component dev.failforward.confluence."));
        assertThat(PreviewInventory.index(host.services(), PreviewServices.JIRA_PLUGIN_KEY, "component")).isNotEmpty();
    }

    @Test
    void everyPathClassOfBothPluginsIsServedByItsRestModule() {
        PreviewServices services = host.services();
        for (String plugin : List.of(PreviewServices.JIRA_PLUGIN_KEY, PreviewServices.CONFLUENCE_PLUGIN_KEY)) {
            List<String> pathClasses = PluginClasses.in(services.plugins.base(plugin), List.of()).stream()
                    .filter(PreviewInventoryTest::hasPath).toList();
            List<RestModules.Application> applications = plugin.equals(PreviewServices.JIRA_PLUGIN_KEY)
                    ? services.jiraRestApplications() : services.confluenceRestApplications();
            List<String> served = applications.stream().flatMap(a -> a.resources().stream()).map(Class::getName).toList();
            assertThat(pathClasses).as(plugin).isNotEmpty();
            assertThat(served).as(plugin).containsExactlyInAnyOrderElementsOf(pathClasses);
        }
        assertThat(services.jiraRestApplications()).extracting(RestModules.Application::basePath)
                .containsExactly("/failforward/1.0");
        assertThat(services.jira.workflows().unhosted()).isEmpty();
        assertThat(services.jira.notHostedModules()).isEmpty();
    }

    @Test
    void bothRestModulesHaveTheSharedProvidersTheirDescriptorsList() {
        PreviewServices services = host.services();
        for (List<RestModules.Application> applications : List.of(services.jiraRestApplications(),
                services.confluenceRestApplications())) {
            assertThat(applications).singleElement().satisfies(application -> assertThat(application.providers())
                    .extracting(Class::getName).contains("dev.failforward.rest.ProblemExceptionMapper",
                            "dev.failforward.rest.UnexpectedExceptionMapper", "dev.failforward.rest.JsonContentTypeFilter"));
        }
        // the shared providers' RestPlugin is each plugin's own component, found in its Spring Scanner index
        assertThat(services.jiraComponents.createdTypes()).extracting(Class::getName)
                .contains("dev.failforward.jira.rest.JiraRestPlugin");
        assertThat(services.confluenceComponents.createdTypes()).extracting(Class::getName)
                .contains("dev.failforward.confluence.rest.ConfluenceRestPlugin");
    }

    @Test
    void theEndpointsTheHandWrittenListMissedAnswer() throws Exception {
        HttpResponse<String> openApi = get("/rest/failforward/1.0/openapi.json");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("\"openapi\"").contains("/records");

        HttpResponse<String> export = get("/rest/failforward/1.0/projects/OPS/export.json");
        assertThat(export.statusCode()).as(export.body()).isIn(200, 401, 403);

        HttpResponse<String> backfill = get("/rest/failforward/1.0/admin/backfill");
        assertThat(backfill.statusCode()).as(backfill.body()).isIn(200, 401, 403);

        HttpResponse<String> setup = http(HttpRequest.newBuilder(host.baseUri().resolve("/rest/failforward/1.0/admin/setup"))
                .header("Content-Type", "application/json").header("X-Atlassian-Token", "no-check")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(setup.statusCode()).as(setup.body()).isNotEqualTo(404);

        HttpResponse<String> page = get("/plugins/servlet/failforward/admin/setup");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("admin-setup");
    }

    private static boolean hasPath(String className) {
        try {
            return Class.forName(className, false, PreviewInventoryTest.class.getClassLoader())
                    .isAnnotationPresent(jakarta.ws.rs.Path.class);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static HttpResponse<String> http(HttpRequest request) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
