package dev.failforward.jira.rest;

import dev.failforward.jira.JiraI18n;
import dev.failforward.rest.RestKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared REST code speaks through this plugin's bundle ({@link RestModuleTest} checks it has every key of
 * {@link RestKeys#ALL}, in i18n/failforward-jira.properties), and reads as Jira's REST API has always answered.
 */
class RestMessagesTest {

    private final JiraRestPlugin plugin = new JiraRestPlugin(JiraI18n.english());

    @Test
    void theStrictReadersRefusalsInJirasWords() {
        assertThat(plugin.text(RestKeys.BODY_TRAILING, 1, 13)).isEqualTo("The request body has more after its JSON value "
                + "(line 1, column 13); send exactly one JSON object.");
        assertThat(plugin.text(RestKeys.BODY_DUPLICATE, "text", 1, 30)).isEqualTo("The key \"text\" appears twice in "
                + "one object of the request body (line 1, column 30); send each key once.");
        assertThat(plugin.text(RestKeys.FIELD_SURROGATE, "text", 1, 9)).isEqualTo("The field \"text\" holds an unpaired "
                + "UTF-16 surrogate (line 1, column 9), which is not a character.");
        assertThat(plugin.text(RestKeys.FIELD_CONTROL, "text")).isEqualTo("The field \"text\" holds a control character; "
                + "only tab, line feed and carriage return are allowed in text.");
        assertThat(plugin.text(RestKeys.BODY_DEEP, 32)).isEqualTo("The request body is nested deeper than 32 levels.");
        assertThat(plugin.text(RestKeys.BODY_NUMBER, 100))
                .isEqualTo("A number in the request body is longer than 100 characters.");
        assertThat(plugin.text(RestKeys.BODY_TOO_LARGE, 1_000_000))
                .isEqualTo("The request body is longer than 1,000,000 characters.");
        assertThat(plugin.text(RestKeys.BODY_MALFORMED, 1, 7)).isEqualTo("The request body is not valid JSON (line 1, column 7).");
    }
}
