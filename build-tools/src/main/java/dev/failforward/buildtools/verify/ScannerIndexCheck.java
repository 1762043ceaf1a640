package dev.failforward.buildtools.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.objectweb.asm.Type;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import dev.failforward.buildtools.verify.ClassScan.Annotation;
import dev.failforward.buildtools.verify.ClassScan.ClassInfo;
import dev.failforward.buildtools.verify.ClassScan.Target;
import dev.failforward.buildtools.verify.PluginJarVerifier.Verification;

/**
 * The {@value PluginJarVerifier#SCANNER_INDEX} check: computes the Spring Scanner index from the jar's bytecode,
 * independently of the annotation processor, and compares it with {@code META-INF/plugin-components/*}.
 */
final class ScannerIndexCheck {

    static final String INDEX_DIR = "META-INF/plugin-components/";
    static final String PLUGIN_CONTEXT = "META-INF/spring/plugin-context.xml";
    static final String SCANNER_NAMESPACE = "http://www.atlassian.com/schema/atlassian-scanner/2";

    private static final String COMPONENT = "org.springframework.stereotype.Component";
    private static final Set<String> COMPONENTS = Set.of("jakarta.inject.Named", "javax.inject.Named", COMPONENT);
    /** Host annotations meta-annotated with @Component (Spring 6); their class files are not in a plugin jar. */
    private static final Set<String> HOST_STEREOTYPES = Set.of(
            "org.springframework.stereotype.Service", "org.springframework.stereotype.Repository",
            "org.springframework.stereotype.Controller", "org.springframework.context.annotation.Configuration",
            "org.springframework.web.bind.annotation.RestController", "org.springframework.web.bind.annotation.ControllerAdvice",
            "org.springframework.web.bind.annotation.RestControllerAdvice");
    private static final String SCANNER = "com.atlassian.plugin.spring.scanner.annotation.";
    private static final String COMPONENT_IMPORT = SCANNER + "imports.ComponentImport";
    private static final Map<String, String> EXPORTS = Map.of(
            SCANNER + "export.ExportAsService", "exports",
            SCANNER + "export.ExportAsDevService", "dev-exports");
    private static final Pattern PRODUCT = Pattern.compile(Pattern.quote(SCANNER)
            + "(component|imports)\\.(Jira|Confluence|Bamboo|Bitbucket|Stash|Crowd|Fecru|Refapp)(Component|Import)");

    private ScannerIndexCheck() {
    }

    static void run(Verification v) {
        Map<String, SortedSet<String>> expected = expected(v);
        Map<String, List<String>> actual = actual(v);

        Set<String> files = new TreeSet<>(expected.keySet());
        files.addAll(actual.keySet());
        for (String file : files) {
            Set<String> want = expected.getOrDefault(file, new TreeSet<>());
            Set<String> have = new TreeSet<>(actual.getOrDefault(file, List.of()));
            for (String line : want) {
                if (!have.contains(line)) {
                    v.problem(PluginJarVerifier.SCANNER_INDEX, INDEX_DIR + file + ": missing line '" + line + "'");
                }
            }
            for (String line : have) {
                if (!want.contains(line)) {
                    v.problem(PluginJarVerifier.SCANNER_INDEX, INDEX_DIR + file + ": extra line '" + line
                            + "' (no class in the jar has the annotation for it)");
                }
            }
        }
        checkLoadable(v, actual);

        boolean hasComponents = files.stream().filter(f -> f.equals("component") || f.startsWith("component-"))
                .anyMatch(f -> !expected.getOrDefault(f, new TreeSet<>()).isEmpty() || !actual.getOrDefault(f, List.of()).isEmpty());
        if (hasComponents) {
            checkPluginContext(v);
        }
    }

