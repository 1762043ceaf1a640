package dev.failforward.core.importing.tabular;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CSV or JSON export read into rows of column → text, before any mapping. Column names are unique: a CSV header
 * written twice (Jira exports repeat "Labels", "Comment", …) gives {@code Labels}, {@code Labels (2)}, … in order.
 *
 * @param format   {@code "csv"} or {@code "json"}
 * @param headers  the column names in file order (for JSON, the flattened paths in order of first appearance)
 * @param rows     the data rows; blank CSV lines are left out
 * @param problems what made the file or a row hard to read (the table may still hold rows)
 */
public record TabularData(String format, List<String> headers, List<Row> rows, List<Problem> problems) {

    public TabularData {
        Objects.requireNonNull(format, "format");
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /**
     * One data row.
     *
     * @param number the 1-based row number among the data rows (the header is not counted)
     * @param line   the 1-based line of the file where the row starts
     * @param values column → text, the empty string for an empty cell; columns the row lacks are absent
     */
    public record Row(int number, int line, Map<String, String> values) {

        public Row {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The stripped text of a column, or {@code null} when absent or blank. */
        public String get(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /**
     * A problem of the whole file ({@code row} 0) or of one row.
     *
     * @param fatal {@code true} when no row at all could be read
     */
    public record Problem(int row, int line, String message, boolean fatal) {
    }
}
