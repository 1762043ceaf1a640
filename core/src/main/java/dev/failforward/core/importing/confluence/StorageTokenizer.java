package dev.failforward.core.importing.confluence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a page body in Confluence storage format (an XHTML fragment with {@code ac:} and {@code ri:} elements, or
 * plain HTML) into tokens: start tags with their attributes, end tags and text. Written by hand so that core needs
 * no XML library (the JDK's {@code javax.xml} is not known to be visible to plugin bundles on Platform 8).
 *
 * <p>Safe by construction: a {@code <!DOCTYPE …>} (with its internal subset) is skipped whole and said so; entity
 * references are only ever XML's five, numeric ones and HTML's named ones from a fixed table; any other {@code &name;}
 * stays literal text. Nothing is declared, expanded or fetched, so no page can make the importer read a file or call a
 * URL, and no entity can grow the text.
 *
 * <p>Tolerant: it never throws for any input. A {@code <} that starts no tag is text; an unterminated comment or
 * CDATA section ends at the end of the page; an attribute may be unquoted or have no value; a tag cut off by the end
 * of the page or by a {@code <} ends there. Element and attribute names are lower-cased (storage format writes them
 * in lower case; HTML does not care). {@code script} and {@code style} content is skipped.
 */
final class StorageTokenizer {

    enum Kind { START, END, TEXT }

    /**
     * A token. {@code name} is the element's name for tags ({@code ac:structured-macro}), {@code text} the decoded
     * text of a text token (CDATA included); {@code line} and {@code column} (1-based) where it starts — for an end
     * tag, where its name starts.
     */
    record Token(Kind kind, String name, Map<String, String> attributes, boolean selfClosing, String text, int line,
                 int column) {
    }

    /** The tokens, the DOCTYPE seen (if any), unknown entity names in order of appearance, other remarks. */
    record Result(List<Token> tokens, boolean doctype, List<String> unknownEntities, List<String> remarks) {
    }

    private final String s;
    private int pos;
    private int line = 1;
    private int lineStart;
    private final List<Token> tokens = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();
    private final List<String> remarks = new ArrayList<>();
    private boolean doctype;
    private final StringBuilder text = new StringBuilder();
    private int textLine;
    private int textColumn;

    private StorageTokenizer(String s) {
        this.s = s;
    }

    static Result tokenize(String input) {
        StorageTokenizer t = new StorageTokenizer(input == null ? "" : input);
        t.run();
        return new Result(List.copyOf(t.tokens), t.doctype, List.copyOf(t.unknown), List.copyOf(t.remarks));
    }

    private void run() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '<') {
                markup();
            } else if (c == '&') {
                startText();
                entity(text);
            } else {
                startText();
                text.append(c);
                advance(1);
            }
        }
        flushText();
    }

    private void markup() {
        if (s.startsWith("<!--", pos)) {
            flushText();
            skipPast("-->", "a comment is not closed with \"-->\"; the rest of the page was taken as the comment");
        } else if (s.startsWith("<![CDATA[", pos)) {
            startText();
            advance("<![CDATA[".length());
            int end = s.indexOf("]]>", pos);
            if (end < 0) {
                remarks.add("a CDATA section is not closed with \"]]>\"; the rest of the page was taken as its text");
                end = s.length();
            }
            text.append(s, pos, end);
            advanceTo(Math.min(end + 3, s.length()));
        } else if (regionIs("<!doctype")) {
            flushText();
            doctype = true;
            skipDoctype();
        } else if (s.startsWith("<!", pos)) {
            flushText();
            skipPast(">", null);
        } else if (s.startsWith("<?", pos)) {
            flushText();
            skipPast("?>", null);
        } else if (s.startsWith("</", pos) && pos + 2 < s.length() && nameStart(s.charAt(pos + 2))) {
            flushText();
            int l = line;
            int col = column() + 2;
            advance(2);
            String name = name();
            skipTagRest();
            tokens.add(new Token(Kind.END, name, Map.of(), false, null, l, col));
        } else if (pos + 1 < s.length() && nameStart(s.charAt(pos + 1))) {
            flushText();
            startTag();
        } else {
            startText();
            text.append('<');
            advance(1);
        }
    }

    private void startTag() {
        int l = line;
        int col = column();
        advance(1);
        String name = name();
        Map<String, String> attributes = new LinkedHashMap<>();
        boolean selfClosing = false;
        while (pos < s.length()) {
            skipSpace();
            if (pos >= s.length()) {
                break;
            }
            char c = s.charAt(pos);
            if (c == '>') {
                advance(1);
                break;
            }
            if (c == '/' && s.startsWith("/>", pos)) {
                selfClosing = true;
                advance(2);
                break;
            }
            if (c == '<') {
                break; // a tag cut off: the next one starts here
            }
            if (!attributeChar(c) || c == '=') {
                advance(1);
                continue;
            }
            String attribute = name();
            skipSpace();
            String value = "";
            if (pos < s.length() && s.charAt(pos) == '=') {
                advance(1);
                skipSpace();
                value = attributeValue();
            }
            attributes.putIfAbsent(attribute, value);
        }
        tokens.add(new Token(Kind.START, name, attributes, selfClosing, null, l, col));
        if (!selfClosing && (name.equals("script") || name.equals("style"))) {
            int end = indexOfIgnoreCase("</" + name, pos);
            advanceTo(end < 0 ? s.length() : end);
        }
    }

    private String attributeValue() {
        if (pos >= s.length()) {
            return "";
        }
        char quote = s.charAt(pos);
        StringBuilder value = new StringBuilder();
        if (quote == '"' || quote == '\'') {
            advance(1);
            while (pos < s.length() && s.charAt(pos) != quote) {
                if (s.charAt(pos) == '&') {
                    entity(value);
                } else {
                    value.append(s.charAt(pos));
                    advance(1);
                }
            }
            advance(pos < s.length() ? 1 : 0);
        } else {
            while (pos < s.length() && !Character.isWhitespace(s.charAt(pos)) && s.charAt(pos) != '>'
                    && s.charAt(pos) != '<' && !s.startsWith("/>", pos)) {
                if (s.charAt(pos) == '&') {
                    entity(value);
                } else {
                    value.append(s.charAt(pos));
                    advance(1);
                }
            }
        }
        return value.toString();
    }

    /** Reads {@code &…;} at {@code pos} into {@code out}: a known reference as its character, anything else as is. */
    private void entity(StringBuilder out) {
        int semi = -1;
        for (int i = pos + 1; i < s.length() && i <= pos + 33; i++) {
            char c = s.charAt(i);
            if (c == ';') {
                semi = i;
                break;
            }
            if (!(Character.isLetterOrDigit(c) || c == '#') || c > 0x7F) {
                break;
            }
        }
        if (semi < 0 || semi == pos + 1) {
            out.append('&');
            advance(1);
            return;
        }
        String ref = s.substring(pos + 1, semi);
        if (ref.startsWith("#")) {
            int cp = codePoint(ref);
            if (cp < 0) {
                out.append('&');
                advance(1);
                return;
            }
            out.appendCodePoint(cp);
        } else if (ENTITIES.containsKey(ref)) {
            out.appendCodePoint(ENTITIES.get(ref));
        } else {
            if (!unknown.contains(ref) && unknown.size() < 20) {
                unknown.add(ref);
            }
            out.append(s, pos, semi + 1);
        }
        advanceTo(semi + 1);
    }

    /** The code point of {@code #123} / {@code #x7B}; a code point XML does not allow is U+FFFD; not a number: -1. */
    private static int codePoint(String ref) {
        boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
        String digits = ref.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 8) {
            return -1;
        }
        int cp;
        try {
            cp = Integer.parseInt(digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return -1;
        }
        boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
        return allowed ? cp : 0xFFFD;
    }

    private void skipDoctype() {
        int depth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '[') {
                depth++;
            } else if (c == ']' && depth > 0) {
                depth--;
            } else if (c == '>' && depth == 0) {
                advance(1);
                return;
            }
            advance(1);
        }
    }

    private void skipPast(String end, String unterminated) {
        int at = s.indexOf(end, pos + 1);
        if (at < 0) {
            if (unterminated != null) {
                remarks.add(unterminated);
            }
            advanceTo(s.length());
        } else {
            advanceTo(at + end.length());
        }
    }

    /** After an end tag's name: up to and including {@code >} (a {@code <} or the end of the page ends it too). */
    private void skipTagRest() {
        while (pos < s.length() && s.charAt(pos) != '>' && s.charAt(pos) != '<') {
            advance(1);
        }
        if (pos < s.length() && s.charAt(pos) == '>') {
            advance(1);
        }
    }

    private String name() {
        int start = pos;
        while (pos < s.length() && attributeChar(s.charAt(pos)) && s.charAt(pos) != '=') {
            pos++;
        }
        return s.substring(start, pos).toLowerCase(Locale.ROOT);
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            advance(1);
        }
    }

    private static boolean nameStart(char c) {
        return c < 0x80 ? Character.isLetter(c) || c == '_' || c == ':' : Character.isLetter(c);
    }

    private static boolean attributeChar(char c) {
        return !Character.isWhitespace(c) && c != '>' && c != '<' && c != '/' && c != '"' && c != '\''
                && c != '&';
    }

    private boolean regionIs(String lower) {
        return s.regionMatches(true, pos, lower, 0, lower.length());
    }

    private int indexOfIgnoreCase(String what, int from) {
        for (int i = from; i + what.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private void startText() {
        if (text.isEmpty()) {
            textLine = line;
            textColumn = column();
        }
    }

    private void flushText() {
        if (!text.isEmpty()) {
            tokens.add(new Token(Kind.TEXT, null, Map.of(), false, text.toString(), textLine, textColumn));
            text.setLength(0);
        }
    }

    private void advance(int n) {
        advanceTo(pos + n);
    }

    private void advanceTo(int to) {
        int end = Math.min(to, s.length());
        for (int i = pos; i < end; i++) {
            if (s.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        pos = Math.max(pos, end);
    }

    /** XML's five named entities and HTML's that turn up in pages (Latin-1, punctuation, arrows, maths, Greek). */
    private static final Map<String, Integer> ENTITIES = new HashMap<>();

    static {
        ENTITIES.put("amp", (int) '&');
        ENTITIES.put("lt", (int) '<');
        ENTITIES.put("gt", (int) '>');
        ENTITIES.put("quot", (int) '"');
        ENTITIES.put("apos", (int) '\'');
        String[] latin1 = {"nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
            "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
            "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
            "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
            "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash",
            "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
            "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
            "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
            "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml"};
        for (int i = 0; i < latin1.length; i++) {
            ENTITIES.put(latin1[i], 0xA0 + i);
        }
        Object[] more = {"ensp", 0x2002, "emsp", 0x2003, "thinsp", 0x2009, "zwnj", 0x200C, "zwj", 0x200D,
            "lrm", 0x200E, "rlm", 0x200F, "ndash", 0x2013, "mdash", 0x2014, "lsquo", 0x2018, "rsquo", 0x2019,
            "sbquo", 0x201A, "ldquo", 0x201C, "rdquo", 0x201D, "bdquo", 0x201E, "dagger", 0x2020, "Dagger", 0x2021,
            "bull", 0x2022, "hellip", 0x2026, "permil", 0x2030, "prime", 0x2032, "Prime", 0x2033, "lsaquo", 0x2039,
            "rsaquo", 0x203A, "euro", 0x20AC, "trade", 0x2122, "larr", 0x2190, "uarr", 0x2191, "rarr", 0x2192,
            "darr", 0x2193, "harr", 0x2194, "lArr", 0x21D0, "rArr", 0x21D2, "hArr", 0x21D4, "minus", 0x2212,
            "le", 0x2264, "ge", 0x2265, "ne", 0x2260, "asymp", 0x2248, "infin", 0x221E, "sum", 0x2211,
            "radic", 0x221A, "lowast", 0x2217, "check", 0x2713, "cross", 0x2717, "OElig", 0x152, "oelig", 0x153,
            "Scaron", 0x160, "scaron", 0x161, "Yuml", 0x178, "fnof", 0x192, "circ", 0x2C6, "tilde", 0x2DC,
            "alpha", 0x3B1, "beta", 0x3B2, "gamma", 0x3B3, "delta", 0x3B4, "Delta", 0x394, "lambda", 0x3BB,
            "mu", 0x3BC, "pi", 0x3C0, "sigma", 0x3C3, "omega", 0x3C9};
        for (int i = 0; i < more.length; i += 2) {
            ENTITIES.put((String) more[i], (Integer) more[i + 1]);
        }
    }
}
