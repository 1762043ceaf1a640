package dev.failforward.buildtools.verify;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import dev.failforward.buildtools.scanner.ScannerIndexProcessor;
import dev.failforward.buildtools.testing.InMemoryCompiler;
import dev.failforward.buildtools.testing.InMemoryCompiler.Result;
import dev.failforward.buildtools.testing.Stubs;
import dev.failforward.buildtools.testing.TestJar;

/**
 * A small plugin jar that passes every check: classes compiled from source, its scanner index written by
 * {@link ScannerIndexProcessor} (so the verifier's independent computation is checked against the processor), a
 * descriptor using every kind of reference the verifier resolves, i18n keys used from the descriptor, a Velocity
 * template, JavaScript, Soy, class constants and a nested jar.
 */
final class ValidPlugin {

    static final String KEY = "dev.failforward.test-plugin";

    static final String IMPORT_PACKAGE = "com.atlassian.event.api;resolution:=optional,"
            + "com.atlassian.jira.plugin.webfragment.conditions;version=\"[11.0,12.0)\","
            + "com.atlassian.jira.security;version=\"[11.0,12)\";resolution:=optional,"
            + "com.atlassian.sal.api.lifecycle,"
            + "com.atlassian.sal.api.pluginsettings,"
            + "com.atlassian.sal.api.user;resolution:=\"optional\";version=\"[7.0.0,8)\","
            + "jakarta.inject;version=\"[2.0,3)\"";

    static final Map<String, String> SOURCES = Map.of(
            "dev.failforward.test.service.FailureService", """
                    package dev.failforward.test.service;
                    import jakarta.inject.Inject;
                    import jakarta.inject.Named;
                    import com.atlassian.event.api.EventPublisher;
                    import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
                    import com.atlassian.sal.api.user.UserManager;
                    @Named("failureService")
                    public class FailureService {
                        public static final String REQUIRED = "failforward.domain.hypothesis.required";
                        @Inject
                        public FailureService(@ComponentImport("salUserManager") UserManager users,
                                              @ComponentImport EventPublisher events) {}
                        public String missingStopCriteria() { return "failforward.domain.stop-criteria.missing"; }
                        public String notAKey() { return "Failforward.Not.A.Key"; }
                    }
                    """,
            "dev.failforward.test.lifecycle.Launcher", """
                    package dev.failforward.test.lifecycle;
                    import jakarta.inject.Named;
                    import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;
                    import com.atlassian.sal.api.lifecycle.LifecycleAware;
                    @Named
                    @ExportAsService(LifecycleAware.class)
                    public class Launcher implements LifecycleAware {
                        public void onStart() {}
                        public void onStop() {}
                    }
                    """,
            "dev.failforward.test.jira.JiraOnly", """
                    package dev.failforward.test.jira;
                    import com.atlassian.jira.security.JiraAuthenticationContext;
                    import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
                    import com.atlassian.plugin.spring.scanner.annotation.imports.JiraImport;
                    @JiraComponent
                    public class JiraOnly {
                        public JiraOnly(@JiraImport JiraAuthenticationContext context) {}
                        public class NotAComponent {}
                        public class Settings { // inner: javac adds a synthetic outer-instance parameter
                            public Settings(@com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport
                                            com.atlassian.sal.api.pluginsettings.PluginSettingsFactory factory) {}
                        }
                    }
                    """,
            "dev.failforward.test.web.AdminServlet", """
                    package dev.failforward.test.web;
                    public class AdminServlet {
                        public static class Handler {}
                    }
                    """,
            "dev.failforward.test.ao.NoteEntity", """
                    package dev.failforward.test.ao;
                    public interface NoteEntity {}
                    """);

