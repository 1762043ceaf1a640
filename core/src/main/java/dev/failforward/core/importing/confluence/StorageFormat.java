package dev.failforward.core.importing.confluence;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a page body in Confluence storage format (an XHTML fragment with {@code ac:} and {@code ri:} elements) into a
 * small tree, safely and leniently.
 *
 * <p>Why it is safe: the JDK's StAX parser is used with DTD support and external entities switched off and a resolver
 * that refuses everything; before that, any {@code <!DOCTYPE …>} in the fragment is blanked out (a DOCTYPE is never
 * part of storage format) and every entity reference other than XML's five and numeric ones is rewritten: HTML's
 * named entities ({@code &nbsp;}, {@code &mdash;} …) become the characters they name, unknown names are kept as
 * literal text. So the XML parser never sees an entity it would have to resolve, and nothing outside the page is ever
 * read.
 *
 * <p>Why it is lenient: the fragment is wrapped in one root element that declares the {@code ac}, {@code ri} and
 * {@code at} prefixes (the wrapper sits on the first line, so line numbers are the page's). A fragment that is not
 * well-formed (an unclosed tag, a stray {@code <}) keeps everything read before the error, and the error is reported
 * with its line and column.
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

    /** The tree (a root named {@code #page}) and, when the fragment was not all readable, why. */
    record Parsed(Node root, List<String> problems, int errorLine) {
    }

    private static final String ROOT = "ff-page";
    private static final Pattern DOCTYPE = Pattern.compile("(?is)<!DOCTYPE(?:[^\\[>]*\\[.*?]\\s*>|[^>]*>)");
    private static final Pattern XML_DECLARATION = Pattern.compile("(?s)^\\s*<\\?xml.*?\\?>");
    private static final Pattern ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]*);");

    private StorageFormat() {
    }

    static Parsed parse(String fragment) {
        List<String> problems = new ArrayList<>();
        String body = blank(XML_DECLARATION, fragment);
        if (DOCTYPE.matcher(body).find()) {
            problems.add("the page has a DOCTYPE declaration; it was ignored and nothing it names was read");
            body = blank(DOCTYPE, body);
        }
        body = entities(body, problems);
        String wrapped = "<" + ROOT + " xmlns:ac=\"http://atlassian.com/content\""
                + " xmlns:ri=\"http://atlassian.com/resource/identifier\""
                + " xmlns:at=\"http://atlassian.com/template\">" + body + "</" + ROOT + ">";
        Node root = new Node("#page", Map.of(), new ArrayList<>(), null, 1);
        List<Node> stack = new ArrayList<>();
        stack.add(root);
        int errorLine = 0;
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new StringReader(wrapped));
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = qualified(reader.getPrefix(), reader.getLocalName());
                        if (name.equals(ROOT)) {
                            continue;
                        }
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attrs.put(qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)),
                                    reader.getAttributeValue(i));
                        }
                        Node node = new Node(name, attrs, new ArrayList<>(), null, reader.getLocation().getLineNumber());
                        stack.get(stack.size() - 1).children().add(node);
                        stack.add(node);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (stack.size() > 1) {
                            stack.remove(stack.size() - 1);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        Node parent = stack.get(stack.size() - 1);
                        parent.children().add(new Node(null, Map.of(), List.of(), reader.getText(),
                                reader.getLocation().getLineNumber()));
                    }
                    default -> {
                        // comments, processing instructions: not content
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            Location at = e instanceof XMLStreamException x ? x.getLocation() : null;
            errorLine = at == null ? 0 : Math.max(at.getLineNumber(), 0);
            String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + columnOnPage(at);
            problems.add("the page is not well-formed storage format" + where + " (" + reason(e)
                    + "); only the part before it was read");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
        return new Parsed(root, problems, errorLine);
    }

    private static int columnOnPage(Location at) {
        int wrapperLength = 0;
        if (at.getLineNumber() == 1) {
            wrapperLength = ("<" + ROOT + " xmlns:ac=\"http://atlassian.com/content\""
                    + " xmlns:ri=\"http://atlassian.com/resource/identifier\""
                    + " xmlns:at=\"http://atlassian.com/template\">").length();
        }
        return Math.max(at.getColumnNumber() - wrapperLength, 1);
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int i = m.indexOf("Message:");
        String r = (i >= 0 ? m.substring(i + "Message:".length()) : m).strip();
        r = r.replace(ROOT, "page");
        return r.length() > 200 ? r.substring(0, 200) + "…" : r;
    }

    /** The StAX factory: no DTDs, no external entities, no entity replacement, a resolver that refuses all. */
    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are never read: " + systemId);
        });
        return f;
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    /** Replaces what {@code p} matches by spaces, keeping line breaks so line numbers stay the page's. */
    private static String blank(Pattern p, String text) {
        Matcher m = p.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String entities(String text, List<String> problems) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder b = new StringBuilder();
        List<String> unknown = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (XML_ENTITIES.contains(name)) {
                replacement = m.group();
            } else if (HTML_ENTITIES.containsKey(name)) {
                replacement = "&#" + HTML_ENTITIES.get(name) + ";";
            } else {
                replacement = "&amp;" + name + ";";
                if (!unknown.contains(name)) {
                    unknown.add(name);
                }
            }
            m.appendReplacement(b, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(b);
        if (!unknown.isEmpty()) {
            problems.add("unknown entities kept as text: &" + String.join("; &", unknown) + ";");
        }
        return b.toString();
    }

    private static final List<String> XML_ENTITIES = List.of("amp", "lt", "gt", "quot", "apos");

    /** HTML's named entities that turn up in pages (Latin-1, punctuation, arrows, maths), by code point. */
    private static final Map<String, Integer> HTML_ENTITIES = new HashMap<>();

    static {
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
            HTML_ENTITIES.put(latin1[i], 0xA0 + i);
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
            HTML_ENTITIES.put((String) more[i], (Integer) more[i + 1]);
        }
    }
}
