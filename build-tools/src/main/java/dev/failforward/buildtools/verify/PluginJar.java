package dev.failforward.buildtools.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/** A plugin jar read into memory: its entries, its manifest and its nested jars. */
final class PluginJar {

    static final String MANIFEST = "META-INF/MANIFEST.MF";

    /** File entries of the jar (directories excluded), in jar order. */
    final Map<String, byte[]> entries;
    /** Nested jars (entries ending in ".jar"), each as its own file entries. */
    final Map<String, Map<String, byte[]>> nestedJars;
    /** Null if the jar has no manifest. */
    final Manifest manifest;
    /** Why the manifest could not be read, or null. */
    final String manifestError;

    private final Set<String> classpathEntries = new LinkedHashSet<>();

    private PluginJar(Map<String, byte[]> entries, Map<String, Map<String, byte[]>> nestedJars, Manifest manifest, String manifestError) {
        this.entries = entries;
        this.nestedJars = nestedJars;
        this.manifest = manifest;
        this.manifestError = manifestError;
        indexClasspath();
    }

    static PluginJar read(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        entries.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        Map<String, Map<String, byte[]>> nested = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (entry.getKey().endsWith(".jar")) {
                nested.put(entry.getKey(), readNested(entry.getValue()));
            }
        }
        Manifest manifest = null;
        String manifestError = null;
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes != null) {
            try {
                manifest = new Manifest(new ByteArrayInputStream(manifestBytes));
            } catch (IOException | RuntimeException e) {
                manifestError = e.getMessage();
            }
        }
        return new PluginJar(Collections.unmodifiableMap(entries), Collections.unmodifiableMap(nested), manifest, manifestError);
    }

    /** The entries of a jar held in memory; a corrupt nested jar reads as the entries found before the damage. */
    static Map<String, byte[]> readNested(byte[] jar) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            // keep what was read
        }
        return entries;
    }

    /** A main attribute of the manifest, or null. */
    String header(String name) {
        return manifest == null ? null : manifest.getMainAttributes().getValue(name);
    }

    /**
     * The Bundle-ClassPath entries ("." when the header is absent). A malformed header counts as ".".
     */
    List<String> bundleClassPath() {
        String header = header("Bundle-ClassPath");
        List<String> paths = new ArrayList<>();
        try {
            for (String path : OsgiHeader.paths(header)) {
                paths.add(path.startsWith("/") ? path.substring(1) : path);
            }
        } catch (IllegalArgumentException e) {
            paths.clear();
        }
        return paths.isEmpty() ? List.of(".") : paths;
    }

    private void indexClasspath() {
        for (String path : bundleClassPath()) {
            if (path.equals(".")) {
                classpathEntries.addAll(entries.keySet());
            } else if (nestedJars.containsKey(path)) {
                classpathEntries.addAll(nestedJars.get(path).keySet());
            } else {
                String dir = path.endsWith("/") ? path : path + "/";
                for (String name : entries.keySet()) {
                    if (name.startsWith(dir)) {
                        classpathEntries.add(name.substring(dir.length()));
                    }
                }
            }
        }
    }

    /** The bytes of a resource as the bundle class loader finds it (the jar first, then Bundle-ClassPath order), or null. */
    byte[] resource(String name) {
        for (String path : bundleClassPath()) {
            byte[] bytes;
            if (path.equals(".")) {
                bytes = entries.get(name);
            } else if (nestedJars.containsKey(path)) {
                bytes = nestedJars.get(path).get(name);
            } else {
                bytes = entries.get((path.endsWith("/") ? path : path + "/") + name);
            }
            if (bytes != null) {
                return bytes;
            }
        }
        return null;
    }

    /** Whether the bundle class loader sees a resource of this name (the jar and its Bundle-ClassPath). */
    boolean hasResource(String name) {
        return classpathEntries.contains(name);
    }

    /** Whether the bundle class loader sees at least one resource under this directory prefix (ending with "/"). */
    boolean hasResourcesUnder(String prefix) {
        for (String name : classpathEntries) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the bundle class loader sees this class (binary name, {@code Outer$Inner} for nested classes). */
    boolean hasClass(String binaryName) {
        return hasResource(binaryName.replace('.', '/') + ".class");
    }
}
