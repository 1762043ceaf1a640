package dev.failforward.buildtools.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import dev.failforward.buildtools.verify.ClassScan.ClassInfo;

/**
 * Checks a built plugin jar for what Jira 11 / Confluence 10 would reject or silently break on (see
 * {@code reference/packaging.md}): the manifest of a transformerless plugin, the descriptor, i18n keys, the Spring
 * Scanner index, bundled host classes and Import-Package. Plugin modules call it from an integration test after
 * {@code package}; {@link #main} does the same from the command line.
 *
 * <p>Checks (the {@link Problem#check()} values):
 * <ol>
 *   <li>{@value #MANIFEST}: OSGi and Atlassian headers, plugin key = Bundle-SymbolicName = descriptor key;</li>
 *   <li>{@value #DESCRIPTOR}: well-formed, unique module keys, every {@code class}, {@code <resource>} and icon
 *       exists;</li>
 *   <li>{@value #I18N}: every key used in the descriptor, in {@code .vm}/{@code .js}/{@code .soy} files and as a
 *       {@code failforward.*} string constant in a class is in a declared i18n bundle;</li>
 *   <li>{@value #SCANNER_INDEX}: {@code META-INF/plugin-components/*} equals what the classes' annotations demand,
 *       is well formatted and loadable, and {@code plugin-context.xml} turns the scanner on;</li>
 *   <li>{@value #BUNDLED_CLASSES}: no host classes (or the scanner) inside the jar or its nested jars;</li>
 *   <li>{@value #IMPORT_PACKAGE}: no {@code java.*}, and every package on the {@link PluginJarRules} allowlist.</li>
 * </ol>
 */
public final class PluginJarVerifier {

    public static final String JAR = "jar";
    public static final String MANIFEST = "manifest";
    public static final String DESCRIPTOR = "descriptor";
    public static final String I18N = "i18n";
    public static final String SCANNER_INDEX = "scanner-index";
    public static final String BUNDLED_CLASSES = "bundled-classes";
    public static final String IMPORT_PACKAGE = "import-package";

    static final String DESCRIPTOR_FILE = "atlassian-plugin.xml";

    /** OSGi version as bnd writes it: major.minor.micro[.qualifier]. */
    private static final Pattern OSGI_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(\\.[A-Za-z0-9_-]+)?");
    private static final String SCANNER_CLASSES = "com/atlassian/plugin/spring/scanner/";
    private static final Pattern SCANNER_JAR = Pattern.compile("(^|.*/)atlassian-spring-scanner[^/]*\\.jar");

    private PluginJarVerifier() {
    }

    /** Verifies a jar; an empty list means the jar passed every check. Never throws for a bad jar. */
    public static List<Problem> verify(Path jar, PluginJarRules rules) {
        PluginJar contents;
        try {
            contents = PluginJar.read(jar);
        } catch (IOException | RuntimeException e) {
            return List.of(new Problem(JAR, "cannot read " + jar + " as a jar: " + e));
        }
        Verification v = new Verification(contents, rules);
        checkManifest(v);
        DescriptorChecks.descriptor(v);
        DescriptorChecks.i18n(v);
        ScannerIndexCheck.run(v);
        checkBundledClasses(v);
        checkImportPackage(v);
        return List.copyOf(v.problems);
    }

    /**
     * Command line: {@code PluginJarVerifier jar [jar…]} prints every problem (or "OK") per jar, with the Platform 8
     * rules, and exits 1 if any jar has a problem (2 on bad usage).
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: java " + PluginJarVerifier.class.getName() + " plugin.jar [plugin.jar …]");
            System.exit(2);
        }
        System.exit(run(List.of(args), PluginJarRules.platform8(), System.out));
    }

    /** What {@link #main} does, without exiting: returns the exit code. */
    static int run(List<String> jars, PluginJarRules rules, PrintStream out) {
        int exit = 0;
        for (String name : jars) {
            Path jar = Path.of(name);
            List<Problem> problems = Files.isRegularFile(jar) ? verify(jar, rules)
                    : List.of(new Problem(JAR, "no such file: " + jar));
            if (problems.isEmpty()) {
                out.println("OK " + jar);
            } else {
                exit = 1;
                out.println(jar + ": " + problems.size() + " problem(s)");
                problems.forEach(p -> out.println("  " + p));
            }
        }
        return exit;
    }

    // ----------------------------------------------------------------------------------------------------------------
    // shared state of one verification

