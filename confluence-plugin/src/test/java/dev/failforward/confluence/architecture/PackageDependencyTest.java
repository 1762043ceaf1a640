package dev.failforward.confluence.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No cycle among the packages under {@code dev.failforward.confluence}, checked on the plugin's compiled classes (the
 * same rule as the Jira plugin's {@code PackageDependencyTest}; a Javadoc link is no dependency).
 */
class PackageDependencyTest {

    private static final String ROOT = "dev.failforward.confluence";

    private static JavaClasses plugin;

    @BeforeAll
    static void importPlugin() {
        plugin = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    void readsThePluginClasses() {
        assertThat(plugin.stream().map(JavaClass::getPackageName).distinct())
                .contains(ROOT + ".macro", ROOT + ".rest", ROOT + ".retro", ROOT + ".jira");
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(plugin);
    }
}
