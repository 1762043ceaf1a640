package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.jira.JiraI18n;
import dev.failforward.jira.permissions.FakeRecordPermissions;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /blameless/check on real Jersey: the same marks in Jira as on the retro page, login required, bad input 400. */
class BlamelessCheckResourceTest {

    private static final BundleI18nResolver I18N = JiraI18n.english();

    private RestApp jersey;

    private RestApp start(String user) {
        FakeRecordPermissions permissions = new FakeRecordPermissions().as(user, Set.of(), Set.of());
        jersey = JiraRest.app(I18N).bind(RecordPermissions.class, permissions)
                .register(BlamelessCheckResource.class).start();
        return jersey;
    }

    @AfterEach
    void stop() {
        if (jersey != null) {
            jersey.close();
        }
    }

    @Test
    void marksABlamingPhraseWithItsOffsetsMessageAndSuggestion() {
        String text = "The deploy failed. It was human error, Anna should have checked the config.";
        Response response = start("u-anna").post("blameless/check", "{\"text\":" + quote(text) + "}");

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = RestApp.json(response);
        assertThat(body.path("blameless").asBoolean()).isFalse();
        assertThat(body.path("findings").size()).isGreaterThanOrEqualTo(1);
        for (JsonNode f : body.path("findings")) {
            int start = f.path("start").asInt();
            int end = f.path("end").asInt();
            assertThat(text.substring(start, end)).isEqualTo(f.path("phrase").asText());
            assertThat(f.path("message").asText()).isNotBlank().doesNotContain("failforward.");
            assertThat(f.path("suggestion").asText()).isNotBlank().doesNotContain("failforward.");
        }
        assertThat(body.path("findings").findValuesAsText("phrase")).anyMatch(p -> p.toLowerCase().contains("human error"));
    }

    @Test
    void aBlamelessTextHasNoFindings() {
        JsonNode body = RestApp.json(start("u-anna").post("blameless/check",
                "{\"text\":\"The config change skipped the canary stage because the pipeline had no such stage.\"}"));
        assertThat(body.path("blameless").asBoolean()).isTrue();
        assertThat(body.path("findings").size()).isZero();
    }

    @Test
    void missingTextIs400NamingTheFieldAndAnonymousIs401() {
        Response missing = start("u-anna").post("blameless/check", "{}");
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(RestApp.json(missing).toString()).contains("\"text\"");
        jersey.close();

        assertThat(start(null).post("blameless/check", "{\"text\":\"x\"}").getStatus()).isEqualTo(401);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
