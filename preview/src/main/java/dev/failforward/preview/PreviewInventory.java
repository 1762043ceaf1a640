package dev.failforward.preview;

import dev.failforward.buildtools.descriptor.PluginDescriptor;
import dev.failforward.preview.plugin.PluginComponents;
import dev.failforward.preview.plugin.RestModules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the running preview does with each plugin's descriptor modules and Spring Scanner components: for each, its
 * counterpart in the preview, or why there is none. Printed at start-up and shown on the start page for the ones the
 * preview cannot host, so nothing a plugin declares is dropped without a word; {@code PreviewInventoryTest} fails when a
 * module or component has no counterpart and is not one of the few the preview is known not to host.
 */
final class PreviewInventory {

    /** One module or component: plugin key, what it is ("rest rest", "component dev…X"), counterpart or null, why not. */
    record Item(String plugin, String what, String counterpart, String reason) {
        boolean hosted() {
            return counterpart != null;
        }

        @Override
        public String toString() {
            return plugin + " " + what + (hosted() ? " → " + counterpart : " — not hosted: " + reason);
        }
    }

    private final List<Item> items;
    private final List<String> absentServices;

    private PreviewInventory(List<Item> items, List<String> absentServices) {
        this.items = List.copyOf(items);
        this.absentServices = List.copyOf(absentServices);
    }

    List<Item> items() {
        return items;
    }

    List<Item> notHosted() {
        return items.stream().filter(item -> !item.hosted()).toList();
    }

    /** The host services (interfaces the plugins import) the preview does not stand in for: calls to them fail. */
    List<String> absentServices() {
        return absentServices;
    }

    /** The report for the console: what is not hosted and which host services are absent. */
    String report() {
        StringBuilder report = new StringBuilder();
        for (Item item : notHosted()) {
            report.append("Not hosted by the preview: ").append(item).append('\n');
        }
        if (!absentServices.isEmpty()) {
            report.append("Host services the preview does not have (calls to them fail): ")
                    .append(String.join(", ", absentServices)).append('\n');
        }
        return report.toString();
    }

    static PreviewInventory of(PreviewServices services) {
        List<Item> items = new ArrayList<>();
        Map<String, List<RestModules.Application>> rest = new LinkedHashMap<>();
        rest.put(PreviewServices.JIRA_PLUGIN_KEY, services.jiraRestApplications());
        rest.put(PreviewServices.CONFLUENCE_PLUGIN_KEY, services.confluenceRestApplications());
        Map<String, PluginComponents> components = Map.of(
                PreviewServices.JIRA_PLUGIN_KEY, services.jiraComponents,
                PreviewServices.CONFLUENCE_PLUGIN_KEY, services.confluenceComponents);
        for (Map.Entry<String, PluginDescriptor> plugin : services.plugins.descriptors().entrySet()) {
            String key = plugin.getKey();
            for (PluginDescriptor.Module module : plugin.getValue().modules()) {
                items.add(module(services, key, module, rest.getOrDefault(key, List.of())));
            }
            PluginComponents container = components.get(key);
            if (container != null) {
                for (String component : index(services, key, "component")) {
                    items.add(component(key, component, container));
                }
            }
        }
        List<String> absent = new ArrayList<>();
        components.values().forEach(c -> c.absentServices().stream().filter(s -> !absent.contains(s)).forEach(absent::add));
        absent.sort(null);
        return new PreviewInventory(items, absent);
    }

