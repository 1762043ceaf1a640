package dev.failforward.confluence.rest;

import dev.failforward.host.i18n.BundleI18nResolver;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.Locale;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Confluence proxy reads bodies as strictly as Jira does, with the same codes, before anything reaches Jira. */
class JsonRequestTest {

    private static final BundleI18nResolver I18N = BundleI18nResolver.fromClasspath(Locale.ENGLISH,
            "i18n/failforward-confluence.properties", "dev/failforward/core/i18n/failforward-core.properties");

    private record Refusal(String field, String code, String message) {
    }

    private static Refusal refusal(String body, Consumer<JsonRequest> read) {
        RequestProblem problem = catchThrowableOfType(() -> read.accept(JsonRequest.parse(body)), RequestProblem.class);
        assertThat(problem).as("refused: " + body).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        RequestProblem.FieldError error = problem.errors().get(0);
        return new Refusal(error.field(), error.code(),
                I18N.getText(error.i18nKey(), error.arguments().toArray(Serializable[]::new)));
    }

    private static Refusal refusal(String body) {
        return refusal(body, request -> request.requiredString("text", 100));
    }

    @Test
    void readsOneObject() {
        assertThat(JsonRequest.parse("{\"text\":\"Alerts need an owner \\uD83D\\uDE00\"}").requiredString("text", 100))
                .isEqualTo("Alerts need an owner \uD83D\uDE00");
    }

    @Test
    void refusesWhatALenientReaderLetsThrough() {
        assertThat(refusal("{\"text\":\"x\"} trailing")).isEqualTo(new Refusal("body", "trailing",
                "The request body has more after its JSON value (line 1, column 13); send exactly one JSON object."));
        assertThat(refusal("{\"text\":\"x\"}{\"text\":\"y\"}").code()).isEqualTo("trailing");
        assertThat(refusal("{\"text\":\"a\",\"text\":\"b\"}")).isEqualTo(new Refusal("body", "duplicate-key",
                "The key \"text\" appears twice in one object of the request body (line 1, column 13); send each key once."));
        assertThat(refusal("{\"text\":\"\\ud800\"}")).extracting(Refusal::field, Refusal::code)
                .containsExactly("text", "lone-surrogate");
        assertThat(refusal("{\"\\udfff\":\"x\"}")).extracting(Refusal::field, Refusal::code)
                .containsExactly("body", "lone-surrogate");
        assertThat(refusal("{\"text\":\"a\\u0000b\"}")).extracting(Refusal::field, Refusal::code)
                .containsExactly("text", "control-character");
        assertThat(refusal("{\"text\":" + "[".repeat(50) + "]".repeat(50) + "}").code()).isEqualTo("too-deep");
        assertThat(refusal("{\"text\":" + "1".repeat(200) + "}").code()).isEqualTo("number-too-long");
        assertThat(refusal("{\"text\":\"" + "x".repeat(1_000_001) + "\"}").code()).isEqualTo("too-large");
        Refusal malformed = refusal("{\"text\":\"x\",}");
        assertThat(malformed).extracting(Refusal::field, Refusal::code).containsExactly("body", "malformed");
        assertThat(malformed.message()).startsWith("The request body is not valid JSON (line 1, column ");
    }
}
