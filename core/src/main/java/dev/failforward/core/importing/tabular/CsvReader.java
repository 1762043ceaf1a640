package dev.failforward.core.importing.tabular;

import dev.failforward.core.importing.tabular.TabularData.Problem;
import dev.failforward.core.importing.tabular.TabularData.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV as RFC 4180 writes it, and as spreadsheets actually save it: quoted fields with {@code ""} for a quote,
 * line breaks inside quotes, CRLF or LF, a leading byte order mark, and {@code ,}, {@code ;} or tab as delimiter.
 *
 * <p>The delimiter is sniffed from the header line (outside quotes): the one of tab, {@code ;} and {@code ,} that
 * occurs most, ties going in that order (a header with one tab and one comma is tab-separated: commas are common in
 * names, tabs are not). A header without any of them is one column.
 *
 * <p>Lenient where a reader can be: a quote inside an unquoted field is kept as text; text after a closing quote is
 * appended (with a problem); a quote left open at the end of the file closes there (with a problem). Ragged rows are
 * kept: missing cells are absent, extra cells are dropped, both with a problem naming the row.
 */
final class CsvReader {

    private CsvReader() {
    }

    static TabularData read(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<Problem> problems = new ArrayList<>();
        char delimiter = sniff(text);
        List<Record> records = records(text, delimiter, problems);
        if (records.isEmpty()) {
            problems.add(new Problem(0, 0, "the file holds no header line", true));
            return new TabularData("csv", List.of(), List.of(), problems);
        }
        List<String> headers = uniqueHeaders(records.get(0).cells());
        if (headers.stream().allMatch(String::isBlank)) {
            problems.add(new Problem(0, 1, "the header line is blank", true));
            return new TabularData("csv", List.of(), List.of(), problems);
        }
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (Record r : records.subList(1, records.size())) {
            if (r.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            number++;
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(headers.size(), r.cells().size()); i++) {
                values.put(headers.get(i), r.cells().get(i));
            }
            if (r.cells().size() < headers.size()) {
                problems.add(new Problem(number, r.line(), "row " + number + " has " + r.cells().size()
                        + " cell(s) where the header has " + headers.size() + "; the missing ones are taken as empty",
                        false));
            } else if (r.cells().size() > headers.size()) {
                List<String> extra = r.cells().subList(headers.size(), r.cells().size());
                if (!extra.stream().allMatch(String::isBlank)) {
                    problems.add(new Problem(number, r.line(), "row " + number + " has " + r.cells().size()
                            + " cells where the header has " + headers.size() + "; the extra ones are ignored", false));
                }
            }
            rows.add(new Row(number, r.line(), values));
        }
        if (rows.isEmpty()) {
            problems.add(new Problem(0, 1, "the file has a header line but no rows", true));
        }
        return new TabularData("csv", headers, rows, problems);
    }

    static List<String> uniqueHeaders(List<String> raw) {
        List<String> headers = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String h = raw.get(i).strip();
            if (h.isEmpty()) {
                h = "Column " + (i + 1);
            }
            int n = seen.merge(h, 1, Integer::sum);
            headers.add(n == 1 ? h : h + " (" + n + ")");
        }
        return headers;
    }

    static char sniff(String text) {
        int tabs = 0;
        int semis = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                if (c == '\t') {
                    tabs++;
                } else if (c == ';') {
                    semis++;
                } else if (c == ',') {
                    commas++;
                }
            }
        }
        if (tabs > 0 && tabs >= semis && tabs >= commas) {
            return '\t';
        }
        if (semis > 0 && semis >= commas) {
            return ';';
        }
        return ',';
    }

    private record Record(int line, List<String> cells) {
    }

    private static List<Record> records(String text, char delimiter, List<Problem> problems) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean inQuotes = false;
        boolean afterQuote = false;
        boolean any = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                continue;
            }
            if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                records.add(new Record(recordLine, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                afterQuote = false;
                any = false;
                line++;
                recordLine = line;
            } else if (c == '"' && cell.toString().isBlank() && !afterQuote) {
                cell.setLength(0);
                inQuotes = true;
                quoteLine = line;
                any = true;
            } else {
                if (afterQuote && !Character.isWhitespace(c)) {
                    problems.add(new Problem(0, line, "line " + line + ": text after a closing quote is kept as part "
                            + "of the cell", false));
                    afterQuote = false;
                }
                if (!afterQuote) {
                    cell.append(c);
                }
                any = true;
            }
        }
        if (inQuotes) {
            problems.add(new Problem(0, quoteLine, "the quote opened on line " + quoteLine
                    + " is never closed; the rest of the file was read as one cell", false));
        }
        if (any || cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            records.add(new Record(recordLine, List.copyOf(cells)));
        }
        return records;
    }
}
