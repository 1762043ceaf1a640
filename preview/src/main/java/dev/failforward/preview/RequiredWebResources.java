package dev.failforward.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The web resources one page requires, as the products' web-resource manager collects them while the page renders
 * ({@code PageBuilderService.assembler().resources().requireWebResource(key)} in Java,
 * {@code $webResourceManager.requireResource(key)} in a template), and the tags the page's decorator writes into its
 * head: each plugin's resources with their dependencies first ({@link WebResourceBatch}), styles before scripts. A
 * key the descriptor does not have fails the page, as it would show nothing in the product; resources of other plugins
 * (AUI, the create-content plugin) are what the host page provides.
 */
final class RequiredWebResources {

    private final PluginResources plugins;
    private final Set<String> required = new LinkedHashSet<>();

    RequiredWebResources(PluginResources plugins) {
        this.plugins = plugins;
    }

    /** {@code requireWebResource} / {@code requireResource}: a complete key, {@code plugin.key:module-key}. */
    void require(String completeKey) {
        if (completeKey == null || completeKey.indexOf(':') <= 0) {
            throw new IllegalArgumentException("not a complete web-resource key: " + completeKey);
        }
        required.add(completeKey);
    }

    Set<String> required() {
        return Set.copyOf(required);
    }

    /** The {@code <link>} and {@code <script>} tags of the required resources, in order; empty when none. */
    String tags() {
        Map<String, WebResourceBatch> batches = new LinkedHashMap<>();
        for (String completeKey : required) {
            String plugin = completeKey.substring(0, completeKey.indexOf(':'));
            if (!plugins.descriptors().containsKey(plugin)) {
                continue; // another plugin's: the host page has it
            }
            batches.computeIfAbsent(plugin, key -> new WebResourceBatch(plugins, key))
                    .require(completeKey.substring(completeKey.indexOf(':') + 1));
        }
        List<String> styles = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
        for (WebResourceBatch batch : batches.values()) {
            if (!batch.missing().isEmpty()) {
                throw new IllegalStateException("The page requires web resources its plugin does not declare: "
                        + batch.missing());
            }
            styles.addAll(batch.urls(".css"));
            scripts.addAll(batch.urls(".js"));
        }
        StringBuilder tags = new StringBuilder();
        styles.forEach(url -> tags.append("<link rel=\"stylesheet\" href=\"").append(url).append("\">\n"));
        scripts.forEach(url -> tags.append("<script src=\"").append(url).append("\"></script>\n"));
        return tags.toString();
    }

    /** The page with the tags written just before its {@code </head>} (before everything when it has none). */
    String decorate(String page) {
        String tags = tags();
        if (tags.isEmpty()) {
            return page;
        }
        int head = page.indexOf("</head>");
        return head < 0 ? tags + page : page.substring(0, head) + tags + page.substring(head);
    }

    /**
     * What a preview page's template calls, as Jira's templates call {@code $webResourceManager}
     * ({@code WebResourceManager.requireResource(String)}).
     */
    public final class TemplateApi {
        public void requireResource(String completeKey) {
            require(completeKey);
        }
    }

    TemplateApi templateApi() {
        return new TemplateApi();
    }
}
