package dev.failforward.core.text;

/**
 * HTML escaping for HTML that Java builds itself (a storage-format paragraph, the preview's own pages): user text
 * reaches HTML only escaped (STYLE.md habit 8). Not for values handed to a plugin template: the products' template
 * renderer escapes every printed reference itself unless it is a scalar named {@code …Html} (velocity-htmlsafe), so
 * such values are plain text, and escaping them here as well would show {@code &amp;lt;} on the page.
 */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
