package dev.failforward.core.importing.confluence;

import dev.failforward.core.importing.confluence.StorageFormat.Node;
import dev.failforward.core.importing.markdown.SectionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A page body read as blocks (paragraphs, list items, tasks, tables) under sections. A heading (h1–h6) whose text
 * names a known section ({@link SectionKind}) opens that section; so does the title of an {@code expand} or
 * {@code panel} macro. A heading of no known section opens an unnamed section when it is no deeper than the section it
 * is in (the page's own title heading, "Details"), and is kept as a paragraph of the section otherwise (a sub-heading
 * such as "Monday" in a timeline). The body of {@code info}, {@code note}, {@code tip}, {@code warning}, {@code panel},
 * {@code expand}, {@code details} (page properties) and layout macros is read as if it stood in the page; blueprint
 * placeholders ({@code ac:placeholder}, the grey instructions) are not content.
 */
final class ConfluencePage {

    /**
     * Text as read, with what was mentioned in it.
     *
     * @param text     all of it, mentions as {@code @name}, dates as their {@code datetime}
     * @param bare     without mentions and dates (what an action item says to do)
     * @param users    mentioned users: username, else user key, else account id
     * @param times    {@code datetime} values of {@code <time>} elements
     * @param issues   Jira issue keys of {@code jira} macros
     * @param statuses titles of {@code status} macros ("SEV 2", "DONE")
     */
    record Text(String text, String bare, List<String> users, List<String> times, List<String> issues,
                List<String> statuses) {
    }

    enum BlockType { PARAGRAPH, ITEM, TASK, TABLE }

    /** A paragraph, list item, task (with {@code done}) or table (with {@code rows}). */
    record Block(BlockType type, Text text, int line, boolean done, List<Row> rows) {
    }

    /** A table row; {@code header} when all its cells are {@code th}. */
    record Row(List<Cell> cells, int line, boolean header) {
    }

    /** A table cell: its text, whether it is a {@code th}, and the blocks inside it (lists, tasks). */
    record Cell(Text text, boolean header, List<Block> blocks) {
    }

    /**
     * A section: {@code kind} is {@code null} for the text before the first heading and for unknown headings;
     * {@code origin} says what opened it ("section" for a heading, "panel", "expand", "details table row").
     */
    record Section(SectionKind kind, String heading, int level, int line, List<Block> body, String origin) {
    }

    private static final Set<String> WRAPPERS = Set.of("info", "note", "tip", "warning", "panel", "expand",
            "details", "section", "column", "excerpt", "ui-expand", "ui-tab", "ui-tabs", "auihtml", "div", "span",
            "page-properties", "status-panel", "deck", "card");
    private static final Set<String> TITLED_WRAPPERS = Set.of("panel", "expand", "ui-expand", "info", "note", "tip",
            "warning", "ui-tab", "card");

    final List<Section> sections = new ArrayList<>();
    /** Every status macro on the page with its line, for a severity none of the stats states. */
    final List<Block> statusMacros = new ArrayList<>();

    private ConfluencePage() {
    }

    static ConfluencePage read(Node root) {
        ConfluencePage page = new ConfluencePage();
        page.sections.add(new Section(null, null, 0, 1, new ArrayList<>(), "page"));
        page.blocks(root, page.new Sink());
        return page;
    }

    /** The kind a heading names; "Blameless root cause" is a root cause, "Incident" alone is not a section. */
    static Optional<SectionKind> kind(String heading) {
        String h = SectionKind.normalise(heading);
        if (h.startsWith("blameless ") && h.length() > "blameless ".length()) {
            return SectionKind.of(h.substring("blameless ".length()));
        }
        return SectionKind.of(heading);
    }

