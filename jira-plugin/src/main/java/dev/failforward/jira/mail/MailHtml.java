package dev.failforward.jira.mail;

import dev.failforward.core.text.Html;

/**
 * A small HTML writer for mails: every text goes through {@link #text} (escaped), links through {@link #link} (an
 * {@code http(s)} address, escaped as an attribute). Mails are not rendered by a template engine in the product (the
 * job runs outside any request), so this is the one place their markup is made, and nothing reaches it unescaped.
 */
public final class MailHtml {

    private final StringBuilder html = new StringBuilder();

    public MailHtml open(String tag) {
        html.append('<').append(tag).append('>');
        return this;
    }

    /** An opening tag with an inline style (mail clients ignore style sheets); the style is ours, never user text. */
    public MailHtml open(String tag, String style) {
        html.append('<').append(tag).append(" style=\"").append(escape(style)).append("\">");
        return this;
    }

    public MailHtml close(String tag) {
        html.append("</").append(tag).append('>');
        return this;
    }

    public MailHtml text(String text) {
        html.append(escape(text));
        return this;
    }

    /** A link to {@code url} showing {@code text}; a URL that is not http(s) shows the text only. */
    public MailHtml link(String url, String text) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return text(text);
        }
        html.append("<a href=\"").append(escape(url)).append("\">").append(escape(text)).append("</a>");
        return this;
    }

    @Override
    public String toString() {
        return html.toString();
    }

    /** HTML-escapes text and attribute values ({@code & < > " '}), as {@link Html#escape} does everywhere. */
    public static String escape(String text) {
        return Html.escape(text);
    }
}
