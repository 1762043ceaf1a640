package dev.failforward.preview;

import com.atlassian.templaterenderer.TemplateRenderer;
import dev.failforward.host.templates.VelocityTemplateRenderer;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the preview renders its own pages ({@code preview/templates}): Velocity as the plugins' templates are rendered,
 * but without the host's escaping (these pages' servlets escape every value they hand a template, and name it
 * {@code …Html}), and with Jira's {@code $webResourceManager} in the context: a page requires the plugins' web
 * resources ({@code $webResourceManager.requireResource("dev.failforward.jira:hypothesis-check")}) and their tags are
 * written into its head, with their dependencies, as Jira's decorator does. No page writes a plugin's
 * {@code /download/resources/…} URL itself.
 */
final class PreviewPageTemplates implements TemplateRenderer {

    private final VelocityTemplateRenderer velocity = new VelocityTemplateRenderer(VelocityTemplateRenderer.Escaping.NONE);
    private final PluginResources plugins;

    PreviewPageTemplates(PluginResources plugins) {
        this.plugins = plugins;
    }

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer) throws IOException {
        RequiredWebResources resources = new RequiredWebResources(plugins);
        Map<String, Object> full = new LinkedHashMap<>(context);
        full.put("webResourceManager", resources.templateApi());
        StringWriter page = new StringWriter();
        velocity.render(templateName, full, page);
        writer.write(resources.decorate(page.toString()));
        writer.flush();
    }
}
