package dev.failforward.preview.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The class names inside one plugin: the entries of its jar (or of its class path directory, in a build), found from
 * where its {@code atlassian-plugin.xml} is, never from a list kept by hand.
 */
public final class PluginClasses {

    private PluginClasses() {
    }

    /**
     * The binary names of the classes at the plugin's root in {@code packages} and their sub-packages (every class
     * when {@code packages} is empty, as REST v2 scans a {@code <rest>} module without {@code <package>}), sorted.
     *
     * @param base the plugin's root: {@code jar:file:/x.jar!/} or {@code file:/…/classes/}
     */
    public static List<String> in(String base, List<String> packages) {
        List<String> names = new ArrayList<>();
        for (String entry : entries(base)) {
            if (!entry.endsWith(".class") || entry.startsWith("META-INF/") || entry.endsWith("module-info.class")
                    || entry.endsWith("package-info.class")) {
                continue;
            }
            String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
            if (packages.isEmpty() || packages.stream().anyMatch(p -> name.startsWith(p + "."))) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * The classes of {@code packages} (and their sub-packages) as the class loader has them, sorted: what bnd inlines
     * into the bundle from the plugin's dependencies ({@code Private-Package}, e.g. the shared REST code) when the
     * plugin is a build's class directory, which has only the plugin's own classes.
     */
    public static List<String> onClassPath(List<String> packages, ClassLoader loader) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (String pkg : packages) {
            String path = pkg.replace('.', '/');
            try {
                Enumeration<URL> roots = loader.getResources(path);
                while (roots.hasMoreElements()) {
                    URL root = roots.nextElement();
                    String spec = root.toString();
                    String base = spec.substring(0, spec.length() - path.length());
                    for (String name : in(base, List.of(pkg))) {
                        names.add(name);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the classes of " + pkg + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(names);
    }

    private static List<String> entries(String base) {
        try {
            URL url = URI.create(base).toURL();
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                List<String> names = new ArrayList<>();
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> all = jar.entries();
                    while (all.hasMoreElements()) {
                        names.add(all.nextElement().getName());
                    }
                }
                return names;
            }
            if ("file".equals(url.getProtocol())) {
                Path root = Path.of(url.toURI());
                try (Stream<Path> files = Files.walk(root)) {
                    return files.filter(Files::isRegularFile)
                            .map(file -> root.relativize(file).toString().replace('\\', '/')).toList();
                }
            }
            throw new IllegalArgumentException("Cannot list the classes of a plugin at " + base);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the classes of the plugin at " + base + ": " + e.getMessage(), e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("Bad plugin location " + base, e);
        }
    }
}
