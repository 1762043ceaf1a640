package dev.failforward.preview;

import com.atlassian.sal.api.message.I18nResolver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the products' {@code jsI18n} web-resource transformer does: every {@code AJS.I18n.getText('literal.key')} in a
 * served script becomes the translated string, as a JavaScript string literal. Keys must be literals there too.
 */
final class JsI18nTransformer {

    private static final Pattern CALL = Pattern.compile("AJS\\.I18n\\.getText\\(\\s*(['\"])([A-Za-z0-9_.\\-]+)\\1\\s*\\)");

    private JsI18nTransformer() {
    }

    static String transform(String script, I18nResolver i18n) {
        Matcher matcher = CALL.matcher(script);
        StringBuilder out = new StringBuilder(script.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(jsString(i18n.getText(matcher.group(2)))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String jsString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
