package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.core.record.LearningCommand;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.failforward.jira.rest.FailureDbApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /learnings} on real Jersey over the real AO archive: payload, permissions and bad parameters. */
class LearningsResourceTest {

    private FailureDbApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FailureDbApi();
        api.learnings.add(new LearningCommand("Pool alarms come too late", "surprise")
                .toDraft(api.ops1.issueId(), "u-fred", Instant.parse("2026-05-02T09:00:00Z")).value());
        api.learnings.add(new LearningCommand("Load tests found it first", "went_well")
                .toDraft(api.ops1.issueId(), "u-fred", Instant.parse("2026-05-03T09:00:00Z")).value());
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void anonymousGets401() {
        assertThat(api.anonymous().get("learnings").getStatus()).isEqualTo(401);
    }

    @Test
    void answersThePageAndTheFacetsOfTheBrowsableProjects() throws Exception {
        Response response = api.viewer().get("learnings?maxResults=1");
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode page = json(response);

        assertThat(page.path("startAt").asInt()).isZero();
        assertThat(page.path("maxResults").asInt()).isEqualTo(1);
        assertThat(page.path("total").asInt()).as("SEC's learning is not counted").isEqualTo(2);
        // the node's search index: none on this host, so the database answered
        assertThat(page.path("index").path("state").asText()).isEqualTo("unavailable");
        assertThat(page.path("index").path("percent").asInt()).isZero();
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("text").asText()).isEqualTo("Load tests found it first");
        assertThat(item.path("kind").asText()).isEqualTo("went_well");
        assertThat(item.path("createdAt").asText()).isEqualTo("2026-05-03T09:00:00Z");
        assertThat(item.path("id").asLong()).isPositive();
        assertThat(FailureDbApi.JSON.writeValueAsString(item.path("record"))).isEqualTo("{\"issueKey\":\"OPS-1\","
                + "\"projectKey\":\"OPS\",\"summary\":\"Checkout down for 20 minutes\",\"kind\":\"incident\","
                + "\"status\":\"Analysing\",\"failureType\":\"complex\",\"category\":\"design_flaw\",\"awards\":[]}");
        assertThat(FailureDbApi.JSON.writeValueAsString(page.path("facets"))).isEqualTo("{\"project\":{\"OPS\":2},"
                + "\"recordKind\":{\"incident\":2},\"learningKind\":{\"surprise\":1,\"went_well\":1},"
                + "\"failureType\":{\"complex\":2},\"category\":{\"design_flaw\":2},\"period\":{\"2026-05\":2}}");
        assertThat(item.has("highlight")).as("highlight only with free text from the index").isTrue();
        assertThat(item.path("highlight").isNull()).isTrue();
    }

    @Test
    void aProjectTheUserCannotBrowseIsDroppedLikeTheRecordSearchDoes() {
        JsonNode asked = json(api.viewer().get("learnings?project=SEC"));
        assertThat(asked.path("total").asInt()).isZero();
        assertThat(asked.path("items")).isEmpty();

        JsonNode admin = json(api.admin().get("learnings?project=sec,ops&learningKind=insight"));
        assertThat(admin.path("total").asInt()).isEqualTo(1);
        assertThat(admin.path("items").get(0).path("record").path("issueKey").asText()).isEqualTo("SEC-1");
        assertThat(admin.path("facets").path("project").path("SEC").asInt()).isEqualTo(1);
    }

    @Test
    void eachLearningCarriesItsRecordsAwardBadges() {
        api.editor();
        api.awards.nominate(dev.failforward.core.award.AwardScope.instance(), "OPS-1", "Pool alarms taught us a lot.");
        api.admin();
        api.awards.nominate(dev.failforward.core.award.AwardScope.instance(), "SEC-1", "Rotate tokens.");

        JsonNode items = json(api.viewer().get("learnings")).path("items");
        assertThat(items).hasSize(2);
        for (JsonNode item : items) {
            JsonNode badge = item.path("record").path("awards").get(0);
            assertThat(badge.path("kind").asText()).isEqualTo("nominee");
            assertThat(badge.path("label").asText()).isEqualTo("Q2 2026");
            assertThat(badge.path("text").asText()).isEqualTo("Nominated \u00b7 Q2 2026");
            assertThat(badge.path("award").asText()).isEqualTo("instance@2026-04-01");
        }
        JsonNode sec = json(api.admin().get("learnings?project=SEC")).path("items").get(0);
        assertThat(sec.path("record").path("awards").get(0).path("kind").asText()).isEqualTo("nominee");
    }

    @Test
    void filtersByDayAndText() {
        JsonNode day = json(api.viewer().get("learnings?from=2026-05-02&to=2026-05-02"));
        assertThat(day.path("items").findValuesAsText("text")).containsExactly("Pool alarms come too late");
        JsonNode text = json(api.viewer().get("learnings?text=LOAD%20TESTS"));
        assertThat(text.path("items").findValuesAsText("text")).containsExactly("Load tests found it first");
    }

    @Test
    void namesEveryBadParameter() {
        assertParameterError("learnings?recordKind=outage", "recordKind", "unknown");
        assertParameterError("learnings?learningKind=lesson", "learningKind", "unknown");
        assertParameterError("learnings?failureType=odd", "failureType", "unknown");
        assertParameterError("learnings?category=odd", "category", "unknown");
        assertParameterError("learnings?from=yesterday", "from", "invalid");
        assertParameterError("learnings?to=2026-13-01", "to", "invalid");
        assertParameterError("learnings?from=2026-05-02&to=2026-05-01", "to", "before-from");
        assertParameterError("learnings?text=" + "x".repeat(201), "text", "too-long");
        assertParameterError("learnings?startAt=-1", "startAt", "out-of-range");
        assertParameterError("learnings?maxResults=101", "maxResults", "out-of-range");
        assertParameterError("learnings?maxResults=0", "maxResults", "out-of-range");

        JsonNode several = json(api.viewer().get("learnings?recordKind=x&learningKind=y&maxResults=ten"));
        assertThat(several.path("errors").findValuesAsText("field"))
                .containsExactly("recordKind", "learningKind", "maxResults");
    }

    @Test
    void defaultsToTwentyFromTheStart() {
        JsonNode page = json(api.viewer().get("learnings"));
        assertThat(page.path("startAt").asInt()).isZero();
        assertThat(page.path("maxResults").asInt()).isEqualTo(20);
        assertThat(LearningSearchParameters.parse(List.of(" ops , LAB", ""), null, null, null, null, null, null,
                "  ", null, null).projects()).containsExactly("ops", "LAB");
    }

    private void assertParameterError(String path, String field, String code) {
        Response response = api.viewer().get(path);
        assertThat(response.getStatus()).as(path).isEqualTo(400);
        JsonNode error = json(response).path("errors").get(0);
        assertThat(error.path("field").asText()).as(path).isEqualTo(field);
        assertThat(error.path("code").asText()).as(path).isEqualTo(code);
        assertThat(error.path("message").asText()).as(path).doesNotStartWith("failforward.");
    }
}
