package dev.failforward.buildtools.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

import org.junit.jupiter.api.Test;

import dev.failforward.buildtools.testing.InMemoryCompiler;
import dev.failforward.buildtools.testing.InMemoryCompiler.Result;
import dev.failforward.buildtools.testing.Stubs;

class ScannerIndexProcessorTest {

    private static final String INDEX = "META-INF/plugin-components/";

    private static Result compile(Map<String, String> sources, Processor... more) {
        Processor[] processors = new Processor[more.length + 1];
        processors[0] = new ScannerIndexProcessor();
        System.arraycopy(more, 0, processors, 1, more.length);
        return InMemoryCompiler.compile(Stubs.with(sources), processors);
    }

    private static Map<String, String> index(Map<String, String> sources) {
        Result result = compile(sources).assertSuccess();
        assertThat(result.errors()).isEmpty();
        return result.textFilesUnder(INDEX);
    }

    @Test
    void reproducesThePackagingExampleByteForByte() {
        Map<String, String> files = index(Map.of(
                "com.example.acme.service.DefaultSettingsService", """
                        package com.example.acme.service;
                        import jakarta.inject.Inject;
                        import jakarta.inject.Named;
                        import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
                        import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
                        import com.atlassian.sal.api.user.UserManager;
                        @Named("settingsService")
                        public class DefaultSettingsService {
                            @Inject
                            public DefaultSettingsService(@ComponentImport PluginSettingsFactory settings,
                                                          @ComponentImport("salUserManager") UserManager users) {}
                        }
                        """,
                "com.example.acme.lifecycle.AcmeLauncher", """
                        package com.example.acme.lifecycle;
                        import jakarta.inject.Inject;
                        import jakarta.inject.Named;
                        import com.atlassian.event.api.EventPublisher;
                        import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;
                        import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
                        import com.atlassian.sal.api.lifecycle.LifecycleAware;
                        @ExportAsService(LifecycleAware.class)
                        @Named
                        public class AcmeLauncher implements LifecycleAware {
                            @Inject
                            public AcmeLauncher(@ComponentImport EventPublisher events) {}
                            public void onStart() {}
                            public void onStop() {}
                        }
                        """));

        assertThat(files).containsOnlyKeys("component", "imports", "exports");
        assertThat(files.get("component")).isEqualTo("""
                com.example.acme.lifecycle.AcmeLauncher
                com.example.acme.service.DefaultSettingsService#settingsService
                """);
        assertThat(files.get("imports")).isEqualTo("""
                com.atlassian.event.api.EventPublisher
                com.atlassian.sal.api.pluginsettings.PluginSettingsFactory
                com.atlassian.sal.api.user.UserManager#salUserManager
                """);
        assertThat(files.get("exports")).isEqualTo("""
                com.example.acme.lifecycle.AcmeLauncher#com.atlassian.sal.api.lifecycle.LifecycleAware
                """);
    }

    @Test
    void nestedClassesUseBinaryNames() {
        Map<String, String> files = index(Map.of("p.Outer", """
                package p;
                import jakarta.inject.Named;
                import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;
                import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
                public class Outer {
                    public interface Api { interface Deep {} }
                    @Named("inner") @ExportAsService({Api.class, Api.Deep.class})
                    public static class Inner implements Api, Api.Deep {
                        public Inner(@ComponentImport Api.Deep deep) {}
                    }
                }
                """));

        assertThat(files.get("component")).isEqualTo("p.Outer$Inner#inner\n");
        assertThat(files.get("imports")).isEqualTo("p.Outer$Api$Deep\n");
        assertThat(files.get("exports")).isEqualTo("p.Outer$Inner#p.Outer$Api,p.Outer$Api$Deep\n");
    }

    @Test
    void importTypesAreErasedAndCollectedFromFieldsConstructorsAndMethodsOfAnyClass() {
        Map<String, String> files = index(Map.of("p.Imports", """
                package p;
                import java.util.*;
                import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
                import com.atlassian.sal.api.user.UserManager;
                public class Imports {                                   // not a component: imports still count
                    @ComponentImport List<String> names;
                    @ComponentImport("salUserManager") UserManager users;
                    public Imports(@ComponentImport Map<String, List<Integer>> map) {}
                    public void set(@ComponentImport Optional<? extends Number> value) {}
                    public void again(@ComponentImport List<Long> duplicate) {}
                }
                """));

        assertThat(files).containsOnlyKeys("imports");
        assertThat(files.get("imports")).isEqualTo("""
                com.atlassian.sal.api.user.UserManager#salUserManager
                java.util.List
                java.util.Map
                java.util.Optional
                """);
    }

