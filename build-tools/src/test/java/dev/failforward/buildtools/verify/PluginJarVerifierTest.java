package dev.failforward.buildtools.verify;

import static dev.failforward.buildtools.verify.PluginJarVerifier.BUNDLED_CLASSES;
import static dev.failforward.buildtools.verify.PluginJarVerifier.DESCRIPTOR;
import static dev.failforward.buildtools.verify.PluginJarVerifier.I18N;
import static dev.failforward.buildtools.verify.PluginJarVerifier.IMPORT_PACKAGE;
import static dev.failforward.buildtools.verify.PluginJarVerifier.MANIFEST;
import static dev.failforward.buildtools.verify.PluginJarVerifier.SCANNER_INDEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.failforward.buildtools.scanner.ScannerIndexProcessor;
import dev.failforward.buildtools.testing.InMemoryCompiler;
import dev.failforward.buildtools.testing.Stubs;
import dev.failforward.buildtools.testing.TestJar;

class PluginJarVerifierTest {

    private static final String INDEX = "META-INF/plugin-components/";

    @TempDir
    Path dir;

    private int jars;

    private List<Problem> problems(TestJar jar) {
        return PluginJarVerifier.verify(jar.write(dir.resolve("plugin-" + (jars++) + ".jar")), PluginJarRules.platform8());
    }

    private static TestJar valid() {
        return ValidPlugin.jar();
    }

    @Test
    void theValidJarPassesEveryCheck() {
        assertThat(problems(valid())).isEmpty();
    }

    @Test
    void theValidJarCarriesTheIndexTheProcessorWrote() {
        TestJar jar = valid();
        assertThat(jar.text(INDEX + "component")).isEqualTo("""
                dev.failforward.test.lifecycle.Launcher
                dev.failforward.test.service.FailureService#failureService
                """);
        assertThat(jar.text(INDEX + "component-jira")).isEqualTo("dev.failforward.test.jira.JiraOnly\n");
        assertThat(jar.text(INDEX + "imports")).isEqualTo("""
                com.atlassian.event.api.EventPublisher
                com.atlassian.sal.api.pluginsettings.PluginSettingsFactory
                com.atlassian.sal.api.user.UserManager#salUserManager
                """);
        assertThat(jar.text(INDEX + "imports-jira")).isEqualTo("com.atlassian.jira.security.JiraAuthenticationContext\n");
        assertThat(jar.text(INDEX + "exports")).isEqualTo("dev.failforward.test.lifecycle.Launcher#com.atlassian.sal.api.lifecycle.LifecycleAware\n");
    }

    @Test
    void anUnreadableFileIsOneProblem() throws Exception {
        Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        assertThat(PluginJarVerifier.verify(notAJar, PluginJarRules.platform8()))
                .singleElement().extracting(Problem::check).isEqualTo(PluginJarVerifier.JAR);
    }

    // ----------------------------------------------------------------------------------------------------------------

    @Nested
    class Manifest {

        @Test
        void descriptorKeyMustEqualThePluginKey() {
            TestJar jar = valid().replace("atlassian-plugin.xml", "key=\"dev.failforward.test-plugin\"", "key=\"dev.failforward.other\"");
            assertThat(problems(jar)).containsExactly(new Problem(MANIFEST, "Atlassian-Plugin-Key 'dev.failforward.test-plugin' differs from the key"
                    + " 'dev.failforward.other' of <atlassian-plugin> in atlassian-plugin.xml (the host refuses to install it)"));
        }

        @Test
        void symbolicNameMustEqualThePluginKeyIgnoringDirectives() {
            TestJar jar = valid().header("Bundle-SymbolicName", "dev.failforward.other;singleton:=true");
            assertThat(problems(jar)).containsExactly(new Problem(MANIFEST,
                    "Bundle-SymbolicName 'dev.failforward.other' differs from Atlassian-Plugin-Key 'dev.failforward.test-plugin'"));
        }

        @Test
        void exportPackageMustBeEmpty() {
            TestJar jar = valid().header("Export-Package", "dev.failforward.test.api;version=\"1.0.0\"");
            assertThat(problems(jar)).containsExactly(new Problem(MANIFEST,
                    "Export-Package must be absent or empty, is 'dev.failforward.test.api;version=\"1.0.0\"'"));
        }

