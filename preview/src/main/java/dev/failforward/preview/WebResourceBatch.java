package dev.failforward.preview;

import dev.failforward.buildtools.descriptor.PluginDescriptor;
import dev.failforward.core.text.Html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the products' web-resource manager does for a page: {@code requireResource} of a module or
 * {@code requireContext} of a context ({@code atl.general}), dependencies first, depth first, each web resource once,
 * from the plugin's descriptor. Dependencies on other plugins (AUI, jQuery, WRM) are what the host page provides, so
 * they are listed ({@link #external()}), not served.
 */
final class WebResourceBatch {

    private final String pluginKey;
    private final Map<String, PluginDescriptor.WebResource> webResources = new LinkedHashMap<>();
    private final Set<String> ordered = new LinkedHashSet<>();
    private final Set<String> visiting = new LinkedHashSet<>();
    private final Set<String> missing = new LinkedHashSet<>();
    private final Set<String> external = new LinkedHashSet<>();

    WebResourceBatch(PluginResources plugins, String pluginKey) {
        this.pluginKey = pluginKey;
        PluginDescriptor descriptor = plugins.descriptors().get(pluginKey);
        if (descriptor != null) {
            for (PluginDescriptor.WebResource module : descriptor.modules(PluginDescriptor.WebResource.class)) {
                webResources.put(module.key(), module);
            }
        }
    }

    /** {@code requireResource("pluginKey:key")} for a module of this plugin. */
    WebResourceBatch require(String key) {
        requireComplete(pluginKey + ":" + key);
        return this;
    }

    /** {@code requireContext(context)}: every web resource of the plugin in that context, in descriptor order. */
    WebResourceBatch requireContext(String context) {
        for (PluginDescriptor.WebResource module : webResources.values()) {
            if (module.contexts().contains(context)) {
                require(module.key());
            }
        }
        return this;
    }

    /** Complete keys that were required but are not in the descriptor. */
    Set<String> missing() {
        return missing;
    }

    /** Complete keys of other plugins' web resources: the host page provides them. */
    Set<String> external() {
        return external;
    }

    private void requireComplete(String completeKey) {
        if (ordered.contains(completeKey) || !visiting.add(completeKey)) {
            return;
        }
        int colon = completeKey.indexOf(':');
        PluginDescriptor.WebResource resource = webResources.get(completeKey.substring(colon + 1));
        if (!completeKey.substring(0, colon).equals(pluginKey)) {
            external.add(completeKey);
        } else if (resource == null) {
            missing.add(completeKey);
        } else {
            resource.dependencies().forEach(this::requireComplete);
            ordered.add(completeKey);
        }
        visiting.remove(completeKey);
    }

    /** The escaped URLs of the batch's files with this extension ({@code .js}, {@code .css}), in order. */
    List<String> urls(String extension) {
        List<String> urls = new ArrayList<>();
        for (String completeKey : ordered) {
            for (String name : webResources.get(completeKey.substring(completeKey.indexOf(':') + 1)).resources().keySet()) {
                if (name.endsWith(extension)) {
                    urls.add(Html.escape("/download/resources/" + completeKey + "/" + name));
                }
            }
        }
        return urls;
    }
}