    @Test
    void writesNoFileWithoutEntries() {
        Result result = compile(Map.of("p.Plain", """
                package p;
                public class Plain { public Plain(@javax.inject.Named("qualifier") String s) {} }
                """)).assertSuccess();

        assertThat(result.textFilesUnder(INDEX)).isEmpty();
        assertThat(result.outputs()).containsKey("p/Plain.class");
    }

    @Test
    void recognisesJavaxNamedSpringComponentAndMetaAnnotatedStereotypes() {
        Map<String, String> files = index(Map.of(
                "p.A", "package p; @javax.inject.Named(\"alpha\") public class A {}",
                "p.B", "package p; @org.springframework.stereotype.Component public class B {}",
                "p.C", "package p; @org.springframework.stereotype.Service(\"gamma\") public class C {}",
                "p.MyStereotype", """
                        package p;
                        @org.springframework.stereotype.Service
                        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                        public @interface MyStereotype { String value() default ""; }
                        """,
                "p.D", "package p; @MyStereotype public class D {}",
                "p.E", "package p; @java.lang.Deprecated public class E {}"));

        assertThat(files).containsOnlyKeys("component");
        assertThat(files.get("component")).isEqualTo("p.A#alpha\np.B\np.C#gamma\np.D\n");
    }

    @Test
    void annotationsMetaAnnotatedWithComponentImportAreImports() {
        Map<String, String> files = index(Map.of(
                "p.HostService", """
                        package p;
                        @com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport
                        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                        public @interface HostService { String value() default ""; }
                        """,
                "p.User", """
                        package p;
                        public class User { public User(@HostService("host") Runnable r, @Deprecated Thread notAnImport) {} }
                        """));

        assertThat(files).containsOnlyKeys("imports");
        assertThat(files.get("imports")).isEqualTo("java.lang.Runnable#host\n");
    }

    @Test
    void productAnnotationsGoToProductFilesOnly() {
        Map<String, String> files = index(Map.of("p.Products", """
                package p;
                import com.atlassian.plugin.spring.scanner.annotation.component.*;
                import com.atlassian.plugin.spring.scanner.annotation.imports.*;
                import com.atlassian.jira.security.JiraAuthenticationContext;
                import com.atlassian.confluence.pages.PageManager;
                public class Products {
                    @JiraComponent("jiraThing")
                    public static class JiraThing {
                        public JiraThing(@JiraImport JiraAuthenticationContext context) {}
                    }
                    @ConfluenceComponent
                    public static class ConfluenceThing {
                        @ConfluenceImport("pages") PageManager pages;
                    }
                }
                """));

        assertThat(files).containsOnlyKeys("component-jira", "component-confluence", "imports-jira", "imports-confluence");
        assertThat(files.get("component-jira")).isEqualTo("p.Products$JiraThing#jiraThing\n");
        assertThat(files.get("component-confluence")).isEqualTo("p.Products$ConfluenceThing\n");
        assertThat(files.get("imports-jira")).isEqualTo("com.atlassian.jira.security.JiraAuthenticationContext\n");
        assertThat(files.get("imports-confluence")).isEqualTo("com.atlassian.confluence.pages.PageManager#pages\n");
    }

    @Test
    void exportsKeepDeclarationOrderAndDevExportsHaveTheirOwnFile() {
        Map<String, String> files = index(Map.of(
                "p.Both", """
                        package p;
                        interface Zeta {}
                        interface Alpha {}
                        @jakarta.inject.Named
                        @com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService({Zeta.class, Alpha.class})
                        public class Both implements Zeta, Alpha {}
                        """,
                "p.Bare", """
                        package p;
                        @jakarta.inject.Named
                        @com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService
                        public class Bare implements Runnable { public void run() {} }
                        """,
                "p.Dev", """
                        package p;
                        @jakarta.inject.Named
                        @com.atlassian.plugin.spring.scanner.annotation.export.ExportAsDevService(Runnable.class)
                        public class Dev implements Runnable { public void run() {} }
                        """));

        assertThat(files.get("exports")).isEqualTo("p.Bare\np.Both#p.Zeta,p.Alpha\n");
        assertThat(files.get("dev-exports")).isEqualTo("p.Dev#java.lang.Runnable\n");
    }

