package dev.failforward.jira.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.java.ao.RawEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package rules of ARCHITECTURE.md, checked on the plugin's compiled classes (not the tests'): no cycle among the
 * packages under {@code dev.failforward.jira}, and Active Objects — entities, {@code net.java.ao.Query}, the
 * {@code ActiveObjects} service — only in {@code persistence}, whose repositories and stores hand out core values.
 * A Javadoc link is no dependency (it is not in the class file); every other use is, so what breaks a rule here is in
 * the jar. Why: a cycle means no package can be understood, tested or moved without the others, and AO outside
 * {@code persistence} spreads table names, SQL portability notes and proxies through the service layer.
 */
class PackageDependencyTest {

    private static final String ROOT = "dev.failforward.jira";
    private static final String PERSISTENCE = ROOT + ".persistence..";

    private static JavaClasses plugin;

    @BeforeAll
    static void importPlugin() {
        plugin = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    void readsThePluginClassesAndNoTests() {
        // without this, a wrong root or class path would let every rule below pass on nothing
        assertThat(plugin.stream().map(JavaClass::getPackageName).distinct())
                .contains(ROOT + ".persistence", ROOT + ".kpi", ROOT + ".pulse", ROOT + ".failuredb", ROOT + ".fields",
                        ROOT + ".setup", ROOT + ".workflow", ROOT + ".rest")
                .doesNotContain(ROOT + ".architecture", ROOT + ".testing", ROOT + ".packaging");
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(plugin);
    }

    @Test
    void activeObjectsEntitiesLiveInPersistence() {
        classes().that().areAssignableTo(RawEntity.class)
                .should().resideInAPackage(PERSISTENCE)
                .because("AO entities stay inside the persistence package (ARCHITECTURE.md, section 4)")
                .check(plugin);
    }

    @Test
    void onlyPersistenceUsesActiveObjects() {
        noClasses().that().resideOutsideOfPackage(PERSISTENCE)
                .should().dependOnClassesThat().resideInAnyPackage("net.java.ao..", "com.atlassian.activeobjects..")
                .orShould().dependOnClassesThat().areAssignableTo(RawEntity.class)
                .because("queries, entities and the ActiveObjects service stay in persistence; other packages call"
                        + " its repositories and stores, which return core values (ARCHITECTURE.md, section 4)")
                .check(plugin);
    }
}
