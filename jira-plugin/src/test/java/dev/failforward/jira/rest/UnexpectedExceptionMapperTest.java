package dev.failforward.jira.rest;

import dev.failforward.host.i18n.BundleI18nResolver;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A busy database is a 503 the client may retry; anything else unexpected a 500 with only a reference. */
class UnexpectedExceptionMapperTest {

    private final UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper(BundleI18nResolver.fromClasspath(
            Locale.ENGLISH, "i18n/failforward-jira.properties"));

    @Test
    void aTransientDatabaseRefusalIsA503WithRetryAfter() {
        Response response = mapper.toResponse(new IllegalStateException(new SQLException("lock timeout", "55P03")));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        ErrorBody body = (ErrorBody) response.getEntity();
        assertThat(body.message()).isEqualTo("The failure database is busy right now and nothing was changed."
                + " Please try again in 1 second(s).");
        assertThat(body.message()).doesNotContain("55P03", "SQLException");
    }

    @Test
    void anythingElseIsA500WithAReferenceOnly() {
        Response response = mapper.toResponse(new IllegalStateException(new SQLException("syntax error at ORDER", "42601")));
        assertThat(response.getStatus()).isEqualTo(500);
        ErrorBody body = (ErrorBody) response.getEntity();
        assertThat(body.message()).startsWith("Something went wrong on the server. Quote reference ")
                .doesNotContain("syntax", "42601");
    }
}