    @Test
    void aggregatesAcrossRoundsAndWritesOnce() {
        Result result = compile(Map.of("p.First", "package p; @jakarta.inject.Named public class First {}"),
                new GeneratingProcessor()).assertSuccess();

        assertThat(result.errors()).isEmpty();
        assertThat(result.outputs()).containsKey("gen/Generated.class");
        assertThat(result.textFilesUnder(INDEX)).containsExactly(Map.entry("component", "gen.Generated#generated\np.First\n"));
    }

    @Test
    void filesAreSortedDeduplicatedAndUseLfOnly() {
        Map<String, String> files = index(Map.of(
                "p.Z", "package p; @jakarta.inject.Named public class Z { Z(@com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport Runnable r) {} }",
                "p.Y", "package p; @jakarta.inject.Named public class Y { Y(@com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport Runnable r) {} }",
                "p.a.B", "package p.a; @jakarta.inject.Named(\"  \") public class B {}"));

        assertThat(files.get("component")).isEqualTo("p.Y\np.Z\np.a.B\n");
        assertThat(files.get("imports")).isEqualTo("java.lang.Runnable\n");
        files.values().forEach(text -> assertThat(text).doesNotContain("\r", " \n", "\n\n"));
    }

    // --- errors ----------------------------------------------------------------------------------------------------

    @Test
    void importOnPrimitiveIsAnError() {
        Result result = compile(Map.of("p.P", """
                package p;
                public class P { public P(@com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport int count) {} }
                """));

        assertThat(result.success()).isFalse();
        assertThat(result.errors()).singleElement().asString()
                .contains("@ComponentImport on parameter count of constructor of p.P of type int")
                .contains("not a primitive, array or type variable");
    }

    @Test
    void importOnArrayIsAnError() {
        Result result = compile(Map.of("p.P", """
                package p;
                public class P { @com.atlassian.plugin.spring.scanner.annotation.imports.JiraImport Runnable[] tasks; }
                """));

        assertThat(result.errors()).singleElement().asString().contains("@JiraImport on field p.P.tasks of type java.lang.Runnable[]");
    }

    @Test
    void importOnTypeVariableIsAnError() {
        Result result = compile(Map.of("p.P", """
                package p;
                public class P<T> { public void set(@com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport T value) {} }
                """));

        assertThat(result.errors()).singleElement().asString().contains("@ComponentImport on parameter value of p.P.set()");
    }

    @Test
    void exportOfANonComponentIsAnError() {
        Result result = compile(Map.of("p.E", """
                package p;
                @com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService(Runnable.class)
                public class E implements Runnable { public void run() {} }
                """));

        assertThat(result.errors()).singleElement().asString()
                .isEqualTo("@ExportAsService on p.E: the class is not a component (add @Named); the scanner runtime only exports beans");
        assertThat(result.textFilesUnder(INDEX)).doesNotContainKey("exports");
    }

    @Test
    void abstractClassAsComponentIsAnError() {
        Result result = compile(Map.of("p.A", "package p; @jakarta.inject.Named public abstract class A {}"));

        assertThat(result.errors()).singleElement().asString()
                .isEqualTo("@Named on p.A: a component must be a concrete class, not an interface or abstract class");
        assertThat(result.textFilesUnder(INDEX)).isEmpty();
    }

    @Test
    void interfaceAsComponentIsAnError() {
        Result result = compile(Map.of("p.I", "package p; @com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent public interface I {}"));

        assertThat(result.errors()).singleElement().asString().startsWith("@JiraComponent on p.I: a component must be a concrete class");
    }

    @Test
    void isRegisteredAsAServiceAndSupportsTheLatestSourceVersion() {
        assertThat(ServiceLoader.load(Processor.class, getClass().getClassLoader()).stream().map(ServiceLoader.Provider::type))
                .contains(ScannerIndexProcessor.class);
        ScannerIndexProcessor processor = new ScannerIndexProcessor();
        assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
        assertThat(processor.getSupportedAnnotationTypes()).containsExactly("*");
    }

    /** Generates one @Named class in the first round, so the index spans two rounds. */
    @SupportedAnnotationTypes("*")
    static final class GeneratingProcessor extends AbstractProcessor {
        private boolean done;

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
            if (!done) {
                done = true;
                try (Writer out = processingEnv.getFiler().createSourceFile("gen.Generated").openWriter()) {
                    out.write("package gen; @jakarta.inject.Named(\"generated\") public class Generated {}");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }
}