    List<Section> sections(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).toList();
    }

    /** Where blocks go: the current section, or a table cell. */
    private class Sink {
        void add(Block b) {
            sections.get(sections.size() - 1).body().add(b);
        }

        void heading(String text, int level, int line) {
            heading(text, level, line, "section");
        }

        void heading(String text, int level, int line, String origin) {
            Optional<SectionKind> k = kind(text);
            Section current = sections.get(sections.size() - 1);
            if (k.isPresent() || current.kind() == null || level <= current.level()) {
                sections.add(new Section(k.orElse(null), text, level, line, new ArrayList<>(), origin));
            } else {
                add(new Block(BlockType.PARAGRAPH, plain(text), line, false, List.of()));
            }
        }
    }

    private final class CellSink extends Sink {
        final List<Block> blocks = new ArrayList<>();

        @Override
        void add(Block b) {
            blocks.add(b);
        }

        @Override
        void heading(String text, int level, int line, String origin) {
            add(new Block(BlockType.PARAGRAPH, plain(text), line, false, List.of()));
        }
    }

    private static Text plain(String text) {
        return new Text(text, text, List.of(), List.of(), List.of(), List.of());
    }

    private void blocks(Node node, Sink sink) {
        Inline loose = new Inline();
        int looseLine = node.line();
        for (Node child : node.children()) {
            if (child.isText() || isInline(child)) {
                if (loose.text.isEmpty()) {
                    looseLine = child.line();
                }
                loose.node(child);
                inlineStatuses(child);
                continue;
            }
            flushLoose(loose, looseLine, sink);
            loose = new Inline();
            block(child, sink);
        }
        flushLoose(loose, looseLine, sink);
    }

    private static void flushLoose(Inline loose, int line, Sink sink) {
        Text t = loose.result();
        if (!t.text().isBlank()) {
            sink.add(new Block(BlockType.PARAGRAPH, t, line, false, List.of()));
        }
    }

    private void block(Node n, Sink sink) {
        String name = n.name();
        if (name.matches("h[1-6]")) {
            String text = inline(n).text().replace('\n', ' ').strip();
            if (!text.isEmpty()) {
                sink.heading(text, name.charAt(1) - '0', n.line());
            }
        } else if (n.is("p") || n.is("pre") || n.is("blockquote") && !hasBlocks(n)) {
            paragraph(n, sink);
        } else if (n.is("ul") || n.is("ol")) {
            list(n, sink);
        } else if (n.is("table")) {
            table(n, sink);
        } else if (n.is("ac:task-list")) {
            for (Node task : n.children()) {
                if (task.is("ac:task")) {
                    task(task, sink);
                }
            }
        } else if (n.is("ac:structured-macro") || n.is("ac:macro")) {
            macro(n, sink);
        } else if (n.is("ac:placeholder") || n.is("ac:parameter") || n.is("ac:image") || n.is("hr")) {
            // instructions of a blueprint, macro parameters, pictures: no text to import
        } else {
            blocks(n, sink);
        }
    }

    private void paragraph(Node n, Sink sink) {
        if (hasBlocks(n)) {
            blocks(n, sink);
            return;
        }
        inlineStatuses(n);
        Inline in = new Inline();
        for (Node c : n.children()) {
            in.node(c);
        }
        flushLoose(in, n.line(), sink);
    }

    private void list(Node n, Sink sink) {
        for (Node li : n.children()) {
            if (!li.is("li")) {
                continue;
            }
            Inline in = new Inline();
            List<Node> nested = new ArrayList<>();
            for (Node c : li.children()) {
                if (c.is("ul") || c.is("ol") || c.is("ac:task-list") || c.is("table")) {
                    nested.add(c);
                } else {
                    in.node(c);
                    inlineStatuses(c);
                }
            }
            Text t = in.result();
            if (!t.text().isBlank()) {
                sink.add(new Block(BlockType.ITEM, t, li.line(), false, List.of()));
            }
            for (Node c : nested) {
                block(c, sink);
            }
        }
    }

    private void task(Node task, Sink sink) {
        boolean done = false;
        Text body = null;
        for (Node c : task.children()) {
            if (c.is("ac:task-status")) {
                done = text(c).strip().equalsIgnoreCase("complete");
            } else if (c.is("ac:task-body")) {
                body = inline(c);
            }
        }
        if (body != null && !body.text().isBlank()) {
            sink.add(new Block(BlockType.TASK, body, task.line(), done, List.of()));
        }
    }

    private void table(Node n, Sink sink) {
        List<Row> rows = new ArrayList<>();
        collectRows(n, rows);
        if (!rows.isEmpty()) {
            sink.add(new Block(BlockType.TABLE, plain(""), n.line(), false, rows));
        }
    }

    private void collectRows(Node n, List<Row> rows) {
        for (Node c : n.children()) {
            if (c.is("tr")) {
                List<Cell> cells = new ArrayList<>();
                boolean allHeader = true;
                for (Node td : c.children()) {
                    if (td.is("td") || td.is("th")) {
                        CellSink cellSink = new CellSink();
                        blocks(td, cellSink);
                        Text t = inline(td);
                        cells.add(new Cell(t, td.is("th"), cellSink.blocks));
                        allHeader &= td.is("th");
                    }
                }
                if (!cells.isEmpty()) {
                    rows.add(new Row(cells, c.line(), allHeader));
                }
            } else if (c.is("thead") || c.is("tbody") || c.is("tfoot")) {
                collectRows(c, rows);
            }
        }
    }

    private void macro(Node n, Sink sink) {
        String name = macroName(n);
        if (name.equals("status")) {
            inlineStatuses(n);
            Inline in = new Inline();
            in.node(n);
            flushLoose(in, n.line(), sink);
            return;
        }
        Node body = child(n, "ac:rich-text-body");
        if (WRAPPERS.contains(name) || body != null && !name.equals("jira")) {
            String title = parameter(n, "title");
            if (title != null && TITLED_WRAPPERS.contains(name) && kind(title).isPresent()) {
                sink.heading(title.strip(), 7, n.line(), name);
            }
            if (body != null) {
                blocks(body, sink);
            }
            return;
        }
        Node plainBody = child(n, "ac:plain-text-body");
        if (plainBody != null) {
            String t = text(plainBody);
            if (!t.isBlank()) {
                sink.add(new Block(BlockType.PARAGRAPH, plain(t.strip()), n.line(), false, List.of()));
            }
            return;
        }
        Text t = inline(n);
        if (!t.text().isBlank()) {
            sink.add(new Block(BlockType.PARAGRAPH, t, n.line(), false, List.of()));
        }
    }

    private void inlineStatuses(Node n) {
        if (n.isText()) {
            return;
        }
        if ((n.is("ac:structured-macro") || n.is("ac:macro")) && macroName(n).equals("status")) {
            String title = parameter(n, "title");
            if (title != null && !title.isBlank()) {
                statusMacros.add(new Block(BlockType.PARAGRAPH, new Text(title.strip(), title.strip(), List.of(),
                        List.of(), List.of(), List.of(title.strip())), n.line(), false, List.of()));
            }
            return;
        }
        for (Node c : n.children()) {
            inlineStatuses(c);
        }
    }

    private static boolean hasBlocks(Node n) {
        for (Node c : n.children()) {
            if (c.is("ul") || c.is("ol") || c.is("table") || c.is("ac:task-list") || c.is("p") || c.is("div")
                    || c.name() != null && c.name().matches("h[1-6]")
                    || (c.is("ac:structured-macro") || c.is("ac:macro"))
                    && child(c, "ac:rich-text-body") != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInline(Node n) {
        String name = n.name();
        return Set.of("a", "b", "strong", "i", "em", "u", "s", "del", "code", "span", "sub", "sup", "br", "time",
                "ac:link", "ri:user", "ac:emoticon", "small", "big", "font", "mark", "ac:inline-comment-marker",
                "ins", "strike", "abbr", "cite", "q", "kbd", "var", "tt").contains(name)
                || (n.is("ac:structured-macro") || n.is("ac:macro"))
                && Set.of("jira", "status", "anchor", "mention").contains(macroName(n));
    }

    static String macroName(Node n) {
        String name = n.attribute("ac:name");
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    static String parameter(Node macro, String name) {
        for (Node c : macro.children()) {
            if (c.is("ac:parameter") && name.equalsIgnoreCase(c.attribute("ac:name"))) {
                return text(c);
            }
        }
        return null;
    }

    static Node child(Node n, String name) {
        for (Node c : n.children()) {
            if (c.is(name)) {
                return c;
            }
        }
        return null;
    }

    /** All the text under {@code n}, as is. */
    static String text(Node n) {
        if (n.isText()) {
            return n.text();
        }
        StringBuilder b = new StringBuilder();
        for (Node c : n.children()) {
            b.append(text(c));
        }
        return b.toString();
    }

    static Text inline(Node n) {
        Inline in = new Inline();
        for (Node c : n.children()) {
            in.node(c);
        }
        return in.result();
    }

    /** Reads inline content: mentions, dates, Jira and status macros, links; block children end a line. */
    private static final class Inline {
        final StringBuilder text = new StringBuilder();
        final StringBuilder bare = new StringBuilder();
        final List<String> users = new ArrayList<>();
        final List<String> times = new ArrayList<>();
        final List<String> issues = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();

        void append(String s) {
            text.append(s);
            bare.append(s);
        }

        void node(Node n) {
            if (n.isText()) {
                append(n.text());
                return;
            }
            String name = n.name();
            if (n.is("br")) {
                append("\n");
            } else if (n.is("time")) {
                String dt = n.attribute("datetime");
                String shown = dt != null ? dt : text(n);
                if (dt != null) {
                    times.add(dt.strip());
                }
                text.append(shown);
                bare.append(' ');
            } else if (n.is("ri:user")) {
                user(n);
            } else if (n.is("ac:link")) {
                Node user = child(n, "ri:user");
                if (user != null) {
                    user(user);
                    return;
                }
                Node body = child(n, "ac:plain-text-link-body");
                if (body == null) {
                    body = child(n, "ac:link-body");
                }
                if (body != null) {
                    append(text(body));
                } else {
                    Node page = child(n, "ri:page");
                    if (page != null && page.attribute("ri:content-title") != null) {
                        append(page.attribute("ri:content-title"));
                    }
                }
            } else if (n.is("ac:structured-macro") || n.is("ac:macro")) {
                macro(n);
            } else if (n.is("ac:emoticon")) {
                String e = n.attribute("ac:name");
                append("tick".equals(e) ? "✔" : "cross".equals(e) ? "✘" : "");
            } else if (n.is("ac:placeholder") || n.is("ac:parameter") || n.is("ac:image")
                    || n.is("ac:task-list")) {
                // not text of this line
            } else {
                boolean block = name.matches("p|div|li|h[1-6]|tr|ul|ol|table|pre|blockquote");
                if (block && !text.isEmpty()) {
                    append("\n");
                }
                for (Node c : n.children()) {
                    node(c);
                }
                if (n.is("td") || n.is("th")) {
                    append(" ");
                }
                if (block) {
                    append("\n");
                }
            }
        }

        private void user(Node u) {
            String who = firstNonBlank(u.attribute("ri:username"), u.attribute("ri:userkey"),
                    u.attribute("ri:account-id"));
            if (who != null) {
                users.add(who);
                text.append('@').append(who);
                bare.append(' ');
            }
        }

        private void macro(Node n) {
            String name = macroName(n);
            if (name.equals("jira")) {
                String key = parameter(n, "key");
                if (key != null && !key.isBlank()) {
                    issues.add(key.strip());
                    append(key.strip());
                }
            } else if (name.equals("status")) {
                String title = parameter(n, "title");
                if (title != null && !title.isBlank()) {
                    statuses.add(title.strip());
                    append(title.strip());
                }
            } else {
                Node body = child(n, "ac:rich-text-body");
                if (body == null) {
                    body = child(n, "ac:plain-text-body");
                }
                if (body != null) {
                    for (Node c : body.children()) {
                        node(c);
                    }
                }
            }
        }

        Text result() {
            return new Text(tidy(text.toString()), tidy(bare.toString()), List.copyOf(users), List.copyOf(times),
                    List.copyOf(issues), List.copyOf(statuses));
        }

        private static String tidy(String s) {
            StringBuilder b = new StringBuilder();
            for (String line : s.replace('\u00A0', ' ').split("\n")) {
                String l = line.replaceAll("[ \\t\\r\\u2002\\u2003\\u2009]+", " ").strip();
                if (!l.isEmpty()) {
                    b.append(b.isEmpty() ? "" : "\n").append(l);
                }
            }
            return b.toString();
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