    static final String DESCRIPTOR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <atlassian-plugin key="dev.failforward.test-plugin" name="Fail Forward test" plugins-version="2">
                <plugin-info>
                    <description key="failforward.plugin.description">Test plugin</description>
                    <version>1.0.0</version>
                    <vendor name="Fail Forward" url="https://failforward.dev"/>
                    <param name="plugin-icon">images/icon.png</param>
                    <param name="plugin-logo">/images/logo.png</param>
                </plugin-info>
                <resource type="i18n" name="i18n" location="i18n.fail-forward"/>
                <web-resource key="assets" name="Assets">
                    <resource type="download" name="app.js" location="/js/app.js"/>
                    <resource type="download" name="images/" location="images/"/>
                    <resource type="soy" name="panel" location="/templates/panel.soy"/>
                </web-resource>
                <web-item key="admin-link" i18n-name-key="failforward.admin.link.name" section="system.admin/globalsettings" weight="10">
                    <label key="failforward.admin.link.label"/>
                    <tooltip key="failforward.admin.link.tooltip"/>
                    <link linkId="ff-admin">/plugins/servlet/failforward/admin</link>
                    <condition class="com.atlassian.jira.plugin.webfragment.conditions.UserIsAdminCondition"/>
                </web-item>
                <servlet key="admin-servlet" class="dev.failforward.test.web.AdminServlet$Handler">
                    <url-pattern>/failforward/admin</url-pattern>
                    <resource type="velocity" name="view" location="templates/admin.vm"/>
                </servlet>
                <webwork1 key="actions" name="Actions" class="java.lang.Object"/>
                <ao key="ao" namespace="failforward">
                    <entity>dev.failforward.test.ao.NoteEntity</entity>
                </ao>
                <rest key="rest" path="/failforward" version="1.0">
                    <description key="failforward.rest.description">REST</description>
                </rest>
            </atlassian-plugin>
            """;

    static final String I18N = """
            failforward.plugin.description=Fail Forward: Fehlschläge als Lernchance
            failforward.admin.link.name=Fail Forward
            failforward.admin.link.label=Fail Forward settings
            failforward.admin.link.tooltip=Configure Fail Forward
            failforward.rest.description=REST API
            failforward.admin.title=Settings
            failforward.admin.intro=You have {0} experiments
            failforward.js.saved=Saved
            failforward.soy.heading=Learnings
            failforward.domain.hypothesis.required=A hypothesis is required
            failforward.domain.stop-criteria.missing=Stop criteria are missing
            failforward.helper.label=Helper
            """;

    static final String VELOCITY = """
            <h1>$i18n.getText("failforward.admin.title")</h1>
            <p>$i18n.getText('failforward.admin.intro', $count)</p>
            ## dynamic keys cannot be checked and are skipped:
            <p>$i18n.getText("failforward.status.$status")</p>
            """;

    static final String JS = """
            AJS.toInit(function () {
                AJS.flag({ body: AJS.I18n.getText("failforward.js.saved") });
                var label = AJS.I18n.getText('failforward.js.prefix.' + state); // concatenated: not a literal key
            });
            """;

    static final String SOY = """
            {namespace FailForward.Panel}
            /** Panel */
            {template .panel}
                <h2>{getText('failforward.soy.heading')}</h2>
            {/template}
            """;

    static final String PLUGIN_CONTEXT = """
            <beans xmlns="http://www.springframework.org/schema/beans"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xmlns:atlassian-scanner="http://www.atlassian.com/schema/atlassian-scanner/2"
                   xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans-2.5.xsd
                    http://www.atlassian.com/schema/atlassian-scanner/2 http://www.atlassian.com/schema/atlassian-scanner/2/atlassian-scanner.xsd">
                <atlassian-scanner:scan-indexes/>
            </beans>
            """;

    private static Map<String, byte[]> compiled;

    private ValidPlugin() {
    }

    /** The plugin's classes and generated index files (stubs excluded), compiled once. */
    static synchronized Map<String, byte[]> compiledEntries() {
        if (compiled == null) {
            Result result = InMemoryCompiler.compile(Stubs.with(SOURCES), new ScannerIndexProcessor()).assertSuccess();
            if (!result.errors().isEmpty()) {
                throw new AssertionError(result.errors());
            }
            Map<String, byte[]> entries = new LinkedHashMap<>(result.classesUnder("dev/failforward/test/"));
            result.outputs().forEach((path, bytes) -> {
                if (path.startsWith("META-INF/plugin-components/")) {
                    entries.put(path, bytes);
                }
            });
            compiled = Map.copyOf(entries);
        }
        return compiled;
    }

    static TestJar jar() {
        return new TestJar()
                .header("Bundle-ManifestVersion", "2")
                .header("Bundle-SymbolicName", KEY + ";singleton:=true")
                .header("Bundle-Version", "1.0.0.SNAPSHOT")
                .header("Bundle-Name", "Fail Forward test")
                .header("Atlassian-Plugin-Key", KEY)
                .header("Atlassian-Build-Date", "2026-01-01T00:00:00+0000")
                .header("Spring-Context", "*")
                .header("Export-Package", "")
                .header("Bundle-ClassPath", ".,META-INF/lib/helper.jar")
                .header("Import-Package", IMPORT_PACKAGE)
                .entry("atlassian-plugin.xml", DESCRIPTOR)
                .entry("i18n/fail-forward.properties", I18N)
                .entry("templates/admin.vm", VELOCITY)
                .entry("templates/panel.soy", SOY)
                .entry("js/app.js", JS)
                .entry("images/icon.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                .entry("images/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                .entry("META-INF/spring/plugin-context.xml", PLUGIN_CONTEXT)
                .entries(compiledEntries())
                .entry("META-INF/lib/helper.jar", helperJar(Map.of()));
    }

    /** A bundled library jar; its class holds the constant "failforward.helper.label". */
    static byte[] helperJar(Map<String, byte[]> extraEntries) {
        TestJar helper = new TestJar().withoutManifest()
                .entry("org/example/helper/Helper.class", classWithConstant("org/example/helper/Helper", "failforward.helper.label"))
                .entry("org/example/helper/messages.txt", "not a class".getBytes(StandardCharsets.UTF_8));
        extraEntries.forEach(helper::entry);
        return helper.bytes();
    }

    /** A class (generated with ASM) whose static method returns the given string constant. */
    static byte[] classWithConstant(String internalName, String constant) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "text", "()Ljava/lang/String;", null, null);
        method.visitCode();
        method.visitLdcInsn(constant);
        method.visitInsn(Opcodes.ARETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** An empty class file of any name (for forbidden-entry tests). */
    static byte[] emptyClass(String internalName) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT, internalName, null, "java/lang/Object", null);
        writer.visitEnd();
        return writer.toByteArray();
    }
}
