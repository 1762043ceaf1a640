package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.jira.search.SimilarMatch;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.failforward.jira.rest.ResurfacingApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST/GET /learnings/{id}/reuses} and {@code GET /learnings/related/{issueKey}} on real Jersey over the real
 * AO stores: the contract's statuses and payloads, idempotence, permissions (a hidden learning or target answers like
 * a missing one), and the related learnings of a new incident with "Apply here".
 */
class LearningReusesResourceTest {

    private ResurfacingApi api;

    @BeforeEach
    void start() throws Exception {
        api = new ResurfacingApi();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private String reuses(long learningId) {
        return "learnings/" + learningId + "/reuses";
    }

    @Test
    void anonymousGets401() {
        assertThat(api.anonymous().post(reuses(api.yearAgo.id()), "{\"kind\":\"retro\",\"target\":\"page:1\"}")
                .getStatus()).isEqualTo(401);
        assertThat(api.anonymous().get(reuses(api.yearAgo.id())).getStatus()).isEqualTo(401);
        assertThat(api.anonymous().get("learnings/related/OPS-4").getStatus()).isEqualTo(401);
    }

    @Test
    void recordsAReuseOnceAndCountsThemAll() throws Exception {
        Response first = api.editor().post(reuses(api.yearAgo.id()), "{\"kind\":\"Incident\",\"target\":\" ops-4 \"}");
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(FailureDbApi.JSON.writeValueAsString(json(first))).isEqualTo("{\"learningId\":" + api.yearAgo.id()
                + ",\"kind\":\"incident\",\"target\":\"OPS-4\",\"reusedAt\":\"2026-12-07T10:00:00Z\",\"reuses\":1}");

        Response again = api.colleague().post(reuses(api.yearAgo.id()), "{\"kind\":\"incident\",\"target\":\"OPS-4\"}");
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(json(again).path("reuses").asInt()).isEqualTo(1);

        Response cited = api.viewer().post(reuses(api.yearAgo.id()), "{\"kind\":\"retro\",\"target\":\"page:4242\"}");
        assertThat(cited.getStatus()).as("citing in a retro needs no edit permission in Jira").isEqualTo(201);
        assertThat(json(cited).path("reuses").asInt()).isEqualTo(2);

        JsonNode list = json(api.viewer().get(reuses(api.yearAgo.id())));
        assertThat(list.path("learningId").asLong()).isEqualTo(api.yearAgo.id());
        assertThat(list.path("total").asInt()).isEqualTo(2);
        assertThat(list.path("reuses").findValuesAsText("target")).containsExactly("OPS-4", "page:4242");
        assertThat(list.path("reuses").get(1).path("kind").asText()).isEqualTo("retro");
        assertThat(api.reuses.byLearning(api.yearAgo.id()).get(0).reusedBy()).isEqualTo("u-fred");
    }

    @Test
    void aTargetInAHiddenProjectIsCountedButNotNamed() {
        assertThat(api.admin().post(reuses(api.yearAgo.id()), "{\"kind\":\"incident\",\"target\":\"SEC-1\"}")
                .getStatus()).isEqualTo(201);
        api.editor().post(reuses(api.yearAgo.id()), "{\"kind\":\"incident\",\"target\":\"OPS-4\"}");

        JsonNode list = json(api.editor().get(reuses(api.yearAgo.id())));
        assertThat(list.path("total").asInt()).isEqualTo(2);
        assertThat(list.path("reuses").findValuesAsText("target")).containsExactly("OPS-4");
        assertThat(json(api.admin().get(reuses(api.yearAgo.id()))).path("reuses").findValuesAsText("target"))
                .containsExactly("SEC-1", "OPS-4");
    }

    @Test
    void namesTheBadFieldAndAnswersHiddenLikeMissing() {
        long id = api.yearAgo.id();
        assertError(api.editor().post(reuses(id), "{\"target\":\"OPS-4\"}"), 400, "kind", "required");
        assertError(api.editor().post(reuses(id), "{\"kind\":\"blog\",\"target\":\"OPS-4\"}"), 400, "kind", "unknown");
        assertError(api.editor().post(reuses(id), "{\"kind\":\"incident\"}"), 400, "target", "required");
        assertError(api.editor().post(reuses(id), "{\"kind\":\"incident\",\"target\":\"page:12\"}"), 400, "target",
                "invalid");
        assertError(api.editor().post(reuses(id), "{\"kind\":\"retro\",\"target\":\"OPS-4\"}"), 400, "target",
                "invalid");
        assertError(api.editor().post(reuses(id), "{\"kind\":\"experiment\",\"target\":\"OPS-4\"}"), 400, "kind",
                "mismatch");
        assertError(api.editor().post(reuses(id), "{\"kind\":\"incident\",\"target\":\"OPS-1\"}"), 400, "target",
                "own-record");
        assertError(api.editor().post(reuses(id), "{\"kind\":\"incident\",\"target\":\"SEC-1\"}"), 404, "target",
                "not-found");
        assertError(api.editor().post(reuses(id), "{\"kind\":\"incident\",\"target\":\"OPS-99\"}"), 404, "target",
                "not-found");
        assertError(api.viewer().post(reuses(id), "{\"kind\":\"incident\",\"target\":\"OPS-4\"}"), 403, "target",
                "forbidden");

        Response hidden = api.editor().post(reuses(api.secYearAgo.id()), "{\"kind\":\"retro\",\"target\":\"page:1\"}");
        Response missing = api.editor().post(reuses(999_999), "{\"kind\":\"retro\",\"target\":\"page:1\"}");
        assertThat(hidden.getStatus()).isEqualTo(404);
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(json(hidden).path("message").asText()).startsWith("There is no learning with the id");
        assertThat(api.editor().get(reuses(api.secYearAgo.id())).getStatus()).isEqualTo(404);
        assertThat(api.editor().get("learnings/abc/reuses").getStatus()).isEqualTo(404);
        assertThat(api.reuses.byLearning(id)).as("nothing was stored by a refused request").isEmpty();
    }

    @Test
    void relatedLearningsOfANewIncidentCanBeAppliedHere() {
        api.similarAnswer.addAll(List.of(new SimilarMatch(10001, "OPS-1", "OPS", "Checkout down for 20 minutes", 3.2,
                List.of("summary")), new SimilarMatch(10003, "OPS-3", "OPS", "Canary for config changes", 1.1,
                List.of("summary"))));

        JsonNode related = json(api.editor().get("learnings/related/ops-4"));
        assertThat(related.path("issueKey").asText()).isEqualTo("OPS-4");
        assertThat(related.path("kind").asText()).isEqualTo("incident");
        assertThat(related.path("canApply").asBoolean()).isTrue();
        assertThat(related.path("items").findValuesAsText("text")).containsExactly("Pool alarms come too late",
                "Five percent of traffic is too noisy", "Config needs a canary like code");
        JsonNode first = related.path("items").get(0);
        assertThat(first.path("record").path("key").asText()).isEqualTo("OPS-1");
        assertThat(first.path("record").path("summary").asText()).isEqualTo("Checkout down for 20 minutes");
        assertThat(first.path("record").path("url").asText()).isEqualTo("/browse/OPS-1");
        assertThat(first.path("applied").asBoolean()).isFalse();

        long learningId = first.path("learningId").asLong();
        assertThat(api.editor().post(reuses(learningId), "{\"kind\":\"" + related.path("kind").asText()
                + "\",\"target\":\"OPS-4\"}").getStatus()).isEqualTo(201);
        JsonNode after = json(api.editor().get("learnings/related/OPS-4"));
        assertThat(after.path("items").get(0).path("applied").asBoolean()).isTrue();
        assertThat(after.path("items").get(1).path("applied").asBoolean()).isFalse();

        assertThat(json(api.viewer().get("learnings/related/OPS-4")).path("canApply").asBoolean()).isFalse();
        assertThat(api.editor().get("learnings/related/SEC-1").getStatus()).isEqualTo(404);
        api.similarAnswer.clear();
        assertThat(json(api.editor().get("learnings/related/OPS-4")).path("items")).isEmpty();
    }

    @Test
    void theArchiveStillAnswersBesideTheNewLearningPaths() {
        Response archive = api.viewer().get("learnings?maxResults=1");
        assertThat(archive.getStatus()).isEqualTo(200);
        assertThat(json(archive).path("total").asInt()).isEqualTo(5);
    }

    private static void assertError(Response response, int status, String field, String code) {
        assertThat(response.getStatus()).isEqualTo(status);
        JsonNode error = json(response).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
    }
}
