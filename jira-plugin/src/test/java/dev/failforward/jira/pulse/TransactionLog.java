package dev.failforward.jira.pulse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database's own transaction log, read back as committed transactions of row changes to the plugin's tables:
 * <ul>
 * <li>HSQLDB's {@code .log} file (a file database writes every committed change there as SQL — {@code INSERT INTO T
 * VALUES(…)}, {@code DELETE FROM T WHERE …} — then {@code COMMIT}, each session's lines after a {@code /*Cn*}{@code /}
 * marker);</li>
 * <li>PostgreSQL's write-ahead log through logical decoding with the {@code test_decoding} output plugin
 * ({@code BEGIN xid}, {@code table public."T": INSERT: "COL"[type]:value …}, {@code COMMIT xid}).</li>
 * </ul>
 * Tables are named without the plugin's {@code AO_xxxxxx_} prefix; values are the literals' text (strings unquoted).
 */
final class TransactionLog {

    record Change(String op, String table, Map<String, String> values) {
    }

    record Tx(List<Change> changes) {
        boolean touches(String table) {
            return changes.stream().anyMatch(c -> c.table().equals(table));
        }

        List<Change> of(String table, String op) {
            return changes.stream().filter(c -> c.table().equals(table) && c.op().equals(op)).toList();
        }
    }

    private static final Pattern HSQLDB_SESSION = Pattern.compile("^/\\*C(\\d+)\\*/(.*)$");
    private static final Pattern HSQLDB_INSERT = Pattern.compile("^INSERT INTO (\\S+) VALUES\\((.*)\\)$");
    private static final Pattern HSQLDB_DELETE = Pattern.compile("^DELETE FROM (\\S+) WHERE (.*)$");
    private static final Pattern DECODED = Pattern.compile("^table [^.]+\\.\"?([^\":]+)\"?: (INSERT|UPDATE|DELETE): (.*)$");
    private static final Pattern DECODED_COLUMN = Pattern.compile("\"?([A-Za-z0-9_]+)\"?\\[[^\\]]+\\]:");

    private TransactionLog() {
    }

    /**
     * Committed transactions of an HSQLDB {@code .log}, in commit order, keeping the changes of tables starting with
     * {@code prefix}; {@code columns} gives each table's columns in their order (INSERT lines carry no names).
     */
    static List<Tx> hsqldb(List<String> lines, String prefix, Map<String, List<String>> columns) {
        List<Tx> committed = new ArrayList<>();
        Map<String, List<Change>> open = new HashMap<>();
        String session = "";
        for (String raw : lines) {
            String line = raw;
            Matcher marker = HSQLDB_SESSION.matcher(line);
            if (marker.matches()) {
                session = marker.group(1);
                line = marker.group(2);
            }
            List<Change> changes = open.computeIfAbsent(session, s -> new ArrayList<>());
            if (line.equals("COMMIT")) {
                if (!changes.isEmpty()) {
                    committed.add(new Tx(List.copyOf(changes)));
                }
                changes.clear();
            } else if (line.equals("ROLLBACK")) {
                changes.clear();
            } else {
                Matcher insert = HSQLDB_INSERT.matcher(line);
                Matcher delete = HSQLDB_DELETE.matcher(line);
                if (insert.matches() && insert.group(1).startsWith(prefix)) {
                    String table = insert.group(1).substring(prefix.length());
                    List<String> values = literals(insert.group(2), ',');
                    List<String> names = columns.get(table);
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < values.size(); i++) {
                        row.put(names.get(i), values.get(i));
                    }
                    changes.add(new Change("INSERT", table, row));
                } else if (delete.matches() && delete.group(1).startsWith(prefix)) {
                    Map<String, String> where = new LinkedHashMap<>();
                    for (String condition : delete.group(2).split(" AND ")) {
                        int eq = condition.indexOf('=');
                        where.put(condition.substring(0, eq).trim(), literals(condition.substring(eq + 1), ',').get(0));
                    }
                    changes.add(new Change("DELETE", delete.group(1).substring(prefix.length()), where));
                }
            }
        }
        return committed;
    }

    /** Committed transactions of {@code test_decoding} output ({@code include-xids}), keeping tables with {@code prefix}. */
    static List<Tx> testDecoding(List<String> rows, String prefix) {
        List<Tx> committed = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (String row : rows) {
            if (row.startsWith("BEGIN")) {
                changes.clear();
            } else if (row.startsWith("COMMIT")) {
                if (!changes.isEmpty()) {
                    committed.add(new Tx(List.copyOf(changes)));
                }
                changes.clear();
            } else {
                Matcher decoded = DECODED.matcher(row);
                if (decoded.matches() && decoded.group(1).startsWith(prefix)) {
                    changes.add(new Change(decoded.group(2), decoded.group(1).substring(prefix.length()),
                            decodedValues(decoded.group(3))));
                }
            }
        }
        return committed;
    }

    /** {@code "COL"[type]:value "COL2"[type]:'text' …} */
    private static Map<String, String> decodedValues(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            Matcher column = DECODED_COLUMN.matcher(text);
            if (!column.find(i) || column.start() != i) {
                break;
            }
            int start = column.end();
            int end;
            String value;
            if (text.charAt(start) == '\'') {
                StringBuilder literal = new StringBuilder();
                end = start + 1;
                while (true) {
                    char c = text.charAt(end);
                    if (c == '\'' && end + 1 < text.length() && text.charAt(end + 1) == '\'') {
                        literal.append('\'');
                        end += 2;
                    } else if (c == '\'') {
                        end++;
                        break;
                    } else {
                        literal.append(c);
                        end++;
                    }
                }
                value = literal.toString();
            } else {
                end = text.indexOf(' ', start);
                end = end < 0 ? text.length() : end;
                value = text.substring(start, end);
            }
            values.put(column.group(1), value);
            i = end;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
        }
        return values;
    }

    /** SQL literals separated by {@code separator}: 'text' (with '' inside), numbers, NULL. */
    private static List<String> literals(String text, char separator) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    current.append('\'');
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                values.add(wasQuoted ? current.toString() : current.toString().trim());
                current.setLength(0);
                wasQuoted = false;
            } else {
                current.append(c);
            }
        }
        values.add(wasQuoted ? current.toString() : current.toString().trim());
        return values;
    }
}
