package dev.failforward.host.templates;

import com.atlassian.sal.api.message.I18nResolver;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the plugins' templates are rendered with in the escaping tests: text with markup, both quotes and an entity, as
 * a user (or a translator) might type it, and the checks that it reached the page escaped exactly once.
 */
public final class HostileText {

    /** A script, an element that would be found if it arrived as markup, quotes, and an entity typed as text. */
    public static final String VALUE = "<script>alert('ff')</script><b id=\"ff-raw\">\"quoted\" & 'single' &amp;</b>";

    private HostileText() {
    }

    /** {@link #VALUE} as it must appear in the HTML: escaped once, as the host escapes. */
    public static String escapedOnce() {
        return HtmlSafePolicy.encode(VALUE);
    }

    /** Every message is its key, its arguments and {@link #VALUE}: hostile translations. */
    public static I18nResolver i18n() {
        return (key, arguments) -> key
                + (arguments == null || arguments.length == 0 ? "" : " " + Arrays.stream(arguments)
                .map(String::valueOf).collect(Collectors.joining(" ")))
                + " " + VALUE;
    }

    /**
     * What is wrong with HTML a template made from hostile values: their markup arrived raw, or something was escaped
     * twice ({@code &amp;lt;}), or the value never arrived escaped once (dropped, or escaped some other way).
     */
    public static List<String> problems(String html) {
        List<String> problems = new ArrayList<>();
        if (html.contains("<script>alert(") || html.contains("<b id=\"ff-raw\">")) {
            problems.add("raw markup from a value: " + excerpt(html, html.contains("<script>alert(")
                    ? "<script>alert(" : "<b id=\"ff-raw\">"));
        }
        for (String twice : List.of("&amp;lt;", "&amp;gt;", "&amp;quot;", "&amp;#39;", "&amp;amp;amp;")) {
            if (html.contains(twice)) {
                problems.add("escaped twice (" + twice + "): " + excerpt(html, twice));
            }
        }
        if (!html.contains(escapedOnce())) {
            problems.add("the hostile value is nowhere escaped once");
        }
        return problems;
    }

    /** The arguments a hostile message was given, for tests that need one of them as text. */
    public static String message(String key, Serializable... arguments) {
        return i18n().getText(key, arguments);
    }

    private static String excerpt(String html, String part) {
        int at = html.indexOf(part);
        return html.substring(Math.max(0, at - 60), Math.min(html.length(), at + part.length() + 60));
    }
}
