package dev.failforward.preview;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pages get the plugins' scripts and styles the way the products give them: a page requires a web resource (the
 * admin servlet through the PageBuilderService, the preview's pages through {@code $webResourceManager}) and the tags
 * are written into the page's head with their dependencies; no template writes a {@code /download/resources/} URL.
 */
class PageWebResourcesTest extends PreviewHttpTest {

    private static final PluginResources PLUGINS = PluginResources.fromClasspath(PageWebResourcesTest.class.getClassLoader());

    @Test
    void theAdminPageGetsItsScriptAndStylesFromTheWebResourceItRequires() throws Exception {
        HttpResponse<String> response = get("/plugins/servlet/failforward/admin/setup");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.head().select("script[src]").eachAttr("src"))
                .containsExactly("/download/resources/dev.failforward.jira:admin-setup/admin-setup.js",
                        "/download/resources/dev.failforward.jira:admin-setup/admin-reminders.js",
                        "/download/resources/dev.failforward.jira:admin-setup/award-admin.js");
        assertThat(page.head().select("link[rel=stylesheet]").eachAttr("href"))
                .containsExactly("/download/resources/dev.failforward.jira:admin-setup/admin-setup.css");
        assertThat(page.body().select("script")).isEmpty();
        assertThat(get("/download/resources/dev.failforward.jira:admin-setup/admin-setup.js").statusCode()).isEqualTo(200);
    }

    @Test
    void thePreviewsPagesRequireTheHypothesisCheckAndTheCreateFormsTheBlamelessAndSimilarChecks() throws Exception {
        Map<String, List<String>> scripts = Map.of(
                "/", List.of("/download/resources/dev.failforward.jira:hypothesis-check/hypothesis-check.js"),
                "/jira/issues/new?type=experiment", List.of(
                        "/download/resources/dev.failforward.jira:hypothesis-check/hypothesis-check.js",
                        "/download/resources/dev.failforward.jira:blameless-check/blameless-check.js",
                        "/download/resources/dev.failforward.jira:similar-check/similar-check.js"));
        for (Map.Entry<String, List<String>> expected : scripts.entrySet()) {
            String path = expected.getKey();
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            Document page = Jsoup.parse(response.body());
            assertThat(page.head().select("script[src]").eachAttr("src")).as(path)
                    .containsExactlyElementsOf(expected.getValue());
            assertThat(page.head().select("link[rel=stylesheet]").eachAttr("href")).as(path)
                    .contains("/download/resources/dev.failforward.jira:hypothesis-check/hypothesis-check.css");
            assertThat(response.body()).as(path).doesNotContain("requireResource");
        }
    }

    @Test
    void noTemplateWritesAPluginResourceUrlItself() throws Exception {
        Path templates = Path.of(System.getProperty("basedir", "."), "src", "main", "resources", "preview", "templates");
        try (Stream<Path> files = Files.list(templates)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".vm")).toList()) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContainPattern("<(script|link)[^>]*/download/resources/");
            }
        }
    }

    @Test
    void requiredResourcesComeWithTheirDependenciesAndAnUnknownOneFailsThePage() throws Exception {
        RequiredWebResources resources = new RequiredWebResources(PLUGINS);
        resources.require("dev.failforward.jira:hypothesis-field");
        resources.require("com.atlassian.auiplugin:ajs");
        assertThat(resources.tags()).isEqualTo(
                "<link rel=\"stylesheet\" href=\"/download/resources/dev.failforward.jira:hypothesis-check/hypothesis-check.css\">\n"
                        + "<script src=\"/download/resources/dev.failforward.jira:hypothesis-check/hypothesis-check.js\"></script>\n"
                        + "<script src=\"/download/resources/dev.failforward.jira:hypothesis-field/hypothesis-field.js\"></script>\n");
        assertThat(resources.decorate("<html><head><title>x</title></head><body></body></html>"))
                .startsWith("<html><head><title>x</title><link rel=\"stylesheet\"").endsWith("</script>\n</head><body></body></html>");

        RequiredWebResources missing = new RequiredWebResources(PLUGINS);
        missing.require("dev.failforward.jira:no-such-resource");
        assertThatThrownBy(missing::tags).hasMessageContaining("dev.failforward.jira:no-such-resource");
        assertThatThrownBy(() -> missing.require("admin-setup")).isInstanceOf(IllegalArgumentException.class);

        StringWriter page = new StringWriter();
        new PreviewPageTemplates(PLUGINS).render("preview/templates/error.vm", Map.of("status", 500, "titleHtml", "t",
                "messageHtml", "m"), page);
        assertThat(page.toString()).as("a page that requires nothing gets no tags").doesNotContain("/download/resources/");
    }
}
