package dev.failforward.buildtools.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-only stand-ins with the exact names of the annotations and host types the scanner index is about
 * (members as in atlassian-api.md §2.2; the real ones are not on Maven Central).
 */
public final class Stubs {

    private Stubs() {
    }

    private static final String SCANNER = "com.atlassian.plugin.spring.scanner.annotation.";

    /** Annotation and host type sources, keyed by class name. */
    public static Map<String, String> all() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("jakarta.inject.Named", annotation("jakarta.inject", "Named", "", "String value() default \"\";"));
        s.put("jakarta.inject.Inject", annotation("jakarta.inject", "Inject", "", ""));
        s.put("javax.inject.Named", annotation("javax.inject", "Named", "", "String value() default \"\";"));
        s.put("org.springframework.stereotype.Component",
                annotation("org.springframework.stereotype", "Component", "", "String value() default \"\";"));
        s.put("org.springframework.stereotype.Service",
                annotation("org.springframework.stereotype", "Service", "@Component", "String value() default \"\";"));
        s.put(SCANNER + "imports.ComponentImport", annotation(SCANNER + "imports", "ComponentImport", "", "String value() default \"\";"));
        s.put(SCANNER + "imports.JiraImport", annotation(SCANNER + "imports", "JiraImport", "@ComponentImport", "String value() default \"\";"));
        s.put(SCANNER + "imports.ConfluenceImport",
                annotation(SCANNER + "imports", "ConfluenceImport", "@ComponentImport", "String value() default \"\";"));
        s.put(SCANNER + "component.JiraComponent", annotation(SCANNER + "component", "JiraComponent",
                "@org.springframework.stereotype.Component", "String value() default \"\";"));
        s.put(SCANNER + "component.ConfluenceComponent", annotation(SCANNER + "component", "ConfluenceComponent",
                "@org.springframework.stereotype.Component", "String value() default \"\";"));
        s.put(SCANNER + "export.ExportAsService", annotation(SCANNER + "export", "ExportAsService", "", "Class<?>[] value() default {};"));
        s.put(SCANNER + "export.ExportAsDevService", annotation(SCANNER + "export", "ExportAsDevService", "", "Class<?>[] value() default {};"));
        s.put("com.atlassian.sal.api.lifecycle.LifecycleAware", type("com.atlassian.sal.api.lifecycle", "interface LifecycleAware { void onStart(); void onStop(); }"));
        s.put("com.atlassian.sal.api.user.UserManager", type("com.atlassian.sal.api.user", "interface UserManager {}"));
        s.put("com.atlassian.sal.api.pluginsettings.PluginSettingsFactory", type("com.atlassian.sal.api.pluginsettings", "interface PluginSettingsFactory {}"));
        s.put("com.atlassian.event.api.EventPublisher", type("com.atlassian.event.api", "interface EventPublisher {}"));
        s.put("com.atlassian.jira.security.JiraAuthenticationContext", type("com.atlassian.jira.security", "interface JiraAuthenticationContext {}"));
        s.put("com.atlassian.confluence.pages.PageManager", type("com.atlassian.confluence.pages", "interface PageManager {}"));
        return s;
    }

    /** The stubs plus more sources. */
    public static Map<String, String> with(Map<String, String> sources) {
        Map<String, String> all = all();
        all.putAll(sources);
        return all;
    }

    private static String annotation(String pkg, String name, String meta, String members) {
        return "package " + pkg + ";\n"
                + "import java.lang.annotation.*;\n"
                + "@Retention(RetentionPolicy.RUNTIME) " + meta + "\n"
                + "public @interface " + name + " { " + members + " }\n";
    }

    private static String type(String pkg, String declaration) {
        return "package " + pkg + ";\npublic " + declaration + "\n";
    }
}
