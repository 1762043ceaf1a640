package dev.failforward.jira.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
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
 *
 * <p>The same rules run on a small fixture that breaks each of them on purpose ({@code architecture.fixture}), so a
 * rule that could never fail (a wrong package pattern, an import that finds nothing) fails here instead.
 */
class PackageDependencyTest {

    private static final String ROOT = "dev.failforward.jira";
    private static final String FIXTURE = ROOT + ".architecture.fixture";

    private static JavaClasses plugin;
    private static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        plugin = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    /** No package under {@code root} depends on itself through others. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule entitiesInPersistence(String root) {
        return classes().that().resideInAPackage(root + "..").and().areAssignableTo(RawEntity.class)
                .should().resideInAPackage(root + ".persistence..")
                .because("AO entities stay inside the persistence package (ARCHITECTURE.md, section 4)");
    }

    static ArchRule activeObjectsOnlyInPersistence(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("net.java.ao..", "com.atlassian.activeobjects..")
                .orShould().dependOnClassesThat().areAssignableTo(RawEntity.class)
                .because("queries, entities and the ActiveObjects service stay in persistence; other packages call"
                        + " its repositories and stores, which return core values (ARCHITECTURE.md, section 4)");
    }

    @Test
    void readsThePluginClassesAndNoTests() {
        assertThat(plugin.stream().map(JavaClass::getPackageName).distinct())
                .contains(ROOT + ".persistence", ROOT + ".kpi", ROOT + ".pulse", ROOT + ".failuredb", ROOT + ".fields",
                        ROOT + ".setup", ROOT + ".workflow", ROOT + ".rest")
                .noneMatch(name -> name.startsWith(ROOT + ".architecture") || name.startsWith(ROOT + ".testing")
                        || name.startsWith(ROOT + ".packaging"));
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        noCycles(ROOT).check(plugin);
    }

    @Test
    void activeObjectsEntitiesLiveInPersistence() {
        entitiesInPersistence(ROOT).check(plugin);
    }

    @Test
    void onlyPersistenceUsesActiveObjects() {
        activeObjectsOnlyInPersistence(ROOT).check(plugin);
    }

    @Test
    void eachRuleReportsWhatBreaksIt() {
        EvaluationResult cycles = noCycles(FIXTURE).evaluate(fixture);
        assertThat(cycles.hasViolation()).isTrue();
        assertThat(cycles.getFailureReport().toString()).contains("fixture.lower.Lower", "fixture.upper.Upper");

        EvaluationResult entities = entitiesInPersistence(FIXTURE).evaluate(fixture);
        assertThat(entities.getFailureReport().getDetails()).singleElement().asString()
                .contains("fixture.upper.StrayEntity");

        EvaluationResult activeObjects = activeObjectsOnlyInPersistence(FIXTURE).evaluate(fixture);
        assertThat(activeObjects.getFailureReport().toString())
                .contains("fixture.upper.Upper", "net.java.ao.Query", "fixture.upper.StrayEntity")
                .doesNotContain("PlacedEntity");
    }
}
