package dev.failforward.buildtools.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for OSGi manifest headers such as {@code Import-Package} (OSGi Core, "Common Header Syntax"):
 * clauses separated by {@code ,}; within a clause, paths and parameters separated by {@code ;}; a parameter is
 * an attribute {@code name=value} or a directive {@code name:=value}; values may be double-quoted, and a quoted
 * value may contain {@code ,} {@code ;} {@code =} and backslash escapes ({@code version="[1.0,2.0)"}).
 */
public final class OsgiHeader {

    /**
     * One clause: its paths (package names for Import-Package), attributes and directives, in header order.
     * Attribute names keep a type suffix if the header has one ({@code version:Version}).
     */
    public record Clause(List<String> paths, Map<String, String> attributes, Map<String, String> directives) {
        public Clause {
            paths = List.copyOf(paths);
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            directives = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(directives));
        }
    }

    private OsgiHeader() {
    }

    /**
     * Parses a header value. A null or blank header has no clauses; empty clauses (",,") are skipped.
     *
     * @throws IllegalArgumentException on an unterminated quote, a parameter before any path, a parameter with
     *                                  an empty name, or a path containing whitespace
     */
    public static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null) {
            return clauses;
        }
        for (String clauseText : split(header, ',')) {
            if (clauseText.isBlank()) {
                continue;
            }
            List<String> paths = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clauseText, ';')) {
                String token = part.trim();
                int eq = indexOfUnquoted(token, '=');
                if (eq < 0) {
                    if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
                        throw new IllegalArgumentException("bad path '" + token + "' in clause '" + clauseText.trim() + "'");
                    }
                    if (!attributes.isEmpty() || !directives.isEmpty()) {
                        throw new IllegalArgumentException("path '" + token + "' after a parameter in clause '" + clauseText.trim() + "'");
                    }
                    paths.add(token);
                    continue;
                }
                boolean directive = eq > 0 && token.charAt(eq - 1) == ':';
                String name = token.substring(0, directive ? eq - 1 : eq).trim();
                String value = unquote(token.substring(eq + 1).trim());
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("parameter without a name in clause '" + clauseText.trim() + "'");
                }
                if (paths.isEmpty()) {
                    throw new IllegalArgumentException("parameter '" + name + "' before any path in clause '" + clauseText.trim() + "'");
                }
                (directive ? directives : attributes).put(name, value);
            }
            clauses.add(new Clause(paths, attributes, directives));
        }
        return clauses;
    }

    /** All paths of all clauses, in header order (the package names of an Import-Package header). */
    public static List<String> paths(String header) {
        List<String> paths = new ArrayList<>();
        for (Clause clause : parse(header)) {
            paths.addAll(clause.paths());
        }
        return paths;
    }

    /** Splits on a separator outside double quotes; a backslash escapes the next character inside quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in '" + text.trim() + "'");
        }
        parts.add(current.toString());
        return parts;
    }

    private static int indexOfUnquoted(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < value.length() - 1; i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length() - 1) {
                    c = value.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        return value;
    }
}
