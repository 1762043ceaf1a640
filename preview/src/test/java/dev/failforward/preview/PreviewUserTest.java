package dev.failforward.preview;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page header's preview user: the administrator by default, a teammate who is not one after switching; the
 * plugin's admin page and admin REST resources answer each as the product would (200, then 403), the other pages and
 * resources stay open to both, and a switch from another origin is refused.
 */
class PreviewUserTest extends PreviewHttpTest {

    @Test
    void theHeaderSwitchesBetweenTheAdministratorAndATeammate() throws Exception {
        assertThat(get("/").body()).contains("demo (administrator)").contains("href=\"/preview/user\"");
        assertThat(get("/plugins/servlet/failforward/admin/setup").statusCode()).isEqualTo(200);
        assertThat(get("/rest/failforward/1.0/admin/backfill").statusCode()).isEqualTo(200);

        HttpResponse<String> switched = post("/preview/user", Map.of("as", "kim"));
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(get("/").body()).contains("kim (not an administrator)");
        assertThat(get("/plugins/servlet/failforward/admin/setup").statusCode()).isEqualTo(403);
        HttpResponse<String> backfill = get("/rest/failforward/1.0/admin/backfill");
        assertThat(backfill.statusCode()).isEqualTo(403);
        assertThat(backfill.body()).contains("\"status\":403");
        // what is not administration stays open to a teammate
        assertThat(get("/rest/failforward/1.0/openapi.json").statusCode()).isEqualTo(200);
        assertThat(get("/rest/failforward/1.0/records?project=OPS").statusCode()).isEqualTo(200);
        assertThat(get("/jira/dashboard").statusCode()).isEqualTo(200);

        assertThat(post("/preview/user", Map.of("as", "demo")).statusCode()).isEqualTo(303);
        assertThat(get("/rest/failforward/1.0/admin/backfill").statusCode()).isEqualTo(200);
    }

    @Test
    void aSwitchFromAnotherOriginOrToAnUnknownUserIsRefused() throws Exception {
        token();
        assertThat(postRaw("/preview/user", Map.of("as", "kim", PreviewCsrf.FIELD, token()),
                Map.of("Origin", "http://evil.example")).statusCode()).isEqualTo(403);
        assertThat(post("/preview/user", Map.of("as", "root")).statusCode()).isEqualTo(400);
        assertThat(get("/rest/failforward/1.0/admin/backfill").statusCode()).isEqualTo(200);
    }
}
