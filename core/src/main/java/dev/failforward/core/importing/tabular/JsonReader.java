package dev.failforward.core.importing.tabular;

import dev.failforward.core.importing.tabular.TabularData.Problem;
import dev.failforward.core.importing.tabular.TabularData.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON export into rows: the top level is an array of objects, or an object with exactly one array member
 * ({@code {"incidents": [...]}}, other members such as paging data being scalars or objects). Core has no JSON
 * library, so this is a small strict parser (RFC 8259: no comments, no trailing commas, no single quotes) that
 * remembers the line each value starts on.
 *
 * <p>Each object is flattened: nested objects give dotted paths ({@code fields.severity}); an array of scalars gives
 * one cell with the values one per line (a list column); an array of objects gives, for each path inside, one cell
 * {@code follow_ups[].title} with the values one per line. Numbers keep their written form, {@code true}/
 * {@code false} are text, {@code null} is an empty cell.
 */
final class JsonReader {

    /** Deeper nesting is refused: exports are a few levels deep, more is an attack or not an export. */
    static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private int line = 1;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    static TabularData read(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<Problem> problems = new ArrayList<>();
        Object root;
        JsonReader reader = new JsonReader(text);
        try {
            reader.skipSpace();
            root = reader.value();
            reader.skipSpace();
            if (reader.pos < text.length()) {
                throw reader.error("unexpected text after the JSON value");
            }
        } catch (JsonException e) {
            problems.add(new Problem(0, e.line, "the file is not valid JSON: " + e.getMessage() + " (line " + e.line
                    + ")", true));
            return new TabularData("json", List.of(), List.of(), problems);
        }
        List<?> items = items(root, problems);
        if (items == null) {
            return new TabularData("json", List.of(), List.of(), problems);
        }
        Set<String> headers = new LinkedHashSet<>();
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (Object item : items) {
            number++;
            Located located = (Located) item;
            if (!(located.value instanceof Map<?, ?> object)) {
                problems.add(new Problem(number, located.line, "row " + number + " is not an object; skipped",
                        false));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            flatten("", object, values);
            headers.addAll(values.keySet());
            rows.add(new Row(number, located.line, values));
        }
        if (items.isEmpty()) {
            problems.add(new Problem(0, 1, "the JSON array holds no incidents", true));
        } else if (rows.isEmpty()) {
            problems.add(new Problem(0, 1, "the JSON array holds no objects", true));
        }
        return new TabularData("json", new ArrayList<>(headers), rows, problems);
    }

    private static List<?> items(Object root, List<Problem> problems) {
        Object value = ((Located) root).value;
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            List<String> arrays = new ArrayList<>();
            List<?> found = null;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (((Located) e.getValue()).value instanceof List<?> list) {
                    arrays.add((String) e.getKey());
                    found = list;
                }
            }
            if (arrays.size() == 1) {
                return found;
            }
            problems.add(new Problem(0, 1, arrays.isEmpty()
                    ? "the JSON object has no array of incidents; expected [...] or {\"incidents\": [...]}"
                    : "the JSON object has several arrays (" + String.join(", ", arrays)
                            + "); expected exactly one array of incidents", true));
            return null;
        }
        problems.add(new Problem(0, 1, "the JSON is a single value; expected an array of incidents", true));
        return null;
    }

    private static void flatten(String prefix, Map<?, ?> object, Map<String, String> into) {
        for (Map.Entry<?, ?> e : object.entrySet()) {
            String path = prefix.isEmpty() ? (String) e.getKey() : prefix + "." + e.getKey();
            put(path, ((Located) e.getValue()).value, into);
        }
    }

    private static void put(String path, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            flatten(path, map, into);
        } else if (value instanceof List<?> list) {
            Map<String, List<String>> joined = new LinkedHashMap<>();
            for (Object o : list) {
                Object v = ((Located) o).value;
                if (v instanceof Map<?, ?> || v instanceof List<?>) {
                    Map<String, String> inner = new LinkedHashMap<>();
                    put(path + "[]", v, inner);
                    inner.forEach((k, x) -> {
                        if (!x.isEmpty()) {
                            joined.computeIfAbsent(k, z -> new ArrayList<>()).add(x);
                        }
                    });
                } else if (v != null) {
                    joined.computeIfAbsent(path, z -> new ArrayList<>()).add(v.toString());
                }
            }
            if (joined.isEmpty()) {
                into.put(path, "");
            }
            joined.forEach((k, v) -> into.put(k, String.join("\n", v)));
        } else {
            into.put(path, value == null ? "" : value.toString());
        }
    }

    // ---- the parser: values are wrapped in Located so rows know their line ------------------------------------

    private record Located(Object value, int line) {
    }

    private static final class JsonException extends Exception {
        private final int line;

        JsonException(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    private JsonException error(String message) {
        return new JsonException(message, line);
    }

    private Located value() throws JsonException {
        if (pos >= text.length()) {
            throw error("unexpected end of the file");
        }
        int at = line;
        char c = text.charAt(pos);
        Object v;
        switch (c) {
            case '{' -> v = object();
            case '[' -> v = array();
            case '"' -> v = string();
            case 't' -> v = literal("true", "true");
            case 'f' -> v = literal("false", "false");
            case 'n' -> v = literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    v = number();
                } else {
                    throw error("unexpected character '" + c + "'");
                }
            }
        }
        return new Located(v, at);
    }

    private Map<String, Located> object() throws JsonException {
        enter();
        pos++;
        Map<String, Located> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a member name in quotes");
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            if (map.containsKey(key)) {
                throw error("the member \"" + key + "\" is written twice");
            }
            map.put(key, value());
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return map;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Located> array() throws JsonException {
        enter();
        pos++;
        List<Located> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value());
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private void enter() throws JsonException {
        if (++depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private String string() throws JsonException {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("a string is never closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("a control character inside a string (write \\n for a line break)");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("a string is never closed");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length() || !text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                        throw error("a \\u escape needs four hex digits");
                    }
                    sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw error("an unknown escape \\" + e);
            }
        }
    }

    private String number() throws JsonException {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String n = text.substring(start, pos);
        if (!n.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
            throw error("\"" + n + "\" is not a JSON number");
        }
        return n;
    }

    private Object literal(String word, Object value) throws JsonException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected text; expected " + word);
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() throws JsonException {
        if (pos >= text.length()) {
            throw error("unexpected end of the file");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }
}
