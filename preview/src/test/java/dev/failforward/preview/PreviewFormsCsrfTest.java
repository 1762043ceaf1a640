package dev.failforward.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state-changing form of the preview carries the session's token and checks where it was sent from
 * ({@link PreviewCsrf}); a failed check is a 403 page that says why, and nothing changes. Path ids that are no number
 * a transition can have are a 400 naming the field.
 */
class PreviewFormsCsrfTest extends PreviewHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> LEARNING = Map.of("text", "Forged learning", "kind", "insight");

    private int learnings(String key) throws Exception {
        JsonNode record = JSON.readTree(get("/rest/failforward/1.0/records/" + key).body());
        return record.path("learnings").size();
    }

    private Map<String, String> withToken(Map<String, String> form) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put(PreviewCsrf.FIELD, token());
        return fields;
    }

    private static String refusal(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h2").text()).isEqualTo("Refused: this form did not come from the preview");
        return page.selectFirst("#refusal").text();
    }

    @Test
    void everyStateChangingFormCarriesTheSessionsToken() throws Exception {
        String token = token();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        Document record = Jsoup.parse(get("/jira/records/OPS-101").body());
        assertThat(record.select("form[method=post]")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(form -> assertThat(form.select("input[type=hidden][name=atl_token]").attr("value"))
                        .isEqualTo(token));
        Document create = Jsoup.parse(get("/jira/issues/new?type=experiment").body());
        assertThat(create.select("form[method=post] input[name=atl_token]").attr("value")).isEqualTo(token);

        HttpResponse<String> created = post("/jira/issues/new?type=incident", Map.of("project", "OPS",
                "summary", "Checkout down", "discoveredAt", "2026-05-01T09:00"));
        String key = created.headers().firstValue("Location").orElseThrow().replaceAll("/jira/issues/([^?]+).*", "$1");
        Document issue = Jsoup.parse(get("/jira/issues/" + key).body());
        assertThat(issue.select("form[method=post]")).isNotEmpty()
                .allSatisfy(form -> assertThat(form.select("input[name=atl_token]").attr("value")).isEqualTo(token));
        Document edit = Jsoup.parse(get("/jira/issues/" + key + "/edit").body());
        assertThat(edit.select("form[method=post] input[name=atl_token]").attr("value")).isEqualTo(token);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        HttpResponse<String> page = get("/jira/records/OPS-101");
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(PreviewCsrf.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
        assertThat(get("/jira/records/OPS-101").headers().allValues("Set-Cookie")).as("one session per browser")
                .noneMatch(c -> c.startsWith(PreviewCsrf.COOKIE + "="));
    }

    @Test
    void aFormFromAnotherOriginIsRefusedAndChangesNothing() throws Exception {
        int before = learnings("OPS-101");
        String foreignOrigin = origin().replace("localhost", "127.0.0.1");
        for (String origin : List.of(foreignOrigin, "https://evil.example", "null", "http://localhost", origin() + ".evil.example")) {
            String message = refusal(postRaw("/jira/records/OPS-101/learnings", withToken(LEARNING), Map.of("Origin", origin)));
            assertThat(message).as(origin).startsWith("The form was sent from " + origin + ", not from a page of this preview (")
                    .endsWith("). Nothing was changed.");
        }
        String referer = refusal(postRaw("/jira/records/OPS-101/learnings", withToken(LEARNING),
                Map.of("Referer", "https://evil.example/page")));
        assertThat(referer).startsWith("The form was sent from https://evil.example/page, not from a page of this preview");
        assertThat(learnings("OPS-101")).isEqualTo(before);
    }

    @Test
    void aFormWithNeitherOriginNorRefererIsRefused() throws Exception {
        int before = learnings("OPS-101");
        String message = refusal(postRaw("/jira/records/OPS-101/learnings", withToken(LEARNING), Map.of()));
        assertThat(message).isEqualTo("The browser did not say which page sent the form (no Origin or Referer header), "
                + "so the preview cannot tell it came from its own page. Nothing was changed.");
        assertThat(learnings("OPS-101")).isEqualTo(before);
    }

    @Test
    void aMissingOrWrongTokenIsRefused() throws Exception {
        int before = learnings("OPS-101");
        String missing = refusal(postRaw("/jira/records/OPS-101/learnings", LEARNING, Map.of("Origin", origin())));
        assertThat(missing).isEqualTo("The form has no security token. Nothing was changed; reload the page and send "
                + "the form again.");
        Map<String, String> forged = new LinkedHashMap<>(LEARNING);
        forged.put(PreviewCsrf.FIELD, "A".repeat(43));
        String wrong = refusal(postRaw("/jira/records/OPS-101/learnings", forged, Map.of("Origin", origin())));
        assertThat(wrong).startsWith("The form's security token does not belong to this browser session");
        // a token of another session (another browser) does not work in this one
        token();
        PreviewFormsCsrfTest other = new PreviewFormsCsrfTest();
        other.host = host;
        Map<String, String> otherSession = new LinkedHashMap<>(LEARNING);
        otherSession.put(PreviewCsrf.FIELD, other.token());
        assertThat(otherSession.get(PreviewCsrf.FIELD)).isNotEqualTo(token());
        refusal(postRaw("/jira/records/OPS-101/learnings", otherSession, Map.of("Origin", origin())));
        assertThat(learnings("OPS-101")).isEqualTo(before);

        // the page's own post, with the Referer only (as a browser with a strict referrer policy sends none of Origin)
        HttpResponse<String> own = postRaw("/jira/records/OPS-101/learnings", withToken(Map.of("text", "Real learning",
                "kind", "insight")), Map.of("Referer", origin() + "/jira/records/OPS-101"));
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(learnings("OPS-101")).isEqualTo(before + 1);
    }

    @Test
    void issueFormsAreCheckedToo() throws Exception {
        Map<String, String> incident = Map.of("project", "OPS", "summary", "Forged incident",
                "discoveredAt", "2026-05-01T09:00");
        refusal(postRaw("/jira/issues/new?type=incident", withToken(incident), Map.of("Origin", "https://evil.example")));
        refusal(postRaw("/jira/issues/new?type=incident", incident, Map.of("Origin", origin())));
        assertThat(get("/jira/issues").body()).doesNotContain("Forged incident");

        HttpResponse<String> created = post("/jira/issues/new?type=incident", Map.of("project", "OPS",
                "summary", "Real incident", "discoveredAt", "2026-05-01T09:00"));
        assertThat(created.statusCode()).isEqualTo(302);
        String key = created.headers().firstValue("Location").orElseThrow().replaceAll("/jira/issues/([^?]+).*", "$1");
        refusal(postRaw("/jira/issues/" + key + "/edit", Map.of("summary", "Renamed by someone else"),
                Map.of("Origin", origin())));
        refusal(postRaw("/jira/issues/" + key + "/transition/11", withToken(Map.of()), Map.of("Origin", "http://evil.example")));
        assertThat(get("/jira/issues/" + key).body()).contains("Real incident").doesNotContain("Renamed by someone else");
    }

    @Test
    void aTransitionIdThatIsNoIntIs400NamingTheField() throws Exception {
        HttpResponse<String> created = post("/jira/issues/new?type=incident", Map.of("project", "OPS",
                "summary", "Checkout down", "discoveredAt", "2026-05-01T09:00"));
        String key = created.headers().firstValue("Location").orElseThrow().replaceAll("/jira/issues/([^?]+).*", "$1");
        for (String id : List.of("2147483648", "99999999999999999999999999", "9".repeat(500))) {
            for (HttpResponse<String> response : List.of(get("/jira/issues/" + key + "/transition/" + id),
                    post("/jira/issues/" + key + "/transition/" + id, Map.of()))) {
                assertThat(response.statusCode()).as(id).isEqualTo(400);
                Document page = Jsoup.parse(response.body());
                assertThat(page.selectFirst("#refusal").text()).startsWith("Transition id: \"" + id.substring(0, Math.min(30, id.length())))
                        .endsWith("is not a transition id (a whole number up to 2147483647).");
                assertThat(response.body()).doesNotContain("Exception", "NumberFormat");
            }
        }
        assertThat(get("/jira/issues/" + key + "/transition/2147483647").statusCode()).isEqualTo(404);
    }
}