    /** Index lines the annotations in the jar's classes demand, by file name. */
    private static Map<String, SortedSet<String>> expected(Verification v) {
        Map<String, SortedSet<String>> index = new TreeMap<>();
        for (ClassInfo info : v.classes.values()) {
            boolean component = false;
            if (!info.isAnnotation() && !info.binaryName().endsWith("package-info")) {
                for (Annotation annotation : info.annotations()) {
                    String file = componentFile(v, annotation.className());
                    if (file == null) {
                        continue;
                    }
                    component = true;
                    if (info.isAbstractOrInterface()) {
                        v.problem(PluginJarVerifier.SCANNER_INDEX, info.binaryName() + " is annotated @" + simpleName(annotation)
                                + " but is an interface or abstract class (a component must be a concrete class)");
                        continue;
                    }
                    add(index, file, withValue(info.binaryName(), annotation.values().get("value")));
                }
                for (Annotation annotation : info.annotations()) {
                    String file = EXPORTS.get(annotation.className());
                    if (file == null) {
                        continue;
                    }
                    if (!component) {
                        v.problem(PluginJarVerifier.SCANNER_INDEX, info.binaryName() + " is annotated @" + simpleName(annotation)
                                + " but is not a component (the scanner runtime only exports beans)");
                        continue;
                    }
                    List<String> interfaces = new ArrayList<>();
                    Object value = annotation.values().get("value");
                    for (Object item : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
                        if (item instanceof Type type) {
                            interfaces.add(type.getClassName());
                        }
                    }
                    add(index, file, interfaces.isEmpty() ? info.binaryName() : info.binaryName() + "#" + String.join(",", interfaces));
                }
            }
            for (Target target : info.targets()) {
                String file = importFile(v, target.annotation().className());
                if (file == null) {
                    continue;
                }
                if (target.type().getSort() != Type.OBJECT) {
                    v.problem(PluginJarVerifier.SCANNER_INDEX, "@" + simpleName(target.annotation()) + " on " + target.where()
                            + " of type " + target.type().getClassName() + ": an imported service must have a class or interface type");
                    continue;
                }
                add(index, file, withValue(target.type().getClassName(), target.annotation().values().get("value")));
            }
        }
        return index;
    }

    private static String componentFile(Verification v, String annotation) {
        Matcher product = PRODUCT.matcher(annotation);
        if (product.matches()) {
            return product.group(1).equals("component") && product.group(3).equals("Component")
                    ? "component-" + product.group(2).toLowerCase(Locale.ROOT) : null;
        }
        return COMPONENTS.contains(annotation) || HOST_STEREOTYPES.contains(annotation)
                || metaAnnotated(v, annotation, COMPONENT, new HashSet<>()) ? "component" : null;
    }

    private static String importFile(Verification v, String annotation) {
        Matcher product = PRODUCT.matcher(annotation);
        if (product.matches()) {
            return product.group(1).equals("imports") && product.group(3).equals("Import")
                    ? "imports-" + product.group(2).toLowerCase(Locale.ROOT) : null;
        }
        return annotation.equals(COMPONENT_IMPORT) || metaAnnotated(v, annotation, COMPONENT_IMPORT, new HashSet<>()) ? "imports" : null;
    }

    /** Whether an annotation type in the jar carries the target annotation, directly or through others. */
    private static boolean metaAnnotated(Verification v, String annotation, String target, Set<String> seen) {
        ClassInfo type = v.classes.get(annotation);
        if (type == null || !type.isAnnotation() || !seen.add(annotation)) {
            return false;
        }
        for (Annotation meta : type.annotations()) {
            String name = meta.className();
            if (PRODUCT.matcher(name).matches()) {
                continue;
            }
            if (name.equals(target) || (target.equals(COMPONENT) && HOST_STEREOTYPES.contains(name))
                    || metaAnnotated(v, name, target, seen)) {
                return true;
            }
        }
        return false;
    }

