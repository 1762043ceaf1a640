package dev.failforward.core.importing.markdown;

import dev.failforward.core.importing.ImportField;
import dev.failforward.core.importing.ImportProblem;
import dev.failforward.core.text.Lines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown post-mortem cut into its parts: YAML front matter, the lines before the first heading, and sections.
 *
 * <p>Front matter is read by a small reader of the YAML people write there: {@code key: value} lines (quotes
 * stripped), lists as {@code key:} followed by {@code - item} lines or inline {@code [a, b]}, comments. Anything
 * else (nested maps, multi-line strings) is reported as a problem and skipped.
 *
 * <p>Headings are ATX ({@code ## Impact}), setext (a line underlined with {@code ===} or {@code ---}), a line that is
 * only bold ({@code **Impact:**}, with or without text after it) naming a known section, or a plain
 * {@code Impact:} line at the start of a line naming a known section. A heading of no known section nested deeper
 * than the section it is in (a date heading inside a timeline) stays part of that section. Lines inside fenced code
 * blocks are never headings.
 */
final class MarkdownDocument {

    record Line(int number, String text) {
    }

    record FrontValue(String key, String value, List<String> list, int line) {
    }

    record Heading(String text, int level, int line, SectionKind kind) {
    }

    record Section(SectionKind kind, String heading, int level, int line, List<Line> body) {

        String text() {
            StringBuilder b = new StringBuilder();
            for (Line l : body) {
                b.append(l.text()).append('\n');
            }
            return b.toString().strip();
        }
    }

    /** A list item or paragraph; {@code checked} is {@code null} without a task box. */
    record Item(String text, int line, Boolean checked) {
    }

    record Row(List<String> cells, int line) {
    }

    record Table(List<String> header, List<Row> rows) {

        /** The column whose header starts with the first of {@code names} that any header starts with, or -1. */
        int column(String... names) {
            for (String n : names) {
                for (int i = 0; i < header.size(); i++) {
                    String h = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").strip();
                    if (h.startsWith(n)) {
                        return i;
                    }
                }
            }
            return -1;
        }
    }

    private static final Pattern ATX = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BOLD_LABEL = Pattern.compile("^\\s{0,3}(?:\\*\\*|__)([^*_]{2,60}?)\\s*:?\\s*"
            + "(?:\\*\\*|__)\\s*:?\\s*(.*)$");
    private static final Pattern PLAIN_LABEL = Pattern.compile(
            "^([A-Za-z0-9][A-Za-z0-9 ()'’/&.-]{1,50}?)\\s*:\\s*(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern BULLET = Pattern.compile(
            "^(\\s*)(?:[-*+•]|\\d{1,3}[.)])\\s+(?:\\[([ xX✓✔])]\\s*)?(.*)$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile(
            "^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");

    final Map<String, FrontValue> frontMatter = new LinkedHashMap<>();
    final List<Line> preamble = new ArrayList<>();
    final List<Section> sections = new ArrayList<>();
    final List<Heading> headings = new ArrayList<>();
    final List<Line> lines = new ArrayList<>();
    /** Lines of text outside front matter and code blocks: where stat lines are looked for. */
    final List<Line> textLines = new ArrayList<>();
    final List<ImportProblem> problems = new ArrayList<>();

    static MarkdownDocument parse(String content) {
        MarkdownDocument doc = new MarkdownDocument();
        List<String> raw = Lines.split(content.startsWith("\uFEFF") ? content.substring(1) : content);
        for (int i = 0; i < raw.size(); i++) {
            doc.lines.add(new Line(i + 1, raw.get(i)));
        }
        int start = doc.readFrontMatter();
        doc.readSections(start);
        return doc;
    }

    Optional<FrontValue> front(String... keys) {
        for (String k : keys) {
            FrontValue v = frontMatter.get(k);
            if (v != null && (v.value() != null && !v.value().isBlank() || !v.list().isEmpty())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    List<Section> sections(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).toList();
    }

    private int readFrontMatter() {
        if (lines.isEmpty() || !lines.get(0).text().strip().equals("---")) {
            return 0;
        }
        int end = -1;
        for (int i = 1; i < Math.min(lines.size(), 500); i++) {
            String t = lines.get(i).text().strip();
            if (t.equals("---") || t.equals("...")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            problems.add(new ImportProblem(ImportField.FILE, "front matter opened with --- is never closed", 1));
            return 0;
        }
        String listKey = null;
        for (int i = 1; i < end; i++) {
            Line line = lines.get(i);
            String t = line.text();
            if (t.isBlank() || t.strip().startsWith("#")) {
                continue;
            }
            Matcher item = Pattern.compile("^\\s*-\\s+(.*)$").matcher(t);
            if (listKey != null && item.matches()) {
                FrontValue v = frontMatter.get(listKey);
                List<String> list = new ArrayList<>(v.list());
                list.add(unquote(item.group(1)));
                frontMatter.put(listKey, new FrontValue(v.key(), v.value(), List.copyOf(list), v.line()));
                continue;
            }
            Matcher kv = Pattern.compile("^([A-Za-z_][A-Za-z0-9_ -]*?)\\s*:(?:\\s+(.*))?\\s*$").matcher(t);
            if (!kv.matches() || Character.isWhitespace(t.charAt(0))) {
                problems.add(new ImportProblem(ImportField.FILE, "front matter line not read: " + abbreviate(t.strip()),
                        line.number()));
                listKey = null;
                continue;
            }
            String key = kv.group(1).toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            String value = kv.group(2) == null ? "" : stripComment(kv.group(2)).strip();
            List<String> list = List.of();
            if (value.startsWith("[") && value.endsWith("]")) {
                list = new ArrayList<>();
                for (String part : value.substring(1, value.length() - 1).split(",")) {
                    if (!part.isBlank()) {
                        list.add(unquote(part));
                    }
                }
                list = List.copyOf(list);
                value = "";
            } else if (value.equals("|") || value.equals(">") || value.startsWith("{")) {
                problems.add(new ImportProblem(ImportField.FILE, "front matter value of \"" + key
                        + "\" is not a plain value and was skipped", line.number()));
                value = "";
            }
            frontMatter.put(key, new FrontValue(kv.group(1), unquote(value), list, line.number()));
            listKey = value.isEmpty() ? key : null;
        }
        return end + 1;
    }

    private void readSections(int start) {
        Section current = null;
        boolean inFence = false;
        for (int i = start; i < lines.size(); i++) {
            Line line = lines.get(i);
            String t = line.text();
            if (FENCE.matcher(t).find()) {
                inFence = !inFence;
                add(current, line);
                continue;
            }
            if (inFence) {
                add(current, line);
                continue;
            }
            textLines.add(line);
            Heading heading = heading(i);
            if (heading == null) {
                add(current, line);
                continue;
            }
            headings.add(heading);
            if (heading.kind() == null && current != null && current.kind() != null
                    && heading.level() > current.level()) {
                add(current, line);
            } else {
                List<Line> body = new ArrayList<>();
                String rest = restOfLabel(t);
                if (rest != null && !rest.isBlank()) {
                    body.add(new Line(line.number(), rest));
                }
                current = new Section(heading.kind(), heading.text(), heading.level(), line.number(), body);
                sections.add(current);
            }
            if (isSetext(i)) {
                i++;
            }
        }
    }

    private void add(Section current, Line line) {
        if (current == null) {
            preamble.add(line);
        } else {
            current.body().add(line);
        }
    }

    private boolean isSetext(int i) {
        if (i + 1 >= lines.size()) {
            return false;
        }
        String t = lines.get(i).text();
        String next = lines.get(i + 1).text();
        return !t.isBlank() && !BULLET.matcher(t).matches() && !t.contains("|") && !ATX.matcher(t).matches()
                && (next.matches("^\\s{0,3}=+\\s*$") || next.matches("^\\s{0,3}-{3,}\\s*$"))
                && (i == 0 || lines.get(i - 1).text().isBlank() || FENCE.matcher(lines.get(i - 1).text()).find())
                && !PLAIN_LABEL.matcher(t).matches();
    }

    private Heading heading(int i) {
        Line line = lines.get(i);
        String t = line.text();
        Matcher atx = ATX.matcher(t);
        if (atx.matches()) {
            String text = inline(atx.group(2));
            return new Heading(text, atx.group(1).length(), line.number(), SectionKind.of(text).orElse(null));
        }
        if (isSetext(i)) {
            String text = inline(t.strip());
            int level = lines.get(i + 1).text().strip().startsWith("=") ? 1 : 2;
            return new Heading(text, level, line.number(), SectionKind.of(text).orElse(null));
        }
        Matcher bold = BOLD_LABEL.matcher(t);
        if (bold.matches()) {
            Optional<SectionKind> kind = SectionKind.of(bold.group(1));
            if (kind.isPresent()) {
                return new Heading(bold.group(1).strip(), 7, line.number(), kind.get());
            }
            return null;
        }
        Matcher plain = PLAIN_LABEL.matcher(t);
        if (plain.matches()) {
            Optional<SectionKind> kind = SectionKind.of(plain.group(1));
            if (kind.isPresent() && (plain.group(2).isBlank() || !DateTimeText.find(plain.group(2), 2000).isPresent()
                    && kind.get() != SectionKind.STATS)) {
                return new Heading(plain.group(1).strip(), 7, line.number(), kind.get());
            }
        }
        return null;
    }

    private static String restOfLabel(String t) {
        if (ATX.matcher(t).matches()) {
            return null;
        }
        Matcher bold = BOLD_LABEL.matcher(t);
        if (bold.matches()) {
            return bold.group(2);
        }
        Matcher plain = PLAIN_LABEL.matcher(t);
        return plain.matches() ? plain.group(2) : null;
    }

    /** Text without inline markup: bold, italics, code, links (their text kept), HTML tags. */
    static String inline(String text) {
        String t = LINK.matcher(text).replaceAll("$1");
        t = t.replaceAll("<[^>]{1,80}>", " ").replace("**", "").replace("__", "").replace("`", "");
        t = t.replaceAll("(?<![\\w*])\\*(\\S[^*]*?)\\*(?![\\w*])", "$1")
                .replaceAll("(?<!\\w)_(\\S[^_]*?)_(?!\\w)", "$1");
        return t.replaceAll("\\s+", " ").strip();
    }

    /** The list items of a body: bullets (indented lines joined to the item above), else paragraphs. */
    static List<Item> items(List<Line> body) {
        List<Item> items = new ArrayList<>();
        boolean bullets = body.stream().anyMatch(l -> BULLET.matcher(l.text()).matches());
        int baseIndent = Integer.MAX_VALUE;
        for (Line l : body) {
            Matcher b = BULLET.matcher(l.text());
            if (b.matches()) {
                baseIndent = Math.min(baseIndent, b.group(1).replace("\t", "    ").length());
            }
        }
        StringBuilder paragraph = null;
        int paragraphLine = 0;
        for (Line l : body) {
            String t = l.text();
            if (isTableLine(t)) {
                continue;
            }
            Matcher b = BULLET.matcher(t);
            if (bullets) {
                if (b.matches()) {
                    int indent = b.group(1).replace("\t", "    ").length();
                    String text = inline(b.group(3));
                    if (indent > baseIndent + 1 && !items.isEmpty()) {
                        Item last = items.remove(items.size() - 1);
                        items.add(new Item(last.text() + " — " + text, last.line(), last.checked()));
                    } else if (!text.isEmpty()) {
                        Boolean checked = b.group(2) == null ? null : !b.group(2).isBlank();
                        items.add(new Item(text, l.number(), checked));
                    }
                } else if (!t.isBlank() && Character.isWhitespace(t.charAt(0)) && !items.isEmpty()) {
                    Item last = items.remove(items.size() - 1);
                    items.add(new Item(last.text() + " " + inline(t), last.line(), last.checked()));
                }
                continue;
            }
            if (t.isBlank()) {
                if (paragraph != null) {
                    items.add(new Item(paragraph.toString(), paragraphLine, null));
                    paragraph = null;
                }
            } else if (paragraph == null) {
                paragraph = new StringBuilder(inline(t));
                paragraphLine = l.number();
            } else {
                paragraph.append(' ').append(inline(t));
            }
        }
        if (paragraph != null) {
            items.add(new Item(paragraph.toString(), paragraphLine, null));
        }
        items.removeIf(i -> !i.text().codePoints().anyMatch(Character::isLetterOrDigit));
        return items;
    }

    static boolean isTableLine(String t) {
        String s = t.strip();
        return s.startsWith("|") || TABLE_SEPARATOR.matcher(s).matches() && s.contains("-") && s.contains("|");
    }

    /** The tables in a body: a header row, a separator row, and rows. */
    static List<Table> tables(List<Line> body) {
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i + 1 < body.size(); i++) {
            String head = body.get(i).text();
            String sep = body.get(i + 1).text();
            if (head.contains("|") && TABLE_SEPARATOR.matcher(sep).matches() && sep.contains("|")) {
                List<String> header = cells(head);
                List<Row> rows = new ArrayList<>();
                int j = i + 2;
                while (j < body.size() && body.get(j).text().contains("|") && !body.get(j).text().isBlank()) {
                    rows.add(new Row(cells(body.get(j).text()), body.get(j).number()));
                    j++;
                }
                tables.add(new Table(header, rows));
                i = j - 1;
            }
        }
        return tables;
    }

    static List<String> cells(String row) {
        String s = row.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|") && !s.endsWith("\\|")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String c : s.split("(?<!\\\\)\\|", -1)) {
            cells.add(inline(c.replace("\\|", "|")));
        }
        return cells;
    }

    private static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String stripComment(String v) {
        int hash = v.indexOf(" #");
        return hash >= 0 && !v.strip().startsWith("\"") ? v.substring(0, hash) : v;
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }
}