        @Test
        void exportPackageMayBeAbsent() {
            assertThat(problems(valid().header("Export-Package", null))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.0.0-SNAPSHOT", "1.0", "1.0.0.SNAP.SHOT", "1.0.0.a+b", "v1.0.0"})
        void bundleVersionMustBeAnOsgiVersion(String version) {
            assertThat(problems(valid().header("Bundle-Version", version))).singleElement()
                    .isEqualTo(new Problem(MANIFEST, "Bundle-Version must be an OSGi version major.minor.micro[.qualifier]"
                            + " (qualifier of A-Z a-z 0-9 _ -), is '" + version + "'"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.0.1", "11.3.10", "1.0.0.20260101-build_7"})
        void validBundleVersions(String version) {
            assertThat(problems(valid().header("Bundle-Version", version))).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Bundle-ManifestVersion | Bundle-ManifestVersion must be 2, is missing",
                "Bundle-SymbolicName    | Bundle-SymbolicName is missing",
                "Spring-Context         | Spring-Context is missing (use 'Spring-Context: *'; without it the plugin gets no Spring context)",
                "Atlassian-Build-Date   | Atlassian-Build-Date is missing",
                "Bundle-Version         | Bundle-Version must be an OSGi version major.minor.micro[.qualifier] (qualifier of A-Z a-z 0-9 _ -), is missing"})
        void requiredHeaders(String header, String message) {
            assertThat(problems(valid().header(header, null))).containsExactly(new Problem(MANIFEST, message));
        }

        @Test
        void pluginKeyIsRequired() {
            // without the key the symbolic name has nothing to equal; only the missing key is reported
            assertThat(problems(valid().header("Atlassian-Plugin-Key", null))).containsExactly(
                    new Problem(MANIFEST, "Atlassian-Plugin-Key is missing (without it the plugin is not transformerless)"));
        }

        @Test
        void manifestVersionMustBeTwo() {
            assertThat(problems(valid().header("Bundle-ManifestVersion", "1")))
                    .containsExactly(new Problem(MANIFEST, "Bundle-ManifestVersion must be 2, is '1'"));
        }

        @Test
        void noExecutionEnvironmentRequirement() {
            TestJar jar = valid().header("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"");
            assertThat(problems(jar)).singleElement().satisfies(p -> {
                assertThat(p.check()).isEqualTo(MANIFEST);
                assertThat(p.message()).startsWith("Require-Capability has an osgi.ee requirement (set -noee: true in bnd)");
            });
            assertThat(problems(valid().header("Require-Capability", "osgi.service;filter:=\"(objectClass=x.Y)\""))).isEmpty();
        }

        @Test
        void noManifest() {
            List<Problem> problems = problems(valid().withoutManifest());
            assertThat(problems).contains(new Problem(MANIFEST, "META-INF/MANIFEST.MF is missing"));
            assertThat(problems).filteredOn(p -> p.check().equals(MANIFEST)).hasSize(1);
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    @Nested
    class Descriptor {

        @Test
        void missingClass() {
            TestJar jar = valid().remove("dev/failforward/test/web/AdminServlet$Handler.class");
            assertThat(problems(jar)).containsExactly(new Problem(DESCRIPTOR,
                    "<servlet key=\"admin-servlet\" class=\"dev.failforward.test.web.AdminServlet$Handler\">: class"
                            + " dev.failforward.test.web.AdminServlet$Handler is not in the jar and its package 'dev.failforward.test.web'"
                            + " is not in Import-Package"));
        }

        @Test
        void hostClassNeedsItsPackageImported() {
            TestJar jar = valid().header("Import-Package",
                    ValidPlugin.IMPORT_PACKAGE.replace("com.atlassian.jira.plugin.webfragment.conditions;version=\"[11.0,12.0)\",", ""));
            assertThat(problems(jar)).containsExactly(new Problem(DESCRIPTOR,
                    "<condition class=\"com.atlassian.jira.plugin.webfragment.conditions.UserIsAdminCondition\"> in <web-item"
                            + " key=\"admin-link\">: class com.atlassian.jira.plugin.webfragment.conditions.UserIsAdminCondition is not"
                            + " in the jar and its package 'com.atlassian.jira.plugin.webfragment.conditions' is not in Import-Package"));
        }

        @Test
        void classInANestedJarOnTheBundleClassPathResolves() {
            TestJar jar = valid().replace("atlassian-plugin.xml", "<webwork1 key=\"actions\" name=\"Actions\" class=\"java.lang.Object\"/>",
                    "<webwork1 key=\"actions\" name=\"Actions\" class=\"org.example.helper.Helper\"/>");
            assertThat(problems(jar)).isEmpty();
            assertThat(problems(jar.header("Bundle-ClassPath", "."))).singleElement().extracting(Problem::message).asString()
                    .contains("class org.example.helper.Helper is not in the jar");
        }

        @Test
        void activeObjectsEntityMustExist() {
            TestJar jar = valid().remove("dev/failforward/test/ao/NoteEntity.class");
            assertThat(problems(jar)).singleElement().isEqualTo(new Problem(DESCRIPTOR,
                    "<entity> in <ao key=\"ao\">: class dev.failforward.test.ao.NoteEntity is not in the jar and its package"
                            + " 'dev.failforward.test.ao' is not in Import-Package"));
        }

        @Test
        void missingResource() {
            TestJar jar = valid().remove("templates/admin.vm");
            assertThat(problems(jar)).containsExactly(new Problem(DESCRIPTOR,
                    "<resource name=\"view\" type=\"velocity\" location=\"templates/admin.vm\"> in <servlet key=\"admin-servlet\">:"
                            + " templates/admin.vm is not in the jar"));
        }

        @Test
        void missingResourceWithLeadingSlash() {
            // the JS file also used an i18n key; removing it removes that use, so only the resource is reported
            TestJar jar = valid().remove("js/app.js");
            assertThat(problems(jar)).singleElement().extracting(Problem::message).asString()
                    .endsWith(": js/app.js is not in the jar");
        }

        @Test
        void directoryResourceMustHaveEntries() {
            TestJar jar = valid().replace("atlassian-plugin.xml", "location=\"images/\"", "location=\"fonts/\"");
            assertThat(problems(jar)).containsExactly(new Problem(DESCRIPTOR,
                    "<resource name=\"images/\" type=\"download\" location=\"fonts/\"> in <web-resource key=\"assets\">:"
                            + " directory fonts/ is not in the jar"));
        }

        @Test
        void aDirectoryLocationWithoutTheSlashIsADirectory() {
            assertThat(problems(valid().replace("atlassian-plugin.xml", "location=\"images/\"", "location=\"/images\""))).isEmpty();
            assertThat(problems(valid().replace("atlassian-plugin.xml", "location=\"images/\"", "location=\"image\""))).singleElement()
                    .extracting(Problem::message).asString().endsWith(": image is not in the jar");
        }

        @Test
        void missingI18nBundleIsADescriptorProblem() {
            TestJar jar = valid().remove("i18n/fail-forward.properties");
            List<Problem> problems = problems(jar);
            assertThat(problems).filteredOn(p -> p.check().equals(DESCRIPTOR)).containsExactly(new Problem(DESCRIPTOR,
                    "<resource name=\"i18n\" type=\"i18n\" location=\"i18n.fail-forward\">: i18n bundle i18n/fail-forward.properties is not in the jar"));
            assertThat(problems).filteredOn(p -> p.check().equals(I18N)).isNotEmpty();
        }

        @Test
        void missingPluginIcon() {
            TestJar jar = valid().remove("images/logo.png");
            assertThat(problems(jar)).containsExactly(new Problem(DESCRIPTOR,
                    "<param name=\"plugin-logo\"> in <plugin-info>: 'images/logo.png' is not in the jar"));
        }

        @Test
        void duplicateModuleKey() {
            TestJar jar = valid().replace("atlassian-plugin.xml", "<rest key=\"rest\"", "<rest key=\"admin-link\"");
            assertThat(problems(jar)).containsExactly(new Problem(DESCRIPTOR,
                    "module key 'admin-link' is used more than once: <web-item> and <rest>"));
        }

        @Test
        void sameKeyOnNestedElementsIsNotAModuleKey() {
            TestJar jar = valid().replace("atlassian-plugin.xml", "<label key=\"failforward.admin.link.label\"/>",
                    "<label key=\"failforward.admin.link.label\"/><styleClass key=\"assets\"/>");
            assertThat(problems(jar)).isEmpty();
        }

        @Test
        void notWellFormed() {
            TestJar jar = valid().replace("atlassian-plugin.xml", "</web-item>", "</web-itme>");
            assertThat(problems(jar)).singleElement().satisfies(p -> {
                assertThat(p.check()).isEqualTo(DESCRIPTOR);
                assertThat(p.message()).startsWith("atlassian-plugin.xml is not well-formed: line 21, column 7: The element type \"web-item\" must be terminated");
            });
        }

        @Test
        void missingDescriptor() {
            assertThat(problems(valid().remove("atlassian-plugin.xml")))
                    .containsExactly(new Problem(DESCRIPTOR, "atlassian-plugin.xml is missing at the jar root"));
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    @Nested
    class I18n {

        private TestJar withoutKey(String key) {
            TestJar jar = valid();
            String properties = jar.text("i18n/fail-forward.properties");
            String without = properties.lines().filter(l -> !l.startsWith(key + "=")).map(l -> l + "\n").reduce("", String::concat);
            assertThat(without).isNotEqualTo(properties);
            return jar.entry("i18n/fail-forward.properties", without);
        }

        private static String bundles() {
            return " is not in the i18n bundles [i18n/fail-forward.properties]";
        }

        @Test
        void keyFromADescriptorAttribute() {
            assertThat(problems(withoutKey("failforward.admin.link.name"))).containsExactly(new Problem(I18N,
                    "i18n key 'failforward.admin.link.name' used in atlassian-plugin.xml <web-item key=\"admin-link\"> i18n-name-key" + bundles()));
        }

        @Test
        void keyFromADescriptorElement() {
            assertThat(problems(withoutKey("failforward.admin.link.label"))).containsExactly(new Problem(I18N,
                    "i18n key 'failforward.admin.link.label' used in atlassian-plugin.xml <label key=\"failforward.admin.link.label\">"
                            + " in <web-item key=\"admin-link\">" + bundles()));
            assertThat(problems(withoutKey("failforward.plugin.description"))).singleElement().extracting(Problem::message).asString()
                    .contains("used in atlassian-plugin.xml <description key=\"failforward.plugin.description\"> in <plugin-info> is not");
        }

        @Test
        void keyFromAVelocityTemplate() {
            assertThat(problems(withoutKey("failforward.admin.intro"))).containsExactly(new Problem(I18N,
                    "i18n key 'failforward.admin.intro' used in templates/admin.vm line 2" + bundles()));
        }

        @Test
        void keyFromJavaScript() {
            assertThat(problems(withoutKey("failforward.js.saved"))).containsExactly(new Problem(I18N,
                    "i18n key 'failforward.js.saved' used in js/app.js line 2" + bundles()));
        }

        @Test
        void keyFromSoy() {
            assertThat(problems(withoutKey("failforward.soy.heading"))).containsExactly(new Problem(I18N,
                    "i18n key 'failforward.soy.heading' used in templates/panel.soy line 4" + bundles()));
        }

        @Test
        void keyFromAClassConstant() {
            assertThat(problems(withoutKey("failforward.domain.stop-criteria.missing"))).containsExactly(new Problem(I18N,
                    "i18n key 'failforward.domain.stop-criteria.missing' used in class dev.failforward.test.service.FailureService" + bundles()));
        }

        @Test
        void keyFromAConstantField() {
            assertThat(problems(withoutKey("failforward.domain.hypothesis.required"))).containsExactly(new Problem(I18N,
                    "i18n key 'failforward.domain.hypothesis.required' used in class dev.failforward.test.service.FailureService" + bundles()));
        }

        @Test
        void keyFromAClassInANestedJar() {
            assertThat(problems(withoutKey("failforward.helper.label"))).containsExactly(new Problem(I18N,
                    "i18n key 'failforward.helper.label' used in class org.example.helper.Helper in META-INF/lib/helper.jar" + bundles()));
        }

        @Test
        void keysFromAnnotationValuesVisibleOrNot() {
            Map<String, byte[]> classes = InMemoryCompiler.compile(Map.of(
                    "dev.failforward.test.Message", "package dev.failforward.test; public @interface Message { String[] value(); }",
                    "dev.failforward.test.Label", """
                            package dev.failforward.test;
                            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                            public @interface Label { String value(); }
                            """,
                    "dev.failforward.test.Messages", """
                            package dev.failforward.test;
                            @Message({"not.ours", "failforward.annotation.message"})
                            public class Messages {
                                @Label("failforward.annotation.label") Object field;
                            }
                            """)).assertSuccess().classesUnder("dev/");
            assertThat(problems(valid().entries(classes))).containsExactly(
                    new Problem(I18N, "i18n key 'failforward.annotation.message' used in class dev.failforward.test.Messages" + bundles()),
                    new Problem(I18N, "i18n key 'failforward.annotation.label' used in class dev.failforward.test.Messages" + bundles()));
        }

        @Test
        void keysAreReadAsUtf8() {
            TestJar jar = valid().replace("templates/admin.vm", "failforward.admin.title", "failforward.admin.tïtle");
            jar.replace("i18n/fail-forward.properties", "failforward.admin.title=", "failforward.admin.tïtle=");
            assertThat(problems(jar)).isEmpty();
        }

        @Test
        void noBundleDeclared() {
            TestJar jar = valid().replace("atlassian-plugin.xml", "<resource type=\"i18n\" name=\"i18n\" location=\"i18n.fail-forward\"/>", "");
            assertThat(problems(jar)).isNotEmpty().allSatisfy(p -> {
                assertThat(p.check()).isEqualTo(I18N);
                assertThat(p.message()).endsWith("is not in any i18n bundle (no <resource type=\"i18n\"> is declared)");
            });
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    @Nested
    class ScannerIndex {

        @Test
        void indexMissingALine() {
            TestJar jar = valid().replace(INDEX + "imports", "com.atlassian.event.api.EventPublisher\n", "");
            assertThat(problems(jar)).containsExactly(new Problem(SCANNER_INDEX,
                    "META-INF/plugin-components/imports: missing line 'com.atlassian.event.api.EventPublisher'"));
        }

        @Test
        void indexMissingAWholeFile() {
            TestJar jar = valid().remove(INDEX + "component-jira");
            assertThat(problems(jar)).containsExactly(new Problem(SCANNER_INDEX,
                    "META-INF/plugin-components/component-jira: missing line 'dev.failforward.test.jira.JiraOnly'"));
        }

        @Test
        void importFromASyntheticParameterConstructorUsesTheRightType() {
            TestJar jar = valid().replace(INDEX + "imports", "com.atlassian.sal.api.pluginsettings.PluginSettingsFactory\n", "");
            assertThat(problems(jar)).containsExactly(new Problem(SCANNER_INDEX,
                    "META-INF/plugin-components/imports: missing line 'com.atlassian.sal.api.pluginsettings.PluginSettingsFactory'"));
        }

        @Test
        void indexWithAnExtraLine() {
            TestJar jar = valid().replace(INDEX + "component", "dev.failforward.test.lifecycle.Launcher\n",
                    "dev.failforward.test.lifecycle.Launcher\ndev.failforward.test.web.AdminServlet\n");
            assertThat(problems(jar)).containsExactly(new Problem(SCANNER_INDEX,
                    "META-INF/plugin-components/component: extra line 'dev.failforward.test.web.AdminServlet' (no class in the jar has the annotation for it)"));
        }

        @Test
        void beanNameMismatchIsAMissingAndAnExtraLine() {
            TestJar jar = valid().replace(INDEX + "imports", "#salUserManager", "#userManager");
            assertThat(problems(jar)).containsExactly(
                    new Problem(SCANNER_INDEX, "META-INF/plugin-components/imports: missing line 'com.atlassian.sal.api.user.UserManager#salUserManager'"),
                    new Problem(SCANNER_INDEX, "META-INF/plugin-components/imports: extra line 'com.atlassian.sal.api.user.UserManager#userManager'"
                            + " (no class in the jar has the annotation for it)"));
        }

        @Test
        void blankLine() {
            TestJar jar = valid().replace(INDEX + "component", "Launcher\n", "Launcher\n\n");
            assertThat(problems(jar)).containsExactly(new Problem(SCANNER_INDEX, "META-INF/plugin-components/component: line 2 is blank"));
        }

        @Test
        void trailingSpace() {
            TestJar jar = valid().replace(INDEX + "component", "Launcher\n", "Launcher \n");
            assertThat(problems(jar)).containsExactly(new Problem(SCANNER_INDEX,
                    "META-INF/plugin-components/component: line 1 has leading or trailing whitespace (the runtime does not trim lines)"));
        }

        @Test
        void carriageReturns() {
            TestJar jar = valid();
            jar.entry(INDEX + "imports", jar.text(INDEX + "imports").replace("\n", "\r\n"));
            assertThat(problems(jar)).containsExactly(new Problem(SCANNER_INDEX,
                    "META-INF/plugin-components/imports: contains CR characters (lines must end with \\n only)"));
        }

        @Test
        void componentClassMustBeInTheJar() {
            TestJar jar = valid().remove("dev/failforward/test/lifecycle/Launcher.class");
            assertThat(problems(jar)).contains(
                    new Problem(SCANNER_INDEX, "META-INF/plugin-components/component: class dev.failforward.test.lifecycle.Launcher is not in the jar"),
                    new Problem(SCANNER_INDEX, "META-INF/plugin-components/exports: class dev.failforward.test.lifecycle.Launcher is not in the jar"));
        }

        @Test
        void importedServiceNeedsItsPackageImported() {
            TestJar jar = valid().header("Import-Package", ValidPlugin.IMPORT_PACKAGE.replace("com.atlassian.event.api;resolution:=optional,", ""));
            assertThat(problems(jar)).containsExactly(new Problem(SCANNER_INDEX,
                    "META-INF/plugin-components/imports: com.atlassian.event.api.EventPublisher is not in the jar and its package"
                            + " 'com.atlassian.event.api' is not in Import-Package (the runtime skips it: 'Unable to load class')"));
        }

        @Test
        void exportedInterfaceNeedsItsPackageImported() {
            TestJar jar = valid().header("Import-Package", ValidPlugin.IMPORT_PACKAGE.replace("com.atlassian.sal.api.lifecycle,", ""));
            assertThat(problems(jar)).containsExactly(new Problem(SCANNER_INDEX,
                    "META-INF/plugin-components/exports: com.atlassian.sal.api.lifecycle.LifecycleAware is not in the jar and its package"
                            + " 'com.atlassian.sal.api.lifecycle' is not in Import-Package (the runtime skips it: 'Unable to load class')"));
        }

        @Test
        void pluginContextIsRequiredWhenThereAreComponents() {
            assertThat(problems(valid().remove("META-INF/spring/plugin-context.xml"))).containsExactly(new Problem(SCANNER_INDEX,
                    "META-INF/spring/plugin-context.xml is missing: without <atlassian-scanner:scan-indexes/> the index is never read"));
        }

        @Test
        void pluginContextMustUseTheScannerNamespace() {
            TestJar jar = valid().replace("META-INF/spring/plugin-context.xml", "atlassian-scanner/2\"\n", "atlassian-scanner\"\n");
            assertThat(problems(jar)).containsExactly(new Problem(SCANNER_INDEX,
                    "META-INF/spring/plugin-context.xml has no <scan-indexes> element in namespace http://www.atlassian.com/schema/atlassian-scanner/2"));
        }

        @Test
        void pluginContextMustBeWellFormed() {
            TestJar jar = valid().replace("META-INF/spring/plugin-context.xml", "</beans>", "</bean>");
            assertThat(problems(jar)).singleElement().extracting(Problem::message).asString()
                    .startsWith("META-INF/spring/plugin-context.xml is not well-formed: line ");
        }

        @Test
        void noComponentsNoPluginContextNeeded() {
            TestJar jar = valid()
                    .remove(INDEX + "component").remove(INDEX + "component-jira").remove(INDEX + "imports").remove(INDEX + "imports-jira")
                    .remove(INDEX + "exports").remove("META-INF/spring/plugin-context.xml")
                    .remove("dev/failforward/test/service/FailureService.class").remove("dev/failforward/test/lifecycle/Launcher.class")
                    .remove("dev/failforward/test/jira/JiraOnly.class").remove("dev/failforward/test/jira/JiraOnly$Settings.class");
            assertThat(problems(jar)).isEmpty();
        }

        @Test
        void abstractComponentAndExportWithoutComponentAreReported() {
            // compiled without the processor (which would refuse both)
            Map<String, byte[]> classes = InMemoryCompiler.compile(Stubs.with(Map.of(
                    "dev.failforward.test.bad.AbstractThing", "package dev.failforward.test.bad; @jakarta.inject.Named public abstract class AbstractThing {}",
                    "dev.failforward.test.bad.Unnamed", """
                            package dev.failforward.test.bad;
                            @com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService(Runnable.class)
                            public class Unnamed implements Runnable { public void run() {} }
                            """))).assertSuccess().classesUnder("dev/failforward/test/bad/");
            assertThat(problems(valid().entries(classes))).containsExactlyInAnyOrder(
                    new Problem(SCANNER_INDEX, "dev.failforward.test.bad.AbstractThing is annotated @Named but is an interface or abstract class"
                            + " (a component must be a concrete class)"),
                    new Problem(SCANNER_INDEX, "dev.failforward.test.bad.Unnamed is annotated @ExportAsService but is not a component"
                            + " (the scanner runtime only exports beans)"));
        }

        @Test
        void importOnAPrimitiveIsReported() {
            Map<String, byte[]> classes = InMemoryCompiler.compile(Stubs.with(Map.of("dev.failforward.test.bad.Counter", """
                    package dev.failforward.test.bad;
                    public class Counter { public void set(@com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport long[] values) {} }
                    """))).assertSuccess().classesUnder("dev/failforward/test/bad/");
            assertThat(problems(valid().entries(classes))).containsExactly(new Problem(SCANNER_INDEX,
                    "@ComponentImport on parameter 1 of dev.failforward.test.bad.Counter.set() of type long[]: an imported service must have a"
                            + " class or interface type"));
        }

        @Test
        void metaAnnotatedStereotypesInTheJarAndProductFilesAgreeWithTheProcessor() {
            Map<String, String> sources = Map.of(
                    "dev.failforward.test.more.Stereo", """
                            package dev.failforward.test.more;
                            @org.springframework.stereotype.Service
                            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                            public @interface Stereo { String value() default ""; }
                            """,
                    "dev.failforward.test.more.Thing", """
                            package dev.failforward.test.more;
                            @Stereo("thing") public class Thing {
                                @com.atlassian.plugin.spring.scanner.annotation.imports.ConfluenceImport("pages")
                                com.atlassian.confluence.pages.PageManager pages;
                            }
                            """,
                    "dev.failforward.test.more.Serviced", """
                            package dev.failforward.test.more;
                            @org.springframework.stereotype.Service public class Serviced { Serviced(@HostService Runnable r) {} }
                            """,
                    "dev.failforward.test.more.HostService", """
                            package dev.failforward.test.more;
                            @com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport
                            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                            public @interface HostService { String value() default ""; }
                            """,
                    "dev.failforward.test.more.Conf", """
                            package dev.failforward.test.more;
                            @com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent("conf")
                            @com.atlassian.plugin.spring.scanner.annotation.export.ExportAsDevService
                            public class Conf implements Runnable { public void run() {} }
                            """);
            InMemoryCompiler.Result result = InMemoryCompiler.compile(Stubs.with(sources), new ScannerIndexProcessor()).assertSuccess();
            Map<String, String> index = result.textFilesUnder(INDEX);
            assertThat(index).containsOnlyKeys("component", "component-confluence", "imports", "imports-confluence", "dev-exports");
            assertThat(index.get("component")).isEqualTo("dev.failforward.test.more.Serviced\ndev.failforward.test.more.Thing#thing\n");

            TestJar jar = valid().entries(result.classesUnder("dev/failforward/test/more/"))
                    .header("Import-Package", ValidPlugin.IMPORT_PACKAGE + ",com.atlassian.confluence.pages");
            TestJar merged = jar.copy();
            index.forEach((file, text) -> merged.entry(INDEX + file, merged.textOr(INDEX + file, "") + text));
            assertThat(problems(merged)).isEmpty();
            // and without the processor's files the verifier names every line
            assertThat(problems(jar)).extracting(Problem::message).containsExactlyInAnyOrder(
                    "META-INF/plugin-components/component: missing line 'dev.failforward.test.more.Serviced'",
                    "META-INF/plugin-components/component: missing line 'dev.failforward.test.more.Thing#thing'",
                    "META-INF/plugin-components/component-confluence: missing line 'dev.failforward.test.more.Conf#conf'",
                    "META-INF/plugin-components/dev-exports: missing line 'dev.failforward.test.more.Conf'",
                    "META-INF/plugin-components/imports: missing line 'java.lang.Runnable'",
                    "META-INF/plugin-components/imports-confluence: missing line 'com.atlassian.confluence.pages.PageManager#pages'");
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    @Nested
    class BundledClasses {

        @Test
        void forbiddenAtlassianClassAtTheRoot() {
            TestJar jar = valid().entry("com/atlassian/sal/api/user/UserManager.class", ValidPlugin.emptyClass("com/atlassian/sal/api/user/UserManager"));
            assertThat(problems(jar)).containsExactly(new Problem(BUNDLED_CLASSES,
                    "the jar contains 1 entry under com/atlassian/ (e.g. com/atlassian/sal/api/user/UserManager.class):"
                            + " the host provides these packages, use provided scope"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "net/java/ao/Entity                         | net/java/ao/",
                "com/opensymphony/workflow/FunctionProvider | com/opensymphony/",
                "jakarta/inject/Inject                      | jakarta/",
                "javax/inject/Named                         | javax/"})
        void otherForbiddenPrefixes(String name, String prefix) {
            TestJar jar = valid().entry(name + ".class", ValidPlugin.emptyClass(name));
            assertThat(problems(jar)).containsExactly(new Problem(BUNDLED_CLASSES, "the jar contains 1 entry under " + prefix
                    + " (e.g. " + name + ".class): the host provides these packages, use provided scope"));
        }

        @Test
        void forbiddenClassInsideANestedJar() {
            TestJar jar = valid().entry("META-INF/lib/helper.jar", ValidPlugin.helperJar(Map.of(
                    "javax/inject/Named.class", ValidPlugin.emptyClass("javax/inject/Named"),
                    "javax/inject/Inject.class", ValidPlugin.emptyClass("javax/inject/Inject"))));
            assertThat(problems(jar)).containsExactly(new Problem(BUNDLED_CLASSES,
                    "nested jar META-INF/lib/helper.jar contains 2 entries under javax/ (e.g. javax/inject/Inject.class):"
                            + " the host provides these packages, use provided scope"));
        }

        @Test
        void embeddedSpringScanner() {
            byte[] scanner = new TestJar().withoutManifest().entry("com/atlassian/plugin/spring/scanner/annotation/imports/ComponentImport.class",
                    ValidPlugin.emptyClass("com/atlassian/plugin/spring/scanner/annotation/imports/ComponentImport")).bytes();
            TestJar jar = valid().entry("META-INF/lib/atlassian-spring-scanner-annotation-6.0.0.jar", scanner);
            assertThat(problems(jar)).containsExactly(
                    new Problem(BUNDLED_CLASSES, "the jar embeds META-INF/lib/atlassian-spring-scanner-annotation-6.0.0.jar: atlassian-spring-scanner must not"
                            + " be bundled (the host provides it; an embedded copy stops the plugin from enabling)"),
                    new Problem(BUNDLED_CLASSES, "nested jar META-INF/lib/atlassian-spring-scanner-annotation-6.0.0.jar contains atlassian-spring-scanner"
                            + " classes (1, e.g. com/atlassian/plugin/spring/scanner/annotation/imports/ComponentImport.class): the scanner must not be bundled"));
        }

        @Test
        void customForbiddenPrefixes() throws Exception {
            Path file = valid().write(dir.resolve("custom.jar"));
            PluginJarRules rules = new PluginJarRules(PluginJarRules.platform8().importAllowlist(), List.of("org/example/"));
            assertThat(PluginJarVerifier.verify(file, rules)).containsExactly(new Problem(BUNDLED_CLASSES,
                    "nested jar META-INF/lib/helper.jar contains 2 entries under org/example/ (e.g. org/example/helper/Helper.class):"
                            + " the host provides these packages, use provided scope"));
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    @Nested
    class ImportPackage {

        private List<Problem> withImports(String extra) {
            return problems(valid().header("Import-Package", ValidPlugin.IMPORT_PACKAGE + "," + extra));
        }

        @Test
        void guavaIsNotExported() {
            assertThat(withImports("com.google.common.base;version=\"[31.0,32)\";resolution:=optional")).containsExactly(new Problem(IMPORT_PACKAGE,
                    "com.google.common.base: not on the import allowlist (not known to be exported to third-party plugins on Platform 8;"
                            + " bundle the library or add the package with a source)"));
        }

        @Test
        void javaPackagesMustNotBeImported() {
            assertThat(withImports("java.lang,java.util.concurrent")).containsExactly(
                    new Problem(IMPORT_PACKAGE, "java.lang: java.* packages must not be imported (set -noimportjava: true in bnd)"),
                    new Problem(IMPORT_PACKAGE, "java.util.concurrent: java.* packages must not be imported (set -noimportjava: true in bnd)"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"org.codehaus.jackson.map", "org.apache.velocity", "org.apache.velocity.app", "com.atlassian.plugin.spring.scanner.runtime",
                "com.atlassian.pluginx", "javax.inject", "net.java.ao.schema.index"})
        void packagesNotOnTheAllowlist(String pkg) {
            assertThat(withImports(pkg)).singleElement().satisfies(p -> {
                assertThat(p.check()).isEqualTo(IMPORT_PACKAGE);
                assertThat(p.message()).startsWith(pkg + ": not on the import allowlist");
            });
        }

        @Test
        void quotedVersionRangesAreParsedAsOneClause() {
            // split naively at every comma this would yield packages like 12.0)" and a bogus "version"
            assertThat(withImports("org.slf4j;version=\"[2.0,3)\",com.fasterxml.jackson.databind.node;version=\"[2.18,3)\";resolution:=optional,"
                    + "com.google.common.collect;version=\"[31.0,32)\"")).containsExactly(new Problem(IMPORT_PACKAGE,
                    "com.google.common.collect: not on the import allowlist (not known to be exported to third-party plugins on Platform 8;"
                            + " bundle the library or add the package with a source)"));
        }

        @Test
        void severalPackagesInOneClause() {
            assertThat(withImports("org.slf4j;com.google.common.io;version=\"[1,2)\"")).singleElement()
                    .extracting(Problem::message).asString().startsWith("com.google.common.io: not on the import allowlist");
        }

        @Test
        void unparseableHeader() {
            List<Problem> problems = withImports("org.slf4j;version=\"[2.0,3)");
            assertThat(problems).filteredOn(p -> p.check().equals(IMPORT_PACKAGE)).singleElement()
                    .extracting(Problem::message).asString().startsWith("Import-Package cannot be parsed: unterminated quote");
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    @Nested
    class CommandLineAndAssertions {

        @Test
        void mainPrintsProblemsAndReturnsOne() {
            Path good = valid().write(dir.resolve("good.jar"));
            Path bad = valid().header("Export-Package", "x").write(dir.resolve("bad.jar"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = PluginJarVerifier.run(List.of(good.toString(), bad.toString()), PluginJarRules.platform8(),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(exit).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("OK " + good + "\n" + bad + ": 1 problem(s)\n"
                    + "  [manifest] Export-Package must be absent or empty, is 'x'\n");
        }

        @Test
        void mainReturnsZeroForValidJars() {
            Path good = valid().write(dir.resolve("good.jar"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(PluginJarVerifier.run(List.of(good.toString()), PluginJarRules.platform8(), new PrintStream(out))).isZero();
            assertThat(PluginJarVerifier.run(List.of(dir.resolve("absent.jar").toString()), PluginJarRules.platform8(), new PrintStream(out)))
                    .isEqualTo(1);
        }

        @Test
        void assertValidPassesAValidJar() {
            PluginJarAssertions.assertValid(valid().write(dir.resolve("good.jar")));
        }

        @Test
        void assertValidListsAllProblems() {
            Path bad = valid().header("Export-Package", "x").remove("images/icon.png").write(dir.resolve("bad.jar"));
            assertThatThrownBy(() -> PluginJarAssertions.assertValid(bad))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage(bad + " has 2 problem(s):\n"
                            + "  [manifest] Export-Package must be absent or empty, is 'x'\n"
                            + "  [descriptor] <param name=\"plugin-icon\"> in <plugin-info>: 'images/icon.png' is not in the jar");
        }
    }
}
