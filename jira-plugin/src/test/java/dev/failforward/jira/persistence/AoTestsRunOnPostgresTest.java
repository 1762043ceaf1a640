package dev.failforward.jira.persistence;

import org.junit.jupiter.api.Test;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test class of this module that reaches the database (the ORM test runner, {@code FailureDbApi},
 * {@code TestDatabases} or {@code AoDatabase}) is among the includes of the pom's {@code postgres} surefire execution,
 * so a new one cannot silently run on HSQLDB only.
 */
class AoTestsRunOnPostgresTest {

    private static final List<String> DATABASE_MARKERS = List.of("ActiveObjectsJUnitRunner", "FailureDbApi",
            "TestDatabases", "AoDatabase");

    @Test
    void everyDatabaseTestIsInThePostgresExecution() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        String pom = Files.readString(module.resolve("pom.xml"));
        Matcher execution = Pattern.compile("<id>postgres</id>(.*?)</execution>", Pattern.DOTALL).matcher(pom);
        assertThat(execution.find()).as("jira-plugin/pom.xml has a surefire execution 'postgres'").isTrue();
        List<PathMatcher> includes = new ArrayList<>();
        Matcher include = Pattern.compile("<include>([^<]+)</include>").matcher(execution.group(1));
        while (include.find()) {
            includes.add(FileSystems.getDefault().getPathMatcher("glob:" + include.group(1)));
        }
        assertThat(includes).isNotEmpty();

        Path sources = module.resolve("src/test/java");
        List<String> databaseTests = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Test.java")).toList()) {
                String source = Files.readString(file);
                if (file.getFileName().toString().equals(getClass().getSimpleName() + ".java")
                        || DATABASE_MARKERS.stream().noneMatch(source::contains)) {
                    continue;
                }
                Path relative = sources.relativize(file);
                databaseTests.add(relative.toString());
                if (includes.stream().noneMatch(m -> m.matches(relative))) {
                    missing.add(relative.toString());
                }
            }
        }
        assertThat(databaseTests).as("the scan finds the known database tests")
                .contains("dev/failforward/jira/persistence/AoFailureRecordRepositoryTest.java",
                        "dev/failforward/jira/rest/LearningsResourceTest.java");
        assertThat(missing).as("add these to the postgres execution's <includes> in jira-plugin/pom.xml").isEmpty();
    }
}
