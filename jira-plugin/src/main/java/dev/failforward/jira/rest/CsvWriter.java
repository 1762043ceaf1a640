package dev.failforward.jira.rest;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV as RFC 4180 describes it: comma-separated, CRLF line ends, a field quoted (with {@code "} doubled) when
 * it contains a comma, quote, CR or LF.
 *
 * <p><b>Formula injection:</b> a cell whose first visible character starts a formula is prefixed with a single quote,
 * so a spreadsheet shows the text instead of running it (OWASP "CSV Injection"). User text reaches the export
 * (summaries, learnings, action items), so every cell goes through this. "First visible" because spreadsheets and
 * their import dialogs trim or skip what comes before it: whitespace of any kind (space, no-break and the Unicode
 * spaces), control characters (NUL, TAB, LF, CR, …), invisible format characters (zero-width space, joiners, word
 * joiner U+2060, the byte-order mark U+FEFF, bidi marks, soft hyphen). The formula starters are {@code = + - @} and
 * their full-width (U+FF1D, U+FF0B, U+FF0D, U+FF20) and small (U+FE66, U+FE62, U+FE63, U+FE6B) forms, which some
 * spreadsheets fold to ASCII. A cell that starts with a TAB or CR is prefixed in any case, as before.
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
        String text = startsFormula(value) ? "'" + value : value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Whether a spreadsheet could read the value as a formula (see the class comment). */
    static boolean startsFormula(String value) {
        char first = value.charAt(0);
        if (first == '\t' || first == '\r') {
            return true;
        }
        int i = 0;
        while (i < value.length()) {
            int c = value.codePointAt(i);
            if (!invisible(c)) {
                return FORMULA_STARTS.indexOf(c) >= 0;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B";

    /** Skipped before the first visible character: whitespace, controls and format characters (Unicode Cf). */
    private static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || c == 0x2060 || c == 0xFEFF;
    }
}
