package dev.failforward.standins;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of ARCHITECTURE.md §2 for every stand-in: its Javadoc says it is a stand-in for the real type of the same
 * name and names the real Maven artifact (groupId:artifactId) it mirrors; and nothing here is in our own namespace.
 */
class StandInRulesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern ARTIFACT = Pattern.compile("\\b[a-z][a-z0-9.]*\\.[a-z0-9]+:[a-z][a-z0-9-]+\\b");

    private static List<Path> standIns() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void everyStandInNamesTheRealTypeAndArtifact() throws IOException {
        List<Path> standIns = standIns();
        assertThat(standIns).hasSizeGreaterThan(50);
        for (Path file : standIns) {
            String fqcn = SOURCES.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
            String text = Files.readString(file).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
            assertThat(text).as(fqcn).containsPattern("Stand-in for \\{@code " + Pattern.quote(fqcn) + "[}<]");
            assertThat(ARTIFACT.matcher(text).find()).as(fqcn + " names its artifact (groupId:artifactId)").isTrue();
        }
    }

    @Test
    void standInsLiveInTheHostsPackagesOnly() throws IOException {
        for (Path file : standIns()) {
            String path = SOURCES.relativize(file).toString();
            assertThat(path.startsWith("com/atlassian/") || path.startsWith("org/ofbiz/")).as(path + " mirrors a host type").isTrue();
            assertThat(path).doesNotStartWith("dev/");
        }
    }
}
