package dev.failforward.core.blameless;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Codes are stable identifiers, and every key they name has a message that formats cleanly. */
class BlameCodeTest {

    private static final String BUNDLE = "/dev/failforward/core/i18n/failforward-core.properties";

    private static Properties messages;

    @BeforeAll
    static void load() throws IOException {
        messages = new Properties();
        InputStream in = BlameCodeTest.class.getResourceAsStream(BUNDLE);
        assertThat(in).as(BUNDLE).isNotNull();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
    }

    @Test
    void codesAreFrozen() {
        assertThat(Stream.of(BlameCode.values()).map(BlameCode::code))
                .containsExactly("fault", "hindsight", "human_error", "character", "person_as_cause");
        for (BlameCode code : BlameCode.values()) {
            assertThat(BlameCode.fromCode(code.code())).contains(code);
        }
        assertThat(BlameCode.fromCode("FAULT")).isEmpty();
    }

    @Test
    void everyKeyIsNamespacedAndInTheBundle() {
        for (BlameCode code : BlameCode.values()) {
            assertThat(code.messageKey()).isEqualTo("failforward.blameless." + code.code() + ".message");
            assertThat(code.suggestionKey()).isEqualTo("failforward.blameless." + code.code() + ".suggestion");
            assertThat(messages.getProperty(code.messageKey())).as(code.messageKey()).isNotBlank();
            assertThat(messages.getProperty(code.suggestionKey())).as(code.suggestionKey()).isNotBlank();
        }
    }

    @Test
    void messagesTakeThePhraseAndSuggestionsTakeNothing() {
        for (BlameCode code : BlameCode.values()) {
            assertThat(format(code.messageKey(), "Anna skipped")).as(code.messageKey())
                    .startsWith("\"Anna skipped\" ").doesNotContain("{").doesNotContain("''");
            assertThat(new MessageFormat(messages.getProperty(code.suggestionKey()), Locale.ENGLISH)
                    .getFormatsByArgumentIndex()).as(code.suggestionKey()).isEmpty();
            assertThat(format(code.suggestionKey())).as(code.suggestionKey())
                    .doesNotContain("{").doesNotContain("''").endsWith(".");
        }
        assertThat(format(BlameCode.PERSON_AS_CAUSE.suggestionKey())).contains(
                "\"the deploy skipped the checklist step\" rather than \"Anna skipped the checklist step\"");
        assertThat(format(BlameCode.CHARACTER.messageKey(), "sloppy")).contains("person's character");
    }

    @Test
    void apostrophesAreEscapedForMessageFormat() {
        for (BlameCode code : BlameCode.values()) {
            for (String key : new String[] {code.messageKey(), code.suggestionKey()}) {
                assertThat(messages.getProperty(key).replace("''", "")).as(key).doesNotContain("'");
            }
        }
    }

    private static String format(String key, Object... arguments) {
        return new MessageFormat(messages.getProperty(key), Locale.ENGLISH).format(arguments);
    }
}
