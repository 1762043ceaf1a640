package dev.failforward.jira.rest;

import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.jira.JiraI18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.Serializable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Strict reading of request bodies: one JSON object, each key once, real characters, bounded; every refusal named. */
class JsonRequestTest {

    private static final BundleI18nResolver I18N = JiraI18n.english();

    /** The single field error of refusing {@code body}, with its message in English. */
    private static Refusal refusal(String body) {
        InvalidRequestException e = catchThrowableOfType(() -> JsonRequest.parse(body), InvalidRequestException.class);
        assertThat(e).as("refused: " + body).isNotNull();
        assertThat(e.errors()).hasSize(1);
        FieldError error = e.errors().get(0);
        return new Refusal(error.field(), error.code(),
                I18N.getText(error.i18nKey(), error.arguments().toArray(Serializable[]::new)));
    }

    /** As {@link #refusal}, reading the field {@code text}. */
    private static Refusal textRefusal(String body) {
        InvalidRequestException e = catchThrowableOfType(() -> JsonRequest.parse(body).requiredString("text", 100),
                InvalidRequestException.class);
        assertThat(e).as("refused: " + body).isNotNull();
        FieldError error = e.errors().get(0);
        return new Refusal(error.field(), error.code(),
                I18N.getText(error.i18nKey(), error.arguments().toArray(Serializable[]::new)));
    }

    private record Refusal(String field, String code, String message) {
    }

    @Test
    void readsAnObjectFieldByField() {
        JsonRequest json = JsonRequest.parse(" {\"text\":\"If we add a checklist, then fewer failures \\uD83D\\uDE00\","
                + "\"score\":4,\"note\":null}\n");
        assertThat(json.requiredString("text", 100)).endsWith("fewer failures \uD83D\uDE00");
        assertThat(json.optionalInteger("score", 1, 5)).contains(4);
        assertThat(json.optionalString("note", 10)).isEmpty();
        assertThat(json.optionalString("tab", 10)).isEmpty();
        assertThat(JsonRequest.parse("{\"text\":\"line 1\\nline 2\\ttab\\r\"}").requiredString("text", 100))
                .isEqualTo("line 1\nline 2\ttab\r");
    }

    @Test
    void trailingTokensAndASecondValueAreRefused() {
        Refusal garbage = refusal("{\"text\":\"x\"} garbage");
        assertThat(garbage).extracting(Refusal::field, Refusal::code).containsExactly("body", "trailing");
        assertThat(garbage.message()).isEqualTo("The request body has more after its JSON value (line 1, column 13); "
                + "send exactly one JSON object.");
        assertThat(refusal("{\"text\":\"x\"}{\"text\":\"y\"}").code()).isEqualTo("trailing");
        assertThat(refusal("{\"text\":\"x\"}\n[]").code()).isEqualTo("trailing");
        assertThat(refusal("{\"text\":\"x\"} 1").code()).isEqualTo("trailing");
        assertThat(refusal("{\"text\":\"x\"}}").code()).isEqualTo("trailing");
        assertThat(refusal("{\"text\":\"x\"} \"").code()).isEqualTo("trailing");
    }

    @Test
    void aKeyTwiceIsRefusedWhereverItIs() {
        Refusal twice = refusal("{\"text\":\"a\",\"kind\":\"insight\",\"text\":\"b\"}");
        assertThat(twice).extracting(Refusal::field, Refusal::code).containsExactly("body", "duplicate-key");
        assertThat(twice.message()).isEqualTo("The key \"text\" appears twice in one object of the request body "
                + "(line 1, column 30); send each key once.");
        assertThat(refusal("{\"a\":{\"b\":1,\"b\":2}}").code()).isEqualTo("duplicate-key");
        assertThat(refusal("{\"a\":[{\"b\":1,\"b\":1}]}").code()).isEqualTo("duplicate-key");
        // the same key in sibling objects is fine
        assertThat(JsonRequest.parse("{\"a\":[{\"b\":1},{\"b\":2}],\"b\":3}").optionalInteger("b", 0, 9)).contains(3);
    }

    @Test
    void loneSurrogatesAreRefusedNamingTheField() {
        Refusal high = refusal("{\"text\":\"broken \\ud800 here\"}");
        assertThat(high).extracting(Refusal::field, Refusal::code).containsExactly("text", "lone-surrogate");
        assertThat(high.message()).isEqualTo("The field \"text\" holds an unpaired UTF-16 surrogate (line 1, column 9), "
                + "which is not a character.");
        assertThat(refusal("{\"text\":\"\\udc00\"}").field()).isEqualTo("text");
        assertThat(refusal("{\"text\":\"end \\ud83d\"}").field()).isEqualTo("text");
        assertThat(refusal("{\"text\":\"\\ude00\\ud83d\"}").field()).as("reversed pair").isEqualTo("text");
        assertThat(refusal("{\"note\":[\"ok\",{\"deep\":\"\\ud800\"}]}").field()).as("the top-level field").isEqualTo("note");
        assertThat(refusal("\"\\ud800\"").field()).isEqualTo("body");
        assertThat(refusal("{\"te\\ud800xt\":\"x\"}")).extracting(Refusal::field, Refusal::code)
                .containsExactly("body", "lone-surrogate");
        assertThat(refusal("{\"unread\":\"\\ud800\"}").field()).as("also in fields nobody reads").isEqualTo("unread");
        // raw (unescaped) lone surrogates in the decoded text too
        assertThat(refusal("{\"text\":\"a\uD800b\"}").code()).isEqualTo("lone-surrogate");
    }

