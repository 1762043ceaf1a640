package dev.failforward.buildtools.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PluginJarRulesTest {

    private static final PluginJarRules PLATFORM8 = PluginJarRules.platform8();

    @Test
    void everyAllowlistEntryNamesItsSource() {
        String text = PluginJarRules.readResource(PluginJarRules.PLATFORM8_ALLOWLIST);
        int entries = 0;
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            entries++;
            assertThat(stripped).as("allowlist entry").matches("[a-z0-9.]+(\\.\\*)?\\s+# source: \\S.*");
            String source = stripped.substring(stripped.indexOf("# source:") + "# source:".length());
            // the reference sections, or a public source checked with the search tool (named repository or page; Atlassian's
            // own module-usage wiki says which platform modules a product release ships)
            assertThat(source).as("source of " + stripped).containsAnyOf("packaging.md §", "atlassian-api.md §", "developer.atlassian.com", "ngannk-fptu/Decompiled-Files",
                    "bitbucket.org/atlassian/platform-module-usage");
        }
        assertThat(entries).isEqualTo(PLATFORM8.importAllowlist().size()).isGreaterThan(25);
    }

    @Test
    void anEntryWithoutASourceIsRefused() {
        assertThatThrownBy(() -> PluginJarRules.parseAllowlist("# header\norg.slf4j # source: BOOT\ncom.google.common.*\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowlist line 3 ('com.google.common.*') has no '# source: …'");
        assertThatThrownBy(() -> PluginJarRules.parseAllowlist("org.slf4j # source:   \n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PluginJarRules.parseAllowlist("\n# only comments # source: x\n  org.slf4j   # source: BOOT  \n")).containsExactly("org.slf4j");
    }

    @Test
    void patternSemantics() {
        PluginJarRules rules = new PluginJarRules(List.of("a.b.*", "c.d"), List.of());
        assertThat(rules.allowsImport("a.b")).isTrue();
        assertThat(rules.allowsImport("a.b.c.d")).isTrue();
        assertThat(rules.allowsImport("a.bc")).isFalse();
        assertThat(rules.allowsImport("a")).isFalse();
        assertThat(rules.allowsImport("c.d")).isTrue();
        assertThat(rules.allowsImport("c.d.e")).isFalse();
        assertThat(rules.withAllowedImports("c.d.e").allowsImport("c.d.e")).isTrue();
    }

    @Test
    void badRulesAreRefused() {
        assertThatThrownBy(() -> new PluginJarRules(List.of("a.*.b"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PluginJarRules(List.of("*"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PluginJarRules(List.of(), List.of("com/atlassian"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jakarta.ws.rs", "jakarta.ws.rs.core", "jakarta.inject", "jakarta.servlet", "jakarta.servlet.http",
            "org.springframework.beans.factory", "org.osgi.framework", "org.slf4j", "com.fasterxml.jackson.annotation",
            "com.fasterxml.jackson.core", "com.fasterxml.jackson.databind", "com.fasterxml.jackson.databind.node", "org.apache.commons.lang3",
            "net.java.ao", "net.java.ao.schema", "com.atlassian.activeobjects.external", "com.atlassian.activeobjects.tx",
            "com.atlassian.sal.api", "com.atlassian.sal.api.user", "com.atlassian.templaterenderer", "com.atlassian.event.api",
            "com.atlassian.plugin.spring.scanner.annotation.imports", "com.atlassian.plugins.rest.api.security.annotation",
            "com.atlassian.annotations.security", "com.atlassian.jira.issue", "com.atlassian.jira.plugin.webfragment.conditions",
            "com.opensymphony.workflow", "com.opensymphony.workflow.loader", "com.opensymphony.module.propertyset",
            "com.atlassian.confluence.macro", "com.atlassian.applinks.api", "com.atlassian.applinks.api.application.jira",
            "com.atlassian.gadgets.dashboard"})
    void platform8AllowsThePublicApi(String pkg) {
        assertThat(PLATFORM8.allowsImport(pkg)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.google.common.base", "com.google.common", "org.apache.velocity", "org.apache.velocity.app",
            "org.codehaus.jackson", "org.codehaus.jackson.map", "java.lang", "javax.inject", "javax.ws.rs",
            "com.atlassian.plugin.spring.scanner.runtime", "org.eclipse.gemini.blueprint",
            "io.atlassian.fugue", "org.apache.commons.lang"})
    void platform8RefusesWhatIsNotExported(String pkg) {
        assertThat(PLATFORM8.allowsImport(pkg)).isFalse();
    }

    @Test
    void platform8ForbidsHostClassesInTheJar() {
        assertThat(PLATFORM8.forbiddenEntryPrefixes())
                .containsExactly("com/atlassian/", "net/java/ao/", "com/opensymphony/", "jakarta/", "javax/");
    }
}
