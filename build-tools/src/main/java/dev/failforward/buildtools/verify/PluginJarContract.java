package dev.failforward.buildtools.verify;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    /**
     * Every package outside {@code com.atlassian.} the jar imports, with its {@code version} attribute ({@code ""} for
     * none): the third-party packages the host must export at that version, each with its evidence in
     * {@code docs/platform-8-imports.md}. A new import or a changed range fails until it is written down there and here.
     */
    protected abstract Map<String, String> expectedThirdPartyImports();

    /**
     * What both bundles import from outside {@code com.atlassian.} through the code they share (the domain and the REST
     * code of rest-support): Jackson's tree model, slf4j, JAX-RS and {@code jakarta.inject}. A plugin adds its own.
     */
    protected static final Map<String, String> SHARED_THIRD_PARTY_IMPORTS = Map.ofEntries(
            Map.entry("com.fasterxml.jackson.core", "[2.15,3)"),
            Map.entry("com.fasterxml.jackson.core.exc", "[2.15,3)"),
            Map.entry("com.fasterxml.jackson.databind", "[2.15,3)"),
            Map.entry("com.fasterxml.jackson.databind.node", "[2.15,3)"),
            Map.entry("jakarta.inject", "[2.0,3)"),
            Map.entry("jakarta.ws.rs", "[3.1,4)"),
            Map.entry("jakarta.ws.rs.container", "[3.1,4)"),
            Map.entry("jakarta.ws.rs.core", "[3.1,4)"),
            Map.entry("jakarta.ws.rs.ext", "[3.1,4)"),
            Map.entry("org.slf4j", "[1.7,3)"));

    /**
     * Other classes of ours that must be inlined: by default the shared REST code (rest-support) that both
     * descriptors' {@code <rest>} modules scan.
     */
    protected List<String> bundledSharedClasses() {
        return List.of("dev.failforward.rest.ProblemExceptionMapper", "dev.failforward.rest.UnexpectedExceptionMapper",
                "dev.failforward.rest.JsonContentTypeFilter", "dev.failforward.rest.JsonRequest");
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
    void importsOnlyTheDocumentedThirdPartyPackagesInTheirRanges() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            Map<String, String> imported = new TreeMap<>();
            for (OsgiHeader.Clause clause : OsgiHeader.parse(jar.getManifest().getMainAttributes().getValue("Import-Package"))) {
                for (String path : clause.paths()) {
                    if (!path.startsWith("com.atlassian.")) {
                        imported.put(path, clause.attributes().getOrDefault("version", ""));
                    }
                }
            }
            assertEquals(new TreeMap<>(expectedThirdPartyImports()), imported,
                    "third-party Import-Package entries (see docs/platform-8-imports.md)");
        }
    }

    /** What slf4j 2.0 added to {@code Logger} (the fluent API); 1.7's {@code org.slf4j} has none of it. */
    private static final Set<String> SLF4J_2_LOGGER_METHODS = Set.of("atLevel", "atTrace", "atDebug", "atInfo", "atWarn",
            "atError", "makeLoggingEventBuilder", "isEnabledForLevel");

    /**
     * The bundles import {@code org.slf4j} from 1.7 (older hosts export 1.7, Platform 8 exports 2.0): so no bundled
     * class may call what only 2.0 has, nor use its {@code org.slf4j.spi} / {@code org.slf4j.event} types.
     */
    @Test
    void usesOnlyTheSlf4jApiThatVersion17Has() throws IOException {
        assertEquals(List.of(), slf4j2Uses(jar()), "slf4j 2.0-only API in a bundle that imports org.slf4j from 1.7");
    }

    /** Each call in the jar's classes to what only slf4j 2.0 has, as "class file: owner.method". */
    static List<String> slf4j2Uses(Path path) throws IOException {
        List<String> uses = new ArrayList<>();
        try (JarFile jar = new JarFile(path.toFile())) {
            for (JarEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                byte[] bytes;
                try (InputStream in = jar.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                     String[] exceptions) {
                        return new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                                if ((owner.equals("org/slf4j/Logger") && SLF4J_2_LOGGER_METHODS.contains(method))
                                        || owner.startsWith("org/slf4j/spi/") || owner.startsWith("org/slf4j/event/")) {
                                    uses.add(entry.getName() + ": " + owner + "." + method);
                                }
                            }
                        };
                    }
                }, ClassReader.SKIP_FRAMES);
            }
        }
        return uses;
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