    /** The jar plus what several checks need, computed once. */
    static final class Verification {
        final PluginJar jar;
        final PluginJarRules rules;
        final List<Problem> problems = new ArrayList<>();
        /** Packages in Import-Package (empty if it is absent or cannot be parsed). */
        final Set<String> importedPackages = new LinkedHashSet<>();
        /** The parsed descriptor, or null if it is missing or not well-formed. */
        final Document descriptor;
        /** The same descriptor read into typed modules by the one reader the preview uses too, or null. */
        final dev.failforward.buildtools.descriptor.PluginDescriptor plugin;
        final String descriptorError;
        /** Classes at the jar root (not under META-INF/), by binary name. */
        final Map<String, ClassInfo> classes = new LinkedHashMap<>();

        Verification(PluginJar jar, PluginJarRules rules) {
            this.jar = jar;
            this.rules = rules;
            try {
                importedPackages.addAll(OsgiHeader.paths(jar.header("Import-Package")));
            } catch (IllegalArgumentException e) {
                // reported by the import-package check
            }
            dev.failforward.buildtools.descriptor.PluginDescriptor parsed = null;
            String error = null;
            byte[] descriptorBytes = jar.entries.get(DESCRIPTOR_FILE);
            if (descriptorBytes == null) {
                error = DESCRIPTOR_FILE + " is missing at the jar root";
            } else {
                try {
                    parsed = dev.failforward.buildtools.descriptor.PluginDescriptor.parse(descriptorBytes);
                } catch (SAXException e) {
                    error = DESCRIPTOR_FILE + " is not well-formed: " + e.getMessage();
                }
            }
            plugin = parsed;
            descriptor = parsed == null ? null : parsed.document();
            descriptorError = error;
            for (Map.Entry<String, byte[]> entry : jar.entries.entrySet()) {
                String name = entry.getKey();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                    try {
                        ClassInfo info = ClassScan.read(entry.getValue());
                        classes.put(info.binaryName(), info);
                    } catch (RuntimeException e) {
                        problem(SCANNER_INDEX, name + " cannot be read as a class file: " + e);
                    }
                }
            }
        }

        void problem(String check, String message) {
            problems.add(new Problem(check, message));
        }

        /** The key attribute of {@code <atlassian-plugin>}, or null. */
        String descriptorKey() {
            if (descriptor == null) {
                return null;
            }
            String key = plugin.key();
            return key.isEmpty() ? null : key;
        }

