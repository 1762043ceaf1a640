package dev.failforward.preview;

import dev.failforward.buildtools.descriptor.PluginDescriptor;
import dev.failforward.host.i18n.BundleI18nResolver;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The plugins as the products see them: every {@code atlassian-plugin.xml} on the class path (one per plugin jar),
 * with its i18n bundles, plugin-level download resources and web-resource modules, each resolved inside its own jar,
 * read by the one descriptor reader ({@link PluginDescriptor}, shared with the build's jar verifier).
 * Serves the preview's {@code /download/resources/…} URLs the way the products do.
 */
public final class PluginResources {

    /** A resource of a plugin: its URL inside the plugin jar and whether the jsI18n transformer applies. */
    public record Resource(URL url, boolean jsI18n, BundleI18nResolver i18n) {
    }

    private record Plugin(String key, String base, BundleI18nResolver i18n, Map<String, String> downloads,
                          Map<String, WebResource> webResources, PluginDescriptor descriptor) {
    }

    private record WebResource(Map<String, String> resources, boolean jsI18n) {
    }

    private final Map<String, Plugin> plugins;

    private PluginResources(Map<String, Plugin> plugins) {
        this.plugins = plugins;
    }

    public static PluginResources fromClasspath(ClassLoader loader) {
        Map<String, Plugin> plugins = new LinkedHashMap<>();
        try {
            Enumeration<URL> descriptors = loader.getResources("atlassian-plugin.xml");
            for (URL descriptor : Collections.list(descriptors)) {
                Plugin plugin = read(descriptor);
                plugins.putIfAbsent(plugin.key(), plugin);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the plugin descriptors: " + e.getMessage(), e);
        }
        return new PluginResources(plugins);
    }

    public List<String> pluginKeys() {
        return List.copyOf(plugins.keySet());
    }

    /** The plugin's i18n bundles, as its descriptor declares them. */
    public BundleI18nResolver i18n(String pluginKey) {
        Plugin plugin = plugins.get(pluginKey);
        if (plugin == null) {
            throw new IllegalArgumentException("No plugin " + pluginKey + " on the class path; found " + plugins.keySet());
        }
        return plugin.i18n();
    }

    /**
     * Resolves {@code /download/resources/<pluginKey>:<webResourceKey>/<name>} or
     * {@code /download/resources/<pluginKey>/<name>} (the part after {@code /download/resources/}).
     */
    public Optional<Resource> find(String path) {
        int slash = path.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String owner = path.substring(0, slash);
        String name = path.substring(slash + 1);
        if (name.contains("..") || name.isEmpty()) {
            return Optional.empty();
        }
        int colon = owner.indexOf(':');
        Plugin plugin = plugins.get(colon < 0 ? owner : owner.substring(0, colon));
        if (plugin == null) {
            return Optional.empty();
        }
        if (colon >= 0) {
            WebResource webResource = plugin.webResources().get(owner.substring(colon + 1));
            if (webResource == null || !webResource.resources().containsKey(name)) {
                return Optional.empty();
            }
            return url(plugin, webResource.resources().get(name))
                    .map(url -> new Resource(url, webResource.jsI18n() && name.endsWith(".js"), plugin.i18n()));
        }
        for (Map.Entry<String, String> download : plugin.downloads().entrySet()) {
            String prefix = download.getKey();
            if (prefix.endsWith("/") && name.startsWith(prefix)) {
                return url(plugin, download.getValue() + name.substring(prefix.length()))
                        .map(url -> new Resource(url, false, plugin.i18n()));
            }
            if (prefix.equals(name)) {
                return url(plugin, download.getValue()).map(url -> new Resource(url, false, plugin.i18n()));
            }
        }
        return Optional.empty();
    }

    private static Optional<URL> url(Plugin plugin, String location) {
        try {
            URL url = URI.create(plugin.base() + strip(location)).toURL();
            try (InputStream probe = url.openStream()) {
                return Optional.of(url);
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Plugin read(URL descriptor) {
        PluginDescriptor.Located located = new PluginDescriptor.Located(descriptor, PluginDescriptor.read(descriptor));
        PluginDescriptor read = located.descriptor();
        String base = located.base();
        List<URL> bundles = new ArrayList<>();
        for (String location : read.i18nBundles()) {
            bundles.add(toUrl(base + PluginDescriptor.i18nEntry(location)));
        }
        Map<String, WebResource> webResources = new LinkedHashMap<>();
        for (PluginDescriptor.WebResource webResource : read.modules(PluginDescriptor.WebResource.class)) {
            webResources.put(webResource.key(), new WebResource(webResource.resources(), webResource.jsI18n()));
        }
        return new Plugin(read.key(), base, BundleI18nResolver.fromUrls(Locale.ENGLISH, bundles), read.downloads(),
                webResources, read);
    }

    /** Every plugin's descriptor as the one reader types it, by plugin key (class path order). */
    public Map<String, PluginDescriptor> descriptors() {
        Map<String, PluginDescriptor> all = new LinkedHashMap<>();
        plugins.forEach((key, plugin) -> all.put(key, plugin.descriptor()));
        return all;
    }

    /** Where a plugin's classes and resources are: {@code jar:file:…!/} or a class path directory's {@code file:} URL. */
    public String base(String pluginKey) {
        Plugin plugin = plugins.get(pluginKey);
        if (plugin == null) {
            throw new IllegalArgumentException("No plugin " + pluginKey + " on the class path; found " + plugins.keySet());
        }
        return plugin.base();
    }

    private static String strip(String location) {
        return location.startsWith("/") ? location.substring(1) : location;
    }

    private static URL toUrl(String spec) {
        try {
            return URI.create(spec).toURL();
        } catch (IOException e) {
            throw new IllegalStateException("Bad resource URL " + spec, e);
        }
    }
}
