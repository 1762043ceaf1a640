package dev.failforward.confluence.packaging;

import dev.failforward.buildtools.verify.PluginJarAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the built plugin jar the way Confluence would see it (runs after package, in mvn verify). */
class PluginJarIT {

    private static Path jar() {
        Path jar = Path.of(System.getProperty("plugin.jar", "target/missing.jar"));
        assertThat(jar).as("the packaged plugin").exists();
        return jar;
    }

    @Test
    void passesEveryPackagingCheck() {
        PluginJarAssertions.assertValid(jar());
    }

    @Test
    void isATransformerlessPluginWithTheExpectedKey() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Atlassian-Plugin-Key")).isEqualTo("dev.failforward.confluence");
            assertThat(manifest.getMainAttributes().getValue("Bundle-SymbolicName")).isEqualTo("dev.failforward.confluence");
            assertThat(manifest.getMainAttributes().getValue("Spring-Context")).isEqualTo("*");
            assertThat(manifest.getMainAttributes().getValue("Bundle-Version")).matches("\\d+\\.\\d+\\.\\d+(\\.[A-Za-z0-9_-]+)?");
        }
    }

    @Test
    void indexesTheComponentsAndHostImports() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            assertThat(read(jar, "META-INF/plugin-components/component")).containsExactly(
                    "dev.failforward.confluence.hypothesis.HypothesisCardRenderer");
            assertThat(read(jar, "META-INF/plugin-components/imports")).containsExactly(
                    "com.atlassian.sal.api.message.I18nResolver",
                    "com.atlassian.templaterenderer.TemplateRenderer");
            assertThat(jar.getEntry("META-INF/spring/plugin-context.xml")).isNotNull();
            String descriptor = new String(jar.getInputStream(jar.getEntry("atlassian-plugin.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(descriptor).contains("key=\"dev.failforward.confluence\"").doesNotContain("${");
        }
    }

    @Test
    void bundlesTheDomainButNoHostApi() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            assertThat(jar.getEntry("dev/failforward/core/hypothesis/HypothesisLinter.class")).isNotNull();
            assertThat(jar.stream().map(e -> e.getName()))
                    .noneMatch(n -> n.startsWith("com/atlassian/") || n.startsWith("net/java/ao/") || n.startsWith("jakarta/"));
        }
        System.out.printf("confluence plugin jar: %s, %,d bytes%n", jar().getFileName(), Files.size(jar()));
    }

    private static java.util.List<String> read(JarFile jar, String entry) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
