package dev.failforward.preview;

import com.atlassian.sal.api.message.I18nResolver;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsI18nTransformerTest {

    private final Map<String, String> texts = Map.of("a.b", "Say \"hi\" </script>", "c-d.e", "Line\nbreak");
    private final I18nResolver i18n = (key, args) -> texts.getOrDefault(key, key);

    @Test
    void replacesLiteralKeyCallsWithJavaScriptStrings() {
        String out = JsI18nTransformer.transform("var x = AJS.I18n.getText('a.b'); var y = AJS.I18n.getText( \"c-d.e\" );", i18n);
        assertThat(out).isEqualTo("var x = \"Say \\\"hi\\\" \\u003c/script\\u003e\"; var y = \"Line\\nbreak\";");
    }

    @Test
    void leavesNonLiteralCallsAlone() {
        String script = "AJS.I18n.getText(key); AJS.I18n.getText('a.b' + suffix)";
        assertThat(JsI18nTransformer.transform(script, i18n)).isEqualTo(script);
    }

    @Test
    void anUnknownKeyBecomesTheKeyItself() {
        assertThat(JsI18nTransformer.transform("AJS.I18n.getText('x.y')", i18n)).isEqualTo("\"x.y\"");
    }
}
