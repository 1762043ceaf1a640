package dev.failforward.host.templates;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renderer escapes as velocity-htmlsafe does in the products (docs/platform-8-evidence.md Q5): a scalar named
 * {@code …Html} (or {@code body}) and what an HTML-safe method returns are printed as they are, everything else is
 * escaped once, including a {@code …Html} entry of a map (read with {@code Map.get}).
 */
class HostEscapingTest {

    static final String MARKUP = "<i>a</i> & \"b\" 'c'";
    static final String ESCAPED = "&lt;i&gt;a&lt;/i&gt; &amp; &quot;b&quot; &#39;c&#39;";

    /** Stands for com.atlassian.velocity.htmlsafe.HtmlSafe: the renderer goes by the annotation's simple name. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface HtmlSafe {
    }

    public static final class Bean {
        public String getTitleHtml() {
            return MARKUP;
        }

        public String getTitle() {
            return MARKUP;
        }

        public String renderTitle() {
            return MARKUP;
        }

        @HtmlSafe
        public String annotated() {
            return MARKUP;
        }

        public List<String> getItemsHtml() {
            return List.of(MARKUP);
        }

        public String echo(String text) {
            return text;
        }

        public void nothing() {
        }
    }

    public static final class Fragment {
        @Override
        @HtmlSafe
        public String toString() {
            return MARKUP;
        }
    }

    private static Map<String, String> render(VelocityTemplateRenderer renderer) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("text", MARKUP);
        context.put("textHtml", MARKUP);
        context.put("body", MARKUP);
        context.put("page", Map.of("titleHtml", MARKUP));
        context.put("bean", new Bean());
        context.put("fragment", new Fragment());
        context.put("items", List.of(MARKUP));
        StringWriter out = new StringWriter();
        renderer.render("templates/escaping.vm", context, out);
        Map<String, String> byId = new LinkedHashMap<>();
        Matcher element = Pattern.compile("<(p|ul) id=\"([^\"]+)\">(.*)</\\1>").matcher(out.toString());
        while (element.find()) {
            byId.put(element.group(2), element.group(3));
        }
        return byId;
    }

    @Test
    void printsAsItIsOnlyWhatTheHostPrintsAsItIs() {
        Map<String, String> html = render(new VelocityTemplateRenderer());
        assertThat(html.get("scalar")).isEqualTo(ESCAPED);
        assertThat(html.get("scalar-html")).isEqualTo(MARKUP);
        assertThat(html.get("quiet-html")).isEqualTo(MARKUP);
        assertThat(html.get("body")).as("one of the names the host never escapes").isEqualTo(MARKUP);
        assertThat(html.get("map-html")).as("a map's entry is read with Map.get: escaped").isEqualTo(ESCAPED);
        assertThat(html.get("map-get-html")).isEqualTo(ESCAPED);
        assertThat(html.get("bean-html")).as("getTitleHtml()").isEqualTo(MARKUP);
        assertThat(html.get("bean-text")).isEqualTo(ESCAPED);
        assertThat(html.get("bean-render")).isEqualTo(MARKUP);
        assertThat(html.get("bean-annotated")).isEqualTo(MARKUP);
        assertThat(html.get("safe-to-string")).isEqualTo(MARKUP);
        assertThat(html.get("set-keeps")).as("#set keeps the mark").isEqualTo(MARKUP);
        assertThat(html.get("safe-list")).as("an HTML-safe collection's elements").isEqualTo("<li>" + MARKUP + "</li>");
        assertThat(html.get("plain-list")).isEqualTo("<li>" + ESCAPED + "</li>");
        assertThat(html.get("length")).isEqualTo(String.valueOf(MARKUP.length()));
        assertThat(html.get("call-with-safe-argument")).as("arguments are unboxed; echo is not HTML-safe")
                .isEqualTo(ESCAPED);
        assertThat(html.get("void")).isEmpty();
        assertThat(html.get("if")).isEqualTo("yes");
    }

    @Test
    void withoutEscapingEverythingIsPrintedAsItIs() {
        Map<String, String> html = render(new VelocityTemplateRenderer(VelocityTemplateRenderer.Escaping.NONE));
        assertThat(html.get("scalar")).isEqualTo(MARKUP);
        assertThat(html.get("map-html")).isEqualTo(MARKUP);
        assertThat(html.get("bean-text")).isEqualTo(MARKUP);
    }

    @Test
    void theRulesAreVelocityHtmlsafes() {
        assertThat(HtmlSafePolicy.safeReference("$descriptionHtml")).isTrue();
        assertThat(HtmlSafePolicy.safeReference("$!{fooHTML}")).isTrue();
        assertThat(HtmlSafePolicy.safeReference("$xHtmlContent")).isTrue();
        assertThat(HtmlSafePolicy.safeReference("$head")).isTrue();
        assertThat(HtmlSafePolicy.safeReference("$a.bHtml")).as("not a scalar").isFalse();
        assertThat(HtmlSafePolicy.safeReference("$html")).isTrue();
        assertThat(HtmlSafePolicy.safeReference("$htm")).isFalse();
        assertThat(HtmlSafePolicy.htmlSafeMethodName("getRenderedBody")).isTrue();
        assertThat(HtmlSafePolicy.htmlSafeMethodName("get")).isFalse();
        assertThat(HtmlSafePolicy.encode("plain")).isEqualTo("plain");
        assertThat(HtmlSafePolicy.encode(MARKUP)).isEqualTo(ESCAPED);
        assertThat(HtmlSafePolicy.encode("&amp;")).as("escaped once more: the text was '&amp;'").isEqualTo("&amp;amp;");
    }
}
