package dev.failforward.core.importing.confluence;

import dev.failforward.core.importing.confluence.StorageTokenizer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a page body in Confluence storage format (an XHTML fragment with {@code ac:} and {@code ri:} elements) into a
 * small tree, safely and leniently, with no XML library: {@link StorageTokenizer} splits it into tags and text, this
 * class nests them.
 *
 * <p>Why it is safe: see {@link StorageTokenizer} — a DOCTYPE is skipped whole and said so, entity references are
 * only the fixed XML and HTML ones (unknown names stay literal text and are said), nothing is ever declared, expanded
 * or fetched. The tree is bounded: only the text of elements nested deeper than {@link #MAX_DEPTH} is kept (in the
 * element at that depth), and after {@link #MAX_ELEMENTS} elements only text is kept, so no page can exhaust the stack or memory.
 *
 * <p>Why it is lenient: a page that is not well-formed is mended the way a browser would — an end tag closes the
 * elements opened inside it, an end tag nothing opened is ignored, what is open at the end is closed there, HTML's
 * empty elements ({@code br}, {@code hr}, {@code img} …) need no end tag — and the first place that needed mending is
 * reported with its line and column. Nothing the page holds is dropped.
 */
final class StorageFormat {

    /** An element or a text node. Element names keep their prefix as written: {@code ac:task}, {@code p}. */
    record Node(String name, Map<String, String> attributes, List<Node> children, String text, int line) {

        boolean isText() {
            return name == null;
        }

        boolean is(String n) {
            return n.equals(name);
        }

        String attribute(String key) {
            return attributes.get(key);
        }
    }

    /** The tree (a root named {@code #page}) and, when the fragment was not all well-formed, why. */
    record Parsed(Node root, List<String> problems, int errorLine) {
    }

    /** Of deeper elements only the text is kept. */
    static final int MAX_DEPTH = 100;
    /** After this many elements, only text is kept. */
    static final int MAX_ELEMENTS = 200_000;
    /** Longer input is cut here (the post-mortem parser refuses pages far shorter). */
    static final int MAX_CHARS = 8 * 1024 * 1024;

    private static final Set<String> EMPTY_ELEMENTS = Set.of("br", "hr", "img", "col", "meta", "input", "link",
            "area", "base", "wbr", "source", "param", "embed", "track");

    private StorageFormat() {
    }

    static Parsed parse(String fragment) {
        List<String> problems = new ArrayList<>();
        String body = fragment == null ? "" : fragment;
        if (body.length() > MAX_CHARS) {
            problems.add("the page has more than " + MAX_CHARS + " characters; only the first " + MAX_CHARS
                    + " were read");
            body = body.substring(0, MAX_CHARS);
        }
        StorageTokenizer.Result tokens = StorageTokenizer.tokenize(body);
        if (tokens.doctype()) {
            problems.add("the page has a DOCTYPE declaration; it was ignored and nothing it names was read");
        }
        if (!tokens.unknownEntities().isEmpty()) {
            problems.add("unknown entities kept as text: &" + String.join("; &", tokens.unknownEntities()) + ";");
        }
        problems.addAll(tokens.remarks());
        Builder builder = new Builder();
        for (Token token : tokens.tokens()) {
            builder.add(token);
        }
        builder.end(body);
        if (builder.firstError != null) {
            int more = builder.errors - 1;
            problems.add("the page is not well-formed storage format at line " + builder.errorLine + ", column "
                    + builder.errorColumn + " (" + builder.firstError + ")" + (more > 0 ? " and in " + more
                    + " more place" + (more == 1 ? "" : "s") : "") + "; it was mended as a browser would and read whole");
        }
        if (builder.flattened) {
            problems.add("elements nested deeper than " + MAX_DEPTH + " levels were read as plain text");
        }
        if (builder.elements > MAX_ELEMENTS) {
            problems.add("the page has more than " + MAX_ELEMENTS + " elements; after that only its text was read");
        }
        return new Parsed(builder.root, problems, builder.errorLine);
    }

    /** Nests tokens into nodes, mending what is not well-formed. */
    private static final class Builder {
        final Node root = new Node("#page", Map.of(), new ArrayList<>(), null, 1);
        final List<Node> stack = new ArrayList<>(List.of(root));
        /** Elements read past the depth limit: their end tags must not close anything. */
        final List<String> ignoredOpen = new ArrayList<>();
        String firstError;
        int errorLine;
        int errorColumn;
        int errors;
        int elements;
        boolean flattened;

        void add(Token t) {
            switch (t.kind()) {
                case TEXT -> text(t);
                case START -> start(t);
                case END -> end(t);
                default -> throw new IllegalStateException();
            }
        }

        private Node top() {
            return stack.get(stack.size() - 1);
        }

        private void text(Token t) {
            List<Node> children = top().children();
            Node last = children.isEmpty() ? null : children.get(children.size() - 1);
            if (last != null && last.isText()) {
                children.set(children.size() - 1, new Node(null, Map.of(), List.of(), last.text() + t.text(),
                        last.line()));
            } else {
                children.add(new Node(null, Map.of(), List.of(), t.text(), t.line()));
            }
        }

        private void start(Token t) {
            elements++;
            boolean empty = t.selfClosing() || EMPTY_ELEMENTS.contains(t.name());
            if (elements > MAX_ELEMENTS || stack.size() > MAX_DEPTH) {
                flattened |= stack.size() > MAX_DEPTH;
                if (!empty) {
                    ignoredOpen.add(t.name());
                }
                return;
            }
            Node node = new Node(t.name(), Map.copyOf(t.attributes()), new ArrayList<>(), null, t.line());
            top().children().add(node);
            if (!empty) {
                stack.add(node);
            }
        }

        private void end(Token t) {
            if (!ignoredOpen.isEmpty() && ignoredOpen.get(ignoredOpen.size() - 1).equals(t.name())) {
                ignoredOpen.remove(ignoredOpen.size() - 1);
                return;
            }
            if (EMPTY_ELEMENTS.contains(t.name())) {
                return; // </br>: browsers take it as nothing (or a break); nothing is open to close
            }
            int at = stack.size() - 1;
            while (at > 0 && !stack.get(at).is(t.name())) {
                at--;
            }
            if (at == 0) {
                error(t.line(), t.column(), "\"</" + t.name() + ">\" closes no open element; it was ignored");
                return;
            }
            if (at < stack.size() - 1) {
                Node unclosed = top();
                error(t.line(), t.column(), "the element \"" + unclosed.name() + "\" from line " + unclosed.line()
                        + " must be closed before \"</" + t.name() + ">\"");
            }
            while (stack.size() > at) {
                stack.remove(stack.size() - 1);
            }
        }

        void end(String body) {
            if (stack.size() > 1) {
                Node unclosed = top();
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < body.length(); i++) {
                    if (body.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                error(line, body.length() - lineStart + 1, "the element \"" + unclosed.name() + "\" from line "
                        + unclosed.line() + " is not closed at the end of the page");
            }
        }

        private void error(int line, int column, String what) {
            errors++;
            if (firstError == null) {
                firstError = what;
                errorLine = line;
                errorColumn = column;
            }
        }
    }
}
