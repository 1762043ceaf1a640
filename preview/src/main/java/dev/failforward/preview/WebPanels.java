package dev.failforward.preview;

import com.atlassian.plugin.web.Condition;
import com.atlassian.plugin.web.ContextProvider;
import com.atlassian.templaterenderer.TemplateRenderer;
import dev.failforward.buildtools.descriptor.PluginDescriptor;
import dev.failforward.preview.plugin.PluginComponents;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The preview's web-panel host, as Jira's issue view hosts {@code <web-panel>} modules: every panel of the plugins'
 * descriptors that is rendered from a Velocity {@code view} resource, with its {@code <condition>} and
 * {@code <context-provider>} created from the plugin's components (constructor injection, then {@code init} with no
 * parameters) once. {@link #render} asks each panel of a location, by weight, whether it shows, calls its context
 * provider and renders its template with the host's escaping renderer: the HTML the plugin's own code and template
 * make, nothing written again here.
 */
final class WebPanels {

    /** One hosted panel. */
    record Panel(String plugin, PluginDescriptor.WebPanel module, Condition condition, ContextProvider provider) {
    }

    private final List<Panel> panels;
    private final Map<String, String> notHosted;
    private final TemplateRenderer templates;

    private WebPanels(List<Panel> panels, Map<String, String> notHosted, TemplateRenderer templates) {
        this.panels = List.copyOf(panels);
        this.notHosted = Map.copyOf(notHosted);
        this.templates = templates;
    }

    /**
     * The panels of every descriptor whose plugin has components here.
     *
     * @param components the plugins' component containers by plugin key
     */
    static WebPanels of(Map<String, PluginDescriptor> descriptors, Map<String, PluginComponents> components,
                        TemplateRenderer templates) {
        List<Panel> panels = new ArrayList<>();
        Map<String, String> notHosted = new LinkedHashMap<>();
        for (Map.Entry<String, PluginDescriptor> plugin : descriptors.entrySet()) {
            for (PluginDescriptor.WebPanel module : plugin.getValue().modules(PluginDescriptor.WebPanel.class)) {
                String what = plugin.getKey() + ":" + module.key();
                PluginComponents container = components.get(plugin.getKey());
                if (container == null || module.viewTemplate() == null) {
                    notHosted.put(what, container == null ? "no components of " + plugin.getKey()
                            : "no velocity view resource");
                    continue;
                }
                try {
                    Condition condition = module.conditionClass() == null ? null
                            : (Condition) container.get(Class.forName(module.conditionClass()));
                    ContextProvider provider = module.contextProviderClass() == null ? null
                            : (ContextProvider) container.get(Class.forName(module.contextProviderClass()));
                    if (condition != null) {
                        condition.init(Map.of());
                    }
                    if (provider != null) {
                        provider.init(Map.of());
                    }
                    panels.add(new Panel(plugin.getKey(), module, condition, provider));
                } catch (ClassNotFoundException | RuntimeException e) {
                    notHosted.put(what, "cannot create its condition or context provider: " + e);
                }
            }
        }
        panels.sort(Comparator.comparingInt(p -> p.module().weight()));
        return new WebPanels(panels, notHosted, templates);
    }

    /** Whether the panel is hosted; else why not (null when it is). */
    String whyNotHosted(String plugin, String key) {
        String why = notHosted.get(plugin + ":" + key);
        if (why != null) {
            return why;
        }
        return panels.stream().anyMatch(p -> p.plugin().equals(plugin) && p.module().key().equals(key)) ? null
                : "not a web-panel of the descriptors";
    }

    /**
     * The panels of {@code location} that show in {@code context}, by weight, rendered: each a map of its module's
     * {@code completeKey} and its {@code bodyHtml} (made by the escaping renderer, so printed as it is).
     */
    List<Map<String, String>> render(String location, Map<String, Object> context) {
        List<Map<String, String>> rendered = new ArrayList<>();
        for (Panel panel : panels) {
            if (!panel.module().location().equals(location)
                    || panel.condition() != null && !panel.condition().shouldDisplay(Map.copyOf(context))) {
                continue;
            }
            Map<String, Object> model = panel.provider() == null ? new LinkedHashMap<>(context)
                    : panel.provider().getContextMap(new LinkedHashMap<>(context));
            StringWriter html = new StringWriter();
            try {
                templates.render(panel.module().viewTemplate(), model, html);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot render the web panel " + panel.module().key(), e);
            }
            rendered.add(Map.of("completeKey", panel.plugin() + ":" + panel.module().key(), "bodyHtml", html.toString()));
        }
        return rendered;
    }

    /** The issue view's two columns: {@code left} and {@code right}, each a list of rendered panels. */
    Map<String, Object> issueView(Object issue) {
        Map<String, Object> context = Map.of("issue", Objects.requireNonNull(issue, "issue"));
        return Map.of("left", render("atl.jira.view.issue.left.context", context),
                "right", render("atl.jira.view.issue.right.context", context));
    }
}
