package dev.failforward.buildtools.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a plugin jar may import and must not contain.
 *
 * @param importAllowlist        package patterns a plugin may import: {@code a.b.c} is exactly that package,
 *                               {@code a.b.*} is {@code a.b} and every sub-package
 * @param forbiddenEntryPrefixes jar entry prefixes (with a trailing {@code /}) that must not be bundled, in the jar
 *                               or in a nested jar, because the host provides those classes
 */
public record PluginJarRules(List<String> importAllowlist, List<String> forbiddenEntryPrefixes) {

    /** Classpath resource (next to this class) with the Platform 8 import allowlist. */
    public static final String PLATFORM8_ALLOWLIST = "platform8-import-allowlist.txt";

    /** Host-provided code: Atlassian APIs and stand-ins, Active Objects, OSGi/PropertySet, Jakarta and javax APIs. */
    public static final List<String> DEFAULT_FORBIDDEN_PREFIXES =
            List.of("com/atlassian/", "net/java/ao/", "com/opensymphony/", "jakarta/", "javax/");

    private static final Pattern PATTERN =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*(\\.\\*)?");
    private static final String SOURCE_MARKER = "# source:";

    public PluginJarRules {
        importAllowlist = List.copyOf(importAllowlist);
        forbiddenEntryPrefixes = List.copyOf(forbiddenEntryPrefixes);
        for (String pattern : importAllowlist) {
            if (!PATTERN.matcher(pattern).matches()) {
                throw new IllegalArgumentException("bad import allowlist pattern '" + pattern + "'");
            }
        }
        for (String prefix : forbiddenEntryPrefixes) {
            if (prefix.isEmpty() || !prefix.endsWith("/") || prefix.startsWith("/")) {
                throw new IllegalArgumentException("a forbidden entry prefix looks like 'com/atlassian/', not '" + prefix + "'");
            }
        }
    }

    /** The bundled Platform 8 (Jira 11.3 / Confluence 10.2) allowlist and {@link #DEFAULT_FORBIDDEN_PREFIXES}. */
    public static PluginJarRules platform8() {
        return new PluginJarRules(parseAllowlist(readResource(PLATFORM8_ALLOWLIST)), DEFAULT_FORBIDDEN_PREFIXES);
    }

    /** These rules plus more allowed import patterns (e.g. a package one plugin knows to be exported). */
    public PluginJarRules withAllowedImports(String... patterns) {
        List<String> all = new ArrayList<>(importAllowlist);
        all.addAll(List.of(patterns));
        return new PluginJarRules(all, forbiddenEntryPrefixes);
    }

    /** Whether a package matches an allowlist pattern. */
    public boolean allowsImport(String packageName) {
        for (String pattern : importAllowlist) {
            if (pattern.endsWith(".*")) {
                String base = pattern.substring(0, pattern.length() - 2);
                if (packageName.equals(base) || packageName.startsWith(base + ".")) {
                    return true;
                }
            } else if (packageName.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses an allowlist file: one pattern per line, {@code #} starts a comment, blank lines are ignored, and every
     * pattern line must end with {@code # source: <where the export is documented>}.
     *
     * @throws IllegalArgumentException naming the line of an entry without a source
     */
    public static List<String> parseAllowlist(String text) {
        List<String> patterns = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int hash = line.indexOf('#');
            String pattern = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (pattern.isEmpty()) {
                continue;
            }
            int source = line.indexOf(SOURCE_MARKER);
            if (source < 0 || line.substring(source + SOURCE_MARKER.length()).isBlank()) {
                throw new IllegalArgumentException("allowlist line " + (i + 1) + " ('" + pattern
                        + "') has no '" + SOURCE_MARKER + " …' naming where the package is known to be exported");
            }
            patterns.add(pattern);
        }
        return patterns;
    }

    static String readResource(String name) {
        try (InputStream in = PluginJarRules.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + PluginJarRules.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
