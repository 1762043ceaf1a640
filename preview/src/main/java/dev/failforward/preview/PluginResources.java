package dev.failforward.preview;

import dev.failforward.host.i18n.BundleI18nResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
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
 * with its i18n bundles, plugin-level download resources and web-resource modules, each resolved inside its own jar.
 * Serves the preview's {@code /download/resources/…} URLs the way the products do.
 */
public final class PluginResources {

    /** A resource of a plugin: its URL inside the plugin jar and whether the jsI18n transformer applies. */
    public record Resource(URL url, boolean jsI18n, BundleI18nResolver i18n) {
    }

    private record Plugin(String key, String base, BundleI18nResolver i18n, Map<String, String> downloads,
                          Map<String, WebResource> webResources) {
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
        String external = descriptor.toExternalForm();
        String base = external.substring(0, external.length() - "atlassian-plugin.xml".length());
        Element root = parse(descriptor).getDocumentElement();
        String key = root.getAttribute("key");

        List<URL> bundles = new ArrayList<>();
        Map<String, String> downloads = new LinkedHashMap<>();
        Map<String, WebResource> webResources = new LinkedHashMap<>();
        for (Element child : children(root)) {
            switch (child.getTagName()) {
                case "resource" -> {
                    if ("i18n".equals(child.getAttribute("type"))) {
                        bundles.add(toUrl(base + child.getAttribute("location").replace('.', '/') + ".properties"));
                    } else if ("download".equals(child.getAttribute("type"))) {
                        downloads.put(child.getAttribute("name"), child.getAttribute("location"));
                    }
                }
                case "web-resource" -> {
                    Map<String, String> files = new LinkedHashMap<>();
                    boolean jsI18n = false;
                    for (Element item : children(child)) {
                        if (item.getTagName().equals("resource") && "download".equals(item.getAttribute("type"))) {
                            files.put(item.getAttribute("name"), item.getAttribute("location"));
                        }
                        if (item.getTagName().equals("transformation")) {
                            for (Element transformer : children(item)) {
                                jsI18n |= "jsI18n".equals(transformer.getAttribute("key"));
                            }
                        }
                    }
                    webResources.put(child.getAttribute("key"), new WebResource(files, jsI18n));
                }
                default -> {
                    // other modules have no URL of their own in the preview
                }
            }
        }
        return new Plugin(key, base, BundleI18nResolver.fromUrls(Locale.ENGLISH, bundles), downloads, webResources);
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

    private static Document parse(URL descriptor) {
        try (InputStream in = descriptor.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the plugin descriptor " + descriptor + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