    /** The index files in the jar, by file name, with their lines (format problems reported, lines normalized). */
    private static Map<String, List<String>> actual(Verification v) {
        Map<String, List<String>> files = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : v.jar.entries.entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(INDEX_DIR)) {
                continue;
            }
            String file = name.substring(INDEX_DIR.length());
            if (file.contains("/") || file.equals("metadata.properties")) {
                continue; // profile-<name>/ indexes are only read with <scan-indexes profile="…">; metadata is unused
            }
            String text = new String(entry.getValue(), StandardCharsets.UTF_8);
            if (text.indexOf('\r') >= 0) {
                v.problem(PluginJarVerifier.SCANNER_INDEX, name + ": contains CR characters (lines must end with \\n only)");
                text = text.replace("\r", "");
            }
            List<String> lines = new ArrayList<>();
            String[] raw = text.split("\n", -1);
            int count = text.endsWith("\n") ? raw.length - 1 : raw.length;
            for (int i = 0; i < count; i++) {
                String line = raw[i];
                if (line.isBlank()) {
                    v.problem(PluginJarVerifier.SCANNER_INDEX, name + ": line " + (i + 1) + " is blank");
                    continue;
                }
                if (!line.equals(line.strip())) {
                    v.problem(PluginJarVerifier.SCANNER_INDEX, name + ": line " + (i + 1)
                            + " has leading or trailing whitespace (the runtime does not trim lines)");
                    line = line.strip();
                }
                lines.add(line);
            }
            files.put(file, lines);
        }
        return files;
    }

    /** Every class an index line names must be loadable by the plugin's class loader. */
    private static void checkLoadable(Verification v, Map<String, List<String>> actual) {
        for (Map.Entry<String, List<String>> file : actual.entrySet()) {
            String name = file.getKey();
            for (String line : file.getValue()) {
                String[] typeAndRest = line.split("#", 2);
                String type = typeAndRest[0];
                if (name.equals("component") || name.startsWith("component-") || name.equals("primary-component")
                        || name.equals("exports") || name.equals("dev-exports")) {
                    if (!v.jar.hasClass(type)) {
                        v.problem(PluginJarVerifier.SCANNER_INDEX, INDEX_DIR + name + ": class " + type + " is not in the jar");
                    }
                } else if (name.equals("imports") || name.startsWith("imports-")) {
                    requireLoadable(v, name, type);
                }
                if ((name.equals("exports") || name.equals("dev-exports")) && typeAndRest.length > 1) {
                    for (String iface : typeAndRest[1].split(",")) {
                        requireLoadable(v, name, iface.trim());
                    }
                }
            }
        }
    }

    private static void requireLoadable(Verification v, String file, String type) {
        if (!v.canLoad(type)) {
            v.problem(PluginJarVerifier.SCANNER_INDEX, INDEX_DIR + file + ": " + type + " is not in the jar and its package '"
                    + PluginJarVerifier.packageOf(type) + "' is not in Import-Package (the runtime skips it: 'Unable to load class')");
        }
    }

    private static void checkPluginContext(Verification v) {
        byte[] bytes = v.jar.entries.get(PLUGIN_CONTEXT);
        if (bytes == null) {
            v.problem(PluginJarVerifier.SCANNER_INDEX, PLUGIN_CONTEXT + " is missing: without <atlassian-scanner:scan-indexes/> the index is never read");
            return;
        }
        Document document;
        try {
            document = Xml.parse(bytes);
        } catch (SAXException e) {
            v.problem(PluginJarVerifier.SCANNER_INDEX, PLUGIN_CONTEXT + " is not well-formed: " + e.getMessage());
            return;
        }
        if (document.getElementsByTagNameNS(SCANNER_NAMESPACE, "scan-indexes").getLength() == 0) {
            v.problem(PluginJarVerifier.SCANNER_INDEX, PLUGIN_CONTEXT + " has no <scan-indexes> element in namespace " + SCANNER_NAMESPACE);
        }
    }

    private static void add(Map<String, SortedSet<String>> index, String file, String line) {
        index.computeIfAbsent(file, f -> new TreeSet<>()).add(line);
    }

    private static String withValue(String name, Object value) {
        return value instanceof String s && !s.isBlank() ? name + "#" + s.trim() : name;
    }

    private static String simpleName(Annotation annotation) {
        String name = annotation.className();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
