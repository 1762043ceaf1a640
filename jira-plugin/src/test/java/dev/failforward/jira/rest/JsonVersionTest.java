package dev.failforward.jira.rest;

import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An edit's {@code version}: a whole number from 0, else a 400 naming {@code version}. */
class JsonVersionTest {

    @Test
    void readsAWholeNumberAndRefusesAnythingElse() {
        assertThat(JsonVersion.optional(JsonRequest.parse("{\"version\":7}"))).isEqualTo(7L);
        assertThat(JsonVersion.optional(JsonRequest.parse("{\"text\":\"x\"}"))).isNull();
        for (String version : new String[]{"1e30", "99999999999999999999", "1.5", "\"7\"", "true", "-1"}) {
            RequestProblem e = catchThrowableOfType(() -> JsonVersion.optional(
                    JsonRequest.parse("{\"version\":" + version + "}")), RequestProblem.class);
            assertThat(e).as(version).isNotNull();
            assertThat(e.errors().get(0).field()).isEqualTo("version");
            assertThat(e.errors().get(0).code()).isEqualTo("type");
        }
        RequestProblem missing = catchThrowableOfType(() -> JsonVersion.required(JsonRequest.parse("{}")),
                RequestProblem.class);
        assertThat(missing.errors().get(0)).extracting(e -> e.field(), e -> e.code()).containsExactly("version", "required");
    }
}