        /**
         * Whether the plugin's class loader can load a class (binary name): it is in the jar (or on its
         * Bundle-ClassPath), it is a {@code java.*} class, or its package is imported.
         */
        boolean canLoad(String binaryName) {
            return binaryName.startsWith("java.") || jar.hasClass(binaryName)
                    || importedPackages.contains(packageOf(binaryName));
        }
    }

    static String packageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "" : binaryName.substring(0, dot);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // manifest

    private static void checkManifest(Verification v) {
        PluginJar jar = v.jar;
        if (jar.manifest == null) {
            v.problem(MANIFEST, jar.manifestError != null ? PluginJar.MANIFEST + " cannot be read: " + jar.manifestError
                    : PluginJar.MANIFEST + " is missing");
            return;
        }
        String manifestVersion = jar.header("Bundle-ManifestVersion");
        if (manifestVersion == null || !manifestVersion.trim().equals("2")) {
            v.problem(MANIFEST, "Bundle-ManifestVersion must be 2, is " + quoted(manifestVersion));
        }
        String bsnHeader = jar.header("Bundle-SymbolicName");
        String bsn = bsnHeader == null ? null : bsnHeader.split(";", 2)[0].trim();
        String key = jar.header("Atlassian-Plugin-Key");
        key = key == null ? null : key.trim();
        if (bsn == null || bsn.isEmpty()) {
            v.problem(MANIFEST, "Bundle-SymbolicName is missing");
        }
        if (key == null || key.isEmpty()) {
            v.problem(MANIFEST, "Atlassian-Plugin-Key is missing (without it the plugin is not transformerless)");
        } else {
            if (bsn != null && !bsn.isEmpty() && !bsn.equals(key)) {
                v.problem(MANIFEST, "Bundle-SymbolicName '" + bsn + "' differs from Atlassian-Plugin-Key '" + key + "'");
            }
            String descriptorKey = v.descriptorKey();
            if (descriptorKey != null && !descriptorKey.equals(key)) {
                v.problem(MANIFEST, "Atlassian-Plugin-Key '" + key + "' differs from the key '" + descriptorKey
                        + "' of <atlassian-plugin> in " + DESCRIPTOR_FILE + " (the host refuses to install it)");
            }
            if (key.startsWith("com.atlassian")) {
                v.problem(MANIFEST, "Atlassian-Plugin-Key '" + key + "' must not start with com.atlassian (reserved for Atlassian's own plugins)");
            }
        }
        String version = jar.header("Bundle-Version");
        if (version == null || !OSGI_VERSION.matcher(version.trim()).matches()) {
            v.problem(MANIFEST, "Bundle-Version must be an OSGi version major.minor.micro[.qualifier] (qualifier of A-Z a-z 0-9 _ -), is "
                    + quoted(version));
        }
        String springContext = jar.header("Spring-Context");
        if (springContext == null || springContext.isBlank()) {
            v.problem(MANIFEST, "Spring-Context is missing (use 'Spring-Context: *'; without it the plugin gets no Spring context)");
        }
        String exportPackage = jar.header("Export-Package");
        if (exportPackage != null && !exportPackage.isBlank()) {
            v.problem(MANIFEST, "Export-Package must be absent or empty, is '" + exportPackage.trim() + "'");
        }
        if (jar.header("Atlassian-Build-Date") == null) {
            v.problem(MANIFEST, "Atlassian-Build-Date is missing");
        }
        String requireCapability = jar.header("Require-Capability");
        if (requireCapability != null && requiresExecutionEnvironment(requireCapability)) {
            v.problem(MANIFEST, "Require-Capability has an osgi.ee requirement (set -noee: true in bnd): '" + requireCapability.trim() + "'");
        }
    }

    private static boolean requiresExecutionEnvironment(String header) {
        try {
            return OsgiHeader.parse(header).stream().anyMatch(c -> c.paths().contains("osgi.ee"));
        } catch (IllegalArgumentException e) {
            return header.contains("osgi.ee");
        }
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "'" + value.trim() + "'";
    }

    // ----------------------------------------------------------------------------------------------------------------
    // bundled classes

    private static void checkBundledClasses(Verification v) {
        checkEntries(v, "the jar", v.jar.entries, 0);
        for (Map.Entry<String, Map<String, byte[]>> nested : v.jar.nestedJars.entrySet()) {
            checkEntries(v, "nested jar " + nested.getKey(), nested.getValue(), 1);
        }
    }

    private static void checkEntries(Verification v, String container, Map<String, byte[]> entries, int depth) {
        List<String> scannerClasses = new ArrayList<>();
        Map<String, List<String>> forbidden = new LinkedHashMap<>();
        for (String name : entries.keySet()) {
            if (SCANNER_JAR.matcher(name).matches()) {
                v.problem(BUNDLED_CLASSES, container + " embeds " + name
                        + ": atlassian-spring-scanner must not be bundled (the host provides it; an embedded copy stops the plugin from enabling)");
            }
            if (name.startsWith(SCANNER_CLASSES)) {
                scannerClasses.add(name);
                continue;
            }
            for (String prefix : v.rules.forbiddenEntryPrefixes()) {
                if (name.startsWith(prefix)) {
                    forbidden.computeIfAbsent(prefix, p -> new ArrayList<>()).add(name);
                    break;
                }
            }
            if (depth > 0 && depth < 3 && name.endsWith(".jar")) {
                checkEntries(v, container + "!/" + name, PluginJar.readNested(entries.get(name)), depth + 1);
            }
        }
        if (!scannerClasses.isEmpty()) {
            v.problem(BUNDLED_CLASSES, container + " contains atlassian-spring-scanner classes (" + scannerClasses.size()
                    + ", e.g. " + scannerClasses.stream().sorted().findFirst().orElseThrow() + "): the scanner must not be bundled");
        }
        for (Map.Entry<String, List<String>> hits : forbidden.entrySet()) {
            List<String> names = hits.getValue().stream().sorted().toList();
            v.problem(BUNDLED_CLASSES, container + " contains " + names.size() + (names.size() == 1 ? " entry" : " entries")
                    + " under " + hits.getKey() + " (e.g. " + names.get(0) + "): the host provides these packages, use provided scope");
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Import-Package

    private static void checkImportPackage(Verification v) {
        String header = v.jar.header("Import-Package");
        if (header == null) {
            return;
        }
        List<String> packages;
        try {
            packages = OsgiHeader.paths(header);
        } catch (IllegalArgumentException e) {
            v.problem(IMPORT_PACKAGE, "Import-Package cannot be parsed: " + e.getMessage());
            return;
        }
        for (String pkg : packages) {
            if (pkg.equals("java") || pkg.startsWith("java.")) {
                v.problem(IMPORT_PACKAGE, pkg + ": java.* packages must not be imported (set -noimportjava: true in bnd)");
            } else if (!v.rules.allowsImport(pkg)) {
                v.problem(IMPORT_PACKAGE, pkg + ": not on the import allowlist (not known to be exported to third-party plugins"
                        + " on Platform 8; bundle the library or add the package with a source)");
            }
        }
    }
}
