package dev.failforward.confluence.rest;

import dev.failforward.rest.RestKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared REST code speaks through this plugin's bundle ({@link RestModuleTest} checks it has every key of
 * {@link RestKeys#ALL}, in i18n/failforward-confluence.properties), in this plugin's words, so the proxy refuses with
 * the same codes as Jira before anything reaches Jira.
 */
class RestMessagesTest {

    private final ConfluenceRestPlugin plugin = new ConfluenceRestPlugin(ConfluenceRest.english());

    @Test
    void theSharedMessagesInConfluencesWords() {
        assertThat(plugin.text(RestKeys.INVALID)).isEqualTo("The request is not valid.");
        assertThat(plugin.text(RestKeys.LOGIN)).isEqualTo("Log in to use Fail Forward.");
        assertThat(plugin.text(RestKeys.BODY_REQUIRED)).isEqualTo("The request needs a JSON body.");
        assertThat(plugin.text(RestKeys.BODY_TRAILING, 1, 13)).isEqualTo("The request body has more after its JSON value "
                + "(line 1, column 13); send exactly one JSON object.");
        assertThat(plugin.text(RestKeys.BODY_DUPLICATE, "text", 1, 13)).isEqualTo("The key \"text\" appears twice in "
                + "one object of the request body (line 1, column 13); send each key once.");
        assertThat(plugin.text(RestKeys.FIELD_TOO_LONG, "text", 100, 120))
                .isEqualTo("The field \"text\" must not be longer than 100 characters.");
        assertThat(plugin.text(RestKeys.HTTP, 404, "Not Found")).isEqualTo("The request failed: 404 Not Found.");
    }
}
