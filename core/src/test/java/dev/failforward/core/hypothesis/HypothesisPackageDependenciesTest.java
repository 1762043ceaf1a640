package dev.failforward.core.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** core is plain Java: the hypothesis package may import the JDK only, so it runs in any host and in the preview. */
class HypothesisPackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/failforward/core/hypothesis");

    @Test
    void importsOnlyTheJdk() throws IOException {
        List<String> imports;
        try (Stream<Path> files = Files.list(SOURCES)) {
            imports = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(HypothesisPackageDependenciesTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .toList();
        }

        assertThat(imports).isNotEmpty().allMatch(line -> line.startsWith("import java."), "imports java.* only");
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
