package dev.failforward.buildtools.verify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The checks every Fail Forward plugin jar must pass, run by each plugin module as a failsafe integration test after
 * {@code package} (a subclass names what it expects of its own jar). The jar is the one in the {@code plugin.jar}
 * system property, which the module's failsafe configuration sets to the built artifact.
 */
public abstract class PluginJarContract {

    /** The plugin key, which must also be the bundle's symbolic name and the descriptor's key. */
    protected abstract String pluginKey();

    /** The exact lines of {@code META-INF/plugin-components/component}. */
    protected abstract List<String> expectedComponents();

    /** The exact lines of {@code META-INF/plugin-components/imports}. */
    protected abstract List<String> expectedImports();

    /** A domain (core) class that must be bundled, because the plugin runs it. */
    protected abstract String bundledDomainClass();

    /** Other classes of ours that must be inlined (e.g. the shared REST code the descriptor's rest module scans). */
    protected List<String> bundledSharedClasses() {
        return List.of();
    }

    protected static Path jar() {
        String property = System.getProperty("plugin.jar");
        if (property == null) {
            fail("system property plugin.jar is not set: run this test through the module's failsafe configuration");
        }
        Path jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "the packaged plugin " + jar + " exists");
        return jar;
    }

    @Test
    void passesEveryPackagingCheck() {
        PluginJarAssertions.assertValid(jar());
    }

    @Test
    void isATransformerlessPluginWithTheExpectedKey() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals(pluginKey(), manifest.getValue("Atlassian-Plugin-Key"));
            assertEquals(pluginKey(), manifest.getValue("Bundle-SymbolicName"));
            assertEquals("*", manifest.getValue("Spring-Context"));
            assertTrue(manifest.getValue("Bundle-Version").matches("\\d+\\.\\d+\\.\\d+(\\.[A-Za-z0-9_-]+)?"),
                    "OSGi Bundle-Version: " + manifest.getValue("Bundle-Version"));
            String descriptor = read(jar, "atlassian-plugin.xml");
            assertTrue(descriptor.contains("key=\"" + pluginKey() + "\""), "descriptor key is " + pluginKey());
            assertTrue(!descriptor.contains("${"), "descriptor has no unfiltered ${...} placeholder");
        }
    }

    @Test
    void indexesItsComponentsAndHostImports() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            assertEquals(expectedComponents(), read(jar, "META-INF/plugin-components/component").lines().toList());
            assertEquals(expectedImports(), read(jar, "META-INF/plugin-components/imports").lines().toList());
            assertTrue(read(jar, "META-INF/spring/plugin-context.xml").contains("<atlassian-scanner:scan-indexes/>"));
        }
    }

    @Test
    void bundlesTheDomainButNoHostApi() throws IOException {
        Path path = jar();
        try (JarFile jar = new JarFile(path.toFile())) {
            assertNotNull(jar.getEntry(bundledDomainClass().replace('.', '/') + ".class"), bundledDomainClass() + " is bundled");
            for (String shared : bundledSharedClasses()) {
                assertNotNull(jar.getEntry(shared.replace('.', '/') + ".class"), shared + " is bundled");
            }
            List<String> hostClasses = jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith("com/atlassian/") || n.startsWith("net/java/ao/") || n.startsWith("jakarta/"))
                    .toList();
            assertEquals(List.of(), hostClasses, "host API classes inside the jar");
        }
        System.out.printf("%s: %s, %,d bytes%n", pluginKey(), path.getFileName(), Files.size(path));
    }

    private static String read(JarFile jar, String entry) throws IOException {
        JarEntry found = jar.getJarEntry(entry);
        assertNotNull(found, entry + " is in the jar");
        try (InputStream in = jar.getInputStream(found)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