    private static Item module(PreviewServices services, String plugin, PluginDescriptor.Module module,
                               List<RestModules.Application> rest) {
        String what = module.kind() + " " + module.key();
        if (module instanceof PluginDescriptor.Rest r) {
            return rest.stream().filter(a -> a.basePath().equals(r.basePath()) && !a.resources().isEmpty()).findFirst()
                    .map(a -> new Item(plugin, what, a.resources().size() + " resources and " + a.providers().size()
                            + " providers at /rest" + r.basePath(), null))
                    .orElse(new Item(plugin, what, null, "no @Path class in its packages"));
        }
        if (module instanceof PluginDescriptor.Ao ao) {
            return new Item(plugin, what, ao.entities().size() + " entities' tables and " + ao.upgradeTasks().size()
                    + " upgrade tasks, run on enable", null);
        }
        if (module instanceof PluginDescriptor.WorkflowModule w) {
            String why = services.jira.notHostedModules().get(what);
            return why == null ? new Item(plugin, what, "runs in the preview's workflows (" + w.moduleClass() + ")", null)
                    : new Item(plugin, what, null, why);
        }
        if (module instanceof PluginDescriptor.WebResource) {
            return new Item(plugin, what, "served at /download/resources/" + plugin + ":" + module.key() + "/", null);
        }
        if (module instanceof PluginDescriptor.XhtmlMacro macro) {
            for (Object hosted : List.of(services.hypothesisMacro, services.retroMacro, services.learningsMacro,
                    services.showcaseMacro)) {
                if (hosted.getClass().getName().equals(macro.className())) {
                    return new Item(plugin, what, "rendered on the preview's Confluence pages", null);
                }
            }
            return new Item(plugin, what, null, "no preview page renders " + macro.className());
        }
        if (module instanceof PluginDescriptor.DashboardItem item) {
            return item.amdModule() == null ? new Item(plugin, what, null, "no <amd-module>")
                    : new Item(plugin, what, "on /jira/dashboard, AMD module " + item.amdModule(), null);
        }
        if (module instanceof PluginDescriptor.WebPanel panel) {
            String why = services.webPanels.whyNotHosted(plugin, module.key());
            return why == null ? new Item(plugin, what, "rendered into the issue view at " + panel.location(), null)
                    : new Item(plugin, what, null, why);
        }
        if (module instanceof PluginDescriptor.WebItem item) {
            String why = services.webItems.whyNotHosted(plugin, module.key());
            return why == null ? new Item(plugin, what, "shown in the issue view's operations (" + item.section() + ")",
                    null) : new Item(plugin, what, null, why);
        }
        if (module instanceof PluginDescriptor.Servlet servlet) {
            return services.hostsServlet(servlet)
                    ? new Item(plugin, what, "at /plugins/servlet" + servlet.urlPatterns().get(0), null)
                    : new Item(plugin, what, null, "the preview mounts no servlet " + servlet.className());
        }
        switch (module.kind()) {
            case "rest-migration":
                return new Item(plugin, what, "REST v2: Jersey 3 with jakarta.ws.rs", null);
            case "velocity-allowlist":
                return new Item(plugin, what, "Velocity 1.7 renders without an allowlist", null);
            case "customfield-type":
                return new Item(plugin, what, "counted from the failure database on /jira/issues/KEY", null);
            case "customfield-searcher":
                return new Item(plugin, what, "its JQL answered by /issues/?jql= from the failure database", null);
            default:
                return new Item(plugin, what, null, "the preview has no <" + module.kind() + "> host");
        }
    }

    /**
     * A Spring Scanner component's counterpart: an instance of it (or of one of the plugin's ports it implements,
     * e.g. the preview's {@code RecordPermissions}) among the preview's components, else one created from its
     * constructor.
     */
    private static Item component(String plugin, String line, PluginComponents container) {
        String className = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
        String what = "component " + className;
        Class<?> type;
        try {
            type = Class.forName(className, false, PreviewInventory.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return new Item(plugin, what, null, "its class cannot be loaded: " + e);
        }
        if (container.has(type)) {
            return new Item(plugin, what, "the preview's instance", null);
        }
        for (Class<?> port : type.getInterfaces()) {
            if (port.getName().startsWith("dev.failforward.") && container.has(port)) {
                return new Item(plugin, what, "stood in for by the preview's " + port.getSimpleName(), null);
            }
        }
        try {
            container.get(type);
            return new Item(plugin, what, "created from its constructor", null);
        } catch (RuntimeException e) {
            return new Item(plugin, what, null, e.getMessage());
        }
    }

    /** The lines of the plugin's generated Spring Scanner index file ({@code META-INF/plugin-components/NAME}). */
    static List<String> index(PreviewServices services, String plugin, String name) {
        return index(services.plugins.base(plugin), plugin, name);
    }

    /** The lines of an index file of the plugin at {@code base} ({@code jar:file:…!/} or a class directory). */
    static List<String> index(String base, String plugin, String name) {
        List<String> lines = new ArrayList<>();
        try {
            URI uri = URI.create(base + "META-INF/plugin-components/" + name);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(uri.toURL().openStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        lines.add(line.strip());
                    }
                }
            }
        } catch (java.io.FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Spring Scanner index of " + plugin + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
