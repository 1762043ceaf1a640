package dev.failforward.rest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared REST code is inlined into both bundles, so it may use only what both import from the host anyway: JAX-RS,
 * {@code jakarta.inject}, Jackson and slf4j. No Atlassian type (the plugin's {@link RestPlugin} translates), no
 * plugin or domain package, no Jersey.
 */
class PackageRulesTest {

    private static final JavaClasses SHARED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.failforward.rest");

    @Test
    void usesOnlyWhatBothBundlesImport() {
        assertThat(SHARED.size()).isGreaterThanOrEqualTo(10);
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.ws.rs..", "jakarta.inject..",
                        "com.fasterxml.jackson..", "org.slf4j..", "dev.failforward.rest..")
                .because("both plugins' bundles import these from the host, and nothing else may cross into the shared code")
                .check(SHARED);
    }
}