    @Test
    void controlCharactersOtherThanTabAndLineEndsAreRefusedInText() {
        for (String escape : new String[]{"\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\f", "\\b"}) {
            Refusal refusal = textRefusal("{\"text\":\"a" + escape + "b\"}");
            assertThat(refusal).as(escape).extracting(Refusal::field, Refusal::code)
                    .containsExactly("text", "control-character");
        }
        assertThat(textRefusal("{\"text\":\"\\u0000\"}").message()).isEqualTo("The field \"text\" holds a control character; "
                + "only tab, line feed and carriage return are allowed in text.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"text\":}", "{'text':'x'}", "{text:\"x\"}", "{\"text\":\"x\",}", "[1,]",
            "{\"text\":\"x\" \"kind\":\"y\"}", "{\"a\":NaN}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":+1}", "/* c */ {}",
            "{\"a\":\"unterminated}", "{\"a\":\"raw\ttab\"}", "\u0000", "{\"a\":tru}", "{\"a\":1e}"})
    void notJsonIsMalformedWithItsPosition(String body) {
        Refusal refusal = refusal(body);
        assertThat(refusal).extracting(Refusal::field, Refusal::code).containsExactly("body", "malformed");
        assertThat(refusal.message()).startsWith("The request body is not valid JSON (line 1, column ");
    }

    @Test
    void depthNumbersAndSizeAreBounded() {
        String deep = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
        Refusal tooDeep = refusal(deep);
        assertThat(tooDeep).extracting(Refusal::field, Refusal::code).containsExactly("body", "too-deep");
        assertThat(tooDeep.message()).isEqualTo("The request body is nested deeper than 32 levels.");
        assertThat(refusal("[".repeat(100_000)).code()).isEqualTo("too-deep");
        JsonRequest.parse("{\"a\":" + "[".repeat(30) + "]".repeat(30) + "}");

        Refusal longNumber = refusal("{\"score\":" + "9".repeat(101) + "}");
        assertThat(longNumber).extracting(Refusal::field, Refusal::code).containsExactly("body", "number-too-long");
        assertThat(longNumber.message()).isEqualTo("A number in the request body is longer than 100 characters.");
        assertThat(refusal("{\"score\":" + "9".repeat(5000) + "}").code()).isEqualTo("number-too-long");

        Refusal large = refusal("{\"text\":\"" + "x".repeat(1_000_001) + "\"}");
        assertThat(large).extracting(Refusal::field, Refusal::code).containsExactly("body", "too-large");
        assertThat(large.message()).isEqualTo("The request body is longer than 1,000,000 characters.");
    }

    @Test
    void hugeAndFractionalNumbersAreOutOfRangeNotErrors() {
        for (String number : new String[]{"99999999999999999999999", "4.0", "4.5", "1e9", "1e999999", "-1e-999999", "-0.0"}) {
            InvalidRequestException e = catchThrowableOfType(() -> JsonRequest.parse("{\"score\":" + number + "}")
                    .optionalInteger("score", 1, 5), InvalidRequestException.class);
            assertThat(e).as(number).isNotNull();
            assertThat(e.errors().get(0).field()).isEqualTo("score");
            assertThat(e.errors().get(0).code()).isEqualTo("out-of-range");
        }
        assertThat(JsonVersion.optional(JsonRequest.parse("{\"version\":7}"))).isEqualTo(7L);
        for (String version : new String[]{"1e30", "99999999999999999999", "1.5", "\"7\"", "true", "-1"}) {
            InvalidRequestException e = catchThrowableOfType(() -> JsonVersion.optional(
                    JsonRequest.parse("{\"version\":" + version + "}")), InvalidRequestException.class);
            assertThat(e).as(version).isNotNull();
            assertThat(e.errors().get(0).field()).isEqualTo("version");
        }
    }

    @Test
    void wrongTypesNameTheField() {
        InvalidRequestException e = catchThrowableOfType(() -> JsonRequest.parse("{\"text\":[\"x\"]}")
                .requiredString("text", 10), InvalidRequestException.class);
        assertThat(e.errors().get(0)).extracting(FieldError::field, FieldError::code).containsExactly("text", "type");
        assertThat(refusal("[]").code()).isEqualTo("type");
        assertThat(refusal("\"text\"").code()).isEqualTo("type");
        assertThat(refusal("null").code()).isEqualTo("type");
        assertThat(refusal("  ").code()).isEqualTo("required");
    }
}
