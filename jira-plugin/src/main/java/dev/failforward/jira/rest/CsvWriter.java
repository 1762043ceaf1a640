package dev.failforward.jira.rest;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV as RFC 4180 describes it: comma-separated, CRLF line ends, a field quoted (with {@code "} doubled) when
 * it contains a comma, quote, CR or LF.
 *
 * <p><b>Formula injection:</b> a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or CR,
 * which some spreadsheets skip before those) is prefixed with a single quote, so a spreadsheet shows the text instead
 * of running it as a formula (OWASP "CSV Injection"). User text reaches the export (summaries, learnings, action items),
 * so every cell goes through this.
 */
final class CsvWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** One cell, defused and quoted as needed; {@code null} is an empty cell. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
