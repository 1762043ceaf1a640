package dev.failforward.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * core is plain Java: every package imports only the JDK and core itself, so the domain runs in Jira, Confluence and
 * the preview alike, and never pulls a host API into a unit test. Not even {@code javax.xml}: the plugin bundles
 * carry core, and Platform 8 is not known to let a plugin import it (the Confluence importer has its own tokenizer).
 */
class CorePackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/failforward/core");

    @Test
    void importsOnlyTheJdkAndCore() throws IOException {
        List<String> imports;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            imports = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(CorePackageDependenciesTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .toList();
        }

        assertThat(imports).isNotEmpty().allMatch(line -> line.startsWith("import java.")
                || line.startsWith("import static java.")
                || line.startsWith("import dev.failforward.core.")
                || line.startsWith("import static dev.failforward.core."), "imports java.* or core only");
    }

    @Test
    void everyPackageIsCovered() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            assertThat(dirs.map(d -> d.getFileName().toString())).contains("lifecycle", "criteria", "experiment",
                    "incident", "hypothesis", "text", "kpi", "award");
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
