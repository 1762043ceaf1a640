package dev.failforward.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.Serializable;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Strict reading of request bodies: one JSON object, each key once, real characters, bounded; every refusal named with
 * its field, code, message key and arguments (the plugins' tests check the messages in their own words). Fields nobody
 * reads are tolerated, but read as strictly as the rest.
 */
class JsonRequestTest {

    /** The single field error of refusing {@code body}. */
    private static Refusal refusal(String body) {
        RequestProblem e = catchThrowableOfType(() -> JsonRequest.parse(body), RequestProblem.class);
        assertThat(e).as("refused: " + body).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.messageKey()).isEqualTo(RestKeys.INVALID);
        assertThat(e.errors()).hasSize(1);
        return Refusal.of(e.errors().get(0));
    }

    /** As {@link #refusal}, reading the field {@code text}. */
    private static Refusal textRefusal(String body) {
        RequestProblem e = catchThrowableOfType(() -> JsonRequest.parse(body).requiredString("text", 100),
                RequestProblem.class);
        assertThat(e).as("refused: " + body).isNotNull();
        return Refusal.of(e.errors().get(0));
    }

    private record Refusal(String field, String code, String key, List<Serializable> arguments) {
        static Refusal of(FieldError error) {
            return new Refusal(error.field(), error.code(), error.i18nKey(), error.arguments());
        }
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
        assertThat(garbage.key()).isEqualTo(RestKeys.BODY_TRAILING);
        assertThat(garbage.arguments()).containsExactly(1, 13);
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
        assertThat(twice.key()).isEqualTo(RestKeys.BODY_DUPLICATE);
        assertThat(twice.arguments()).containsExactly("text", 1, 30);
        assertThat(refusal("{\"a\":{\"b\":1,\"b\":2}}").code()).isEqualTo("duplicate-key");
        assertThat(refusal("{\"a\":[{\"b\":1,\"b\":1}]}").code()).isEqualTo("duplicate-key");
        // the same key in sibling objects is fine
        assertThat(JsonRequest.parse("{\"a\":[{\"b\":1},{\"b\":2}],\"b\":3}").optionalInteger("b", 0, 9)).contains(3);
    }

    @Test
    void loneSurrogatesAreRefusedNamingTheField() {
        Refusal high = refusal("{\"text\":\"broken \\ud800 here\"}");
        assertThat(high).extracting(Refusal::field, Refusal::code).containsExactly("text", "lone-surrogate");
        assertThat(high.key()).isEqualTo(RestKeys.FIELD_SURROGATE);
        assertThat(high.arguments()).containsExactly("text", 1, 9);
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
        assertThat(textRefusal("{\"text\":\"\\u0000\"}")).extracting(Refusal::key, Refusal::arguments)
                .containsExactly(RestKeys.FIELD_CONTROL, List.of("text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"text\":}", "{'text':'x'}", "{text:\"x\"}", "{\"text\":\"x\",}", "[1,]",
            "{\"text\":\"x\" \"kind\":\"y\"}", "{\"a\":NaN}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":+1}", "/* c */ {}",
            "{\"a\":\"unterminated}", "{\"a\":\"raw\ttab\"}", "\u0000", "{\"a\":tru}", "{\"a\":1e}"})
    void notJsonIsMalformedWithItsPosition(String body) {
        Refusal refusal = refusal(body);
        assertThat(refusal).extracting(Refusal::field, Refusal::code).containsExactly("body", "malformed");
        assertThat(refusal.key()).isEqualTo(RestKeys.BODY_MALFORMED);
        assertThat(refusal.arguments()).hasSize(2).first().isEqualTo(1);
    }

    @Test
    void depthNumbersAndSizeAreBounded() {
        String deep = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
        Refusal tooDeep = refusal(deep);
        assertThat(tooDeep).extracting(Refusal::field, Refusal::code).containsExactly("body", "too-deep");
        assertThat(tooDeep).extracting(Refusal::key, Refusal::arguments).containsExactly(RestKeys.BODY_DEEP, List.of(32));
        assertThat(refusal("[".repeat(100_000)).code()).isEqualTo("too-deep");
        JsonRequest.parse("{\"a\":" + "[".repeat(30) + "]".repeat(30) + "}");

        Refusal longNumber = refusal("{\"score\":" + "9".repeat(101) + "}");
        assertThat(longNumber).extracting(Refusal::field, Refusal::code).containsExactly("body", "number-too-long");
        assertThat(longNumber).extracting(Refusal::key, Refusal::arguments)
                .containsExactly(RestKeys.BODY_NUMBER, List.of(100));
        assertThat(refusal("{\"score\":" + "9".repeat(5000) + "}").code()).isEqualTo("number-too-long");

        Refusal large = refusal("{\"text\":\"" + "x".repeat(1_000_001) + "\"}");
        assertThat(large).extracting(Refusal::field, Refusal::code).containsExactly("body", "too-large");
        assertThat(large).extracting(Refusal::key, Refusal::arguments)
                .containsExactly(RestKeys.BODY_TOO_LARGE, List.of(1_000_000));
    }

    @Test
    void hugeAndFractionalNumbersAreOutOfRangeNotErrors() {
        for (String number : new String[]{"99999999999999999999999", "4.0", "4.5", "1e9", "1e999999", "-1e-999999", "-0.0"}) {
            RequestProblem e = catchThrowableOfType(() -> JsonRequest.parse("{\"score\":" + number + "}")
                    .optionalInteger("score", 1, 5), RequestProblem.class);
            assertThat(e).as(number).isNotNull();
            assertThat(e.errors().get(0).field()).isEqualTo("score");
            assertThat(e.errors().get(0).code()).isEqualTo("out-of-range");
        }
    }

    @Test
    void wrongTypesNameTheField() {
        RequestProblem e = catchThrowableOfType(() -> JsonRequest.parse("{\"text\":[\"x\"]}")
                .requiredString("text", 10), RequestProblem.class);
        assertThat(e.errors().get(0)).extracting(FieldError::field, FieldError::code).containsExactly("text", "type");
        assertThat(refusal("[]").code()).isEqualTo("type");
        assertThat(refusal("\"text\"").code()).isEqualTo("type");
        assertThat(refusal("null").code()).isEqualTo("type");
        assertThat(refusal("  ").code()).isEqualTo("required");
    }

    @Test
    void fieldsNobodyReadsAreIgnored() {
        JsonRequest json = JsonRequest.parse("{\"text\":\"Alerts need an owner\",\"addedInVersion2\":{\"nested\":[1,2.5,null]},"
                + "\"priority\":\"high\",\"id\":42,\"links\":[],\"note\":\"tab\\u0007ok\"}");
        assertThat(json.requiredString("text", 100)).isEqualTo("Alerts need an owner");
        assertThat(json.optionalInteger("score", 1, 5)).isEmpty();
        // a control character only matters in a field that is read as text
        assertThat(JsonRequest.parse("{\"text\":\"x\",\"legacy\":\"\\u0000\"}").requiredString("text", 10)).isEqualTo("x");
    }

    @Test
    void fieldsNobodyReadsAreStillReadStrictly() {
        assertThat(refusal("{\"text\":\"x\",\"future\":{\"a\":1,\"a\":2}}").code()).isEqualTo("duplicate-key");
        assertThat(refusal("{\"text\":\"x\",\"future\":1,\"future\":2}").code()).isEqualTo("duplicate-key");
        assertThat(refusal("{\"text\":\"x\",\"future\":[\"\\udbff\"]}")).extracting(Refusal::field, Refusal::code)
                .containsExactly("future", "lone-surrogate");
        assertThat(refusal("{\"text\":\"x\",\"future\":" + "[".repeat(40) + "]".repeat(40) + "}").code())
                .isEqualTo("too-deep");
        assertThat(refusal("{\"text\":\"x\",\"future\":true} {}").code()).isEqualTo("trailing");
    }
}
