package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.recurrence.RecurrenceSuggestion;
import dev.failforward.jira.search.IndexStatus;
import dev.failforward.jira.search.SimilarMatch;
import dev.failforward.jira.search.SimilarQuery;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /similar} and {@code /recurrence}: bodies, permissions, the index's state and bad input naming its field. */
class SimilarAndRecurrenceResourceTest {

    private FailureDbApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FailureDbApi();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void similarAsksTheIndexInsideTheBrowsableProjectsAndAnswersMatchesWithTheirLearnings() {
        api.similarAnswer.add(new SimilarMatch(api.sec1.issueId(), "SEC-1", "SEC", "Checkout token leak", 0.71234,
                List.of("token", "same component")));
        Response response = api.admin().post("similar", "{\"text\":\"Tokens leaked at checkout\",\"project\":\"ops\","
                + "\"kind\":\"incident\",\"exclude\":\"ops-7\",\"max\":3,\"withLearnings\":true}");
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = FailureDbApi.json(response);
        JsonNode match = body.path("matches").get(0);
        assertThat(match.path("key").asText()).isEqualTo("SEC-1");
        assertThat(match.path("score").asDouble()).isEqualTo(0.712);
        assertThat(match.path("reasons").findValuesAsText("")).isEmpty();
        assertThat(match.path("reasons").get(0).asText()).isEqualTo("token");
        assertThat(match.path("url").asText()).isEqualTo("/browse/SEC-1");
        assertThat(match.path("learnings").get(0).path("text").asText()).isEqualTo("Rotate tokens");
        assertThat(body.path("index").path("state").asText()).isEqualTo("ready");

        SimilarQuery asked = api.similarAsked.get(0);
        assertThat(asked.projectKeys()).containsExactlyInAnyOrder("OPS", "SEC");
        assertThat(asked.project()).isEqualTo("OPS");
        assertThat(asked.kind()).isEqualTo(RecordKind.INCIDENT);
        assertThat(asked.exclude()).isEqualTo("OPS-7");
        assertThat(asked.max()).isEqualTo(3);

        // an editor of OPS only: SEC is never searched, and a boost for a hidden project is ignored
        api.similarAnswer.clear();
        assertThat(api.editor().post("similar", "{\"text\":\"token\",\"project\":\"SEC\"}").getStatus()).isEqualTo(200);
        assertThat(api.similarAsked.get(1).projectKeys()).containsExactly("OPS");
        assertThat(api.similarAsked.get(1).project()).isNull();
        assertThat(api.similarAsked.get(1).max()).isEqualTo(SimilarResource.DEFAULT_MAX);
    }

    @Test
    void similarToARecordCarriesEachMatchsLearningsWithTheirIdsOnlyWhenAskedFor() {
        api.similarAnswer.add(new SimilarMatch(api.sec1.issueId(), "SEC-1", "SEC", "Checkout token leak", 0.5,
                List.of("token")));
        JsonNode plain = FailureDbApi.json(api.admin().get("similar/OPS-1"));
        assertThat(plain.path("matches").get(0).path("learnings")).isEmpty();

        JsonNode body = FailureDbApi.json(api.admin().get("similar/OPS-1?withLearnings=true"));
        JsonNode learning = body.path("matches").get(0).path("learnings").get(0);
        assertThat(learning.path("text").asText()).isEqualTo("Rotate tokens");
        assertThat(learning.path("id").asLong()).isPositive();

        assertThat(learning.path("reused").isNull()).as("no reusedBy asked").isTrue();
        assertField(api.get("similar/OPS-1?withLearnings=maybe"), "withLearnings");

        // a retro page that cited it sees it marked; another page does not
        api.reuseStore.record(new dev.failforward.jira.reuse.LearningReuse(learning.path("id").asLong(),
                api.sec1.issueId(), "SEC", dev.failforward.jira.reuse.LearningReuse.Kind.RETRO, "page:98304", "admin",
                Instant.parse("2026-05-06T11:00:00Z")));
        assertThat(FailureDbApi.json(api.admin().get("similar/OPS-1?withLearnings=true&reusedBy=page:98304"))
                .path("matches").get(0).path("learnings").get(0).path("reused").asBoolean()).isTrue();
        assertThat(FailureDbApi.json(api.admin().get("similar/OPS-1?withLearnings=true&reusedBy=page:777"))
                .path("matches").get(0).path("learnings").get(0).path("reused").asBoolean()).isFalse();
        assertField(api.get("similar/OPS-1?withLearnings=true&reusedBy=OPS-1"), "reusedBy");
    }

    @Test
    void similarToARecordUsesItsWholeTextAndHidesWhatTheUserCannotBrowse() {
        JsonNode body = FailureDbApi.json(api.admin().get("similar/sec-1?max=2"));
        assertThat(body.path("matches")).isEmpty();
        SimilarQuery asked = api.similarAsked.get(0);
        assertThat(asked.text()).contains("Checkout token leak").contains("Description of SEC-1").contains("Rotate tokens");
        assertThat(asked.exclude()).isEqualTo("SEC-1");
        assertThat(asked.project()).isEqualTo("SEC");
        assertThat(asked.kind()).isNull();
        assertThat(asked.max()).isEqualTo(2);
        assertThat(api.editor().get("similar/SEC-1").getStatus()).isEqualTo(404);
        assertField(api.get("similar/OPS-1?max=50"), "max");
        assertField(api.get("similar/OPS-1?max=two"), "max");
    }

    @Test
    void whileTheIndexBuildsSimilarSaysSoAndFindsNothing() {
        api.indexStatus = new IndexStatus(IndexStatus.State.BUILDING, 42, null);
        JsonNode body = FailureDbApi.json(api.editor().post("similar", "{\"text\":\"checkout down\"}"));
        assertThat(body.path("matches")).isEmpty();
        assertThat(body.path("index").path("state").asText()).isEqualTo("building");
        assertThat(body.path("index").path("percent").asInt()).isEqualTo(42);
        assertThat(api.similarAsked).isEmpty();
    }

    @Test
    void badSimilarRequestsNameTheirField() {
        api.editor();
        assertField(api.post("similar", "{}"), "text");
        assertField(api.post("similar", "{\"text\":\"" + "x".repeat(SimilarResource.MAX_TEXT + 1) + "\"}"), "text");
        assertField(api.post("similar", "{\"text\":\"x\",\"kind\":\"story\"}"), "kind");
        assertField(api.post("similar", "{\"text\":\"x\",\"max\":0}"), "max");
        assertField(api.post("similar", "{\"text\":\"x\",\"max\":21}"), "max");
        assertField(api.post("similar", "{\"text\":\"x\",\"exclude\":\"not a key\"}"), "exclude");
        assertField(api.post("similar", "{\"text\":\"x\",\"project\":\"a b\"}"), "project");
        assertField(api.post("similar", "{\"text\":\"x\",\"withLearnings\":\"yes\"}"), "withLearnings");
        assertThat(api.anonymous().post("similar", "{\"text\":\"x\"}").getStatus()).isEqualTo(401);
    }

    @Test
    void recurrenceSuggestionsAreShownConfirmedAndDismissedAsTheUserMay() {
        api.records.upsert(api.ops1.toBuilder().build());
        long ops3 = api.records.findByIssueKey("OPS-3").orElseThrow().issueId();
        Instant at = Instant.parse("2026-05-21T09:00:00Z");
        api.recurrenceSuggestions.addIfAbsent(new RecurrenceSuggestion.Draft(ops3, "OPS", api.ops1.issueId(), "OPS-1",
                0.8, List.of("checkout", "pool"), at));
        api.recurrenceSuggestions.addIfAbsent(new RecurrenceSuggestion.Draft(ops3, "OPS", api.sec1.issueId(), "SEC-1",
                0.6, List.of("checkout"), at));

        JsonNode viewerSees = FailureDbApi.json(api.viewer().get("recurrence/OPS-3"));
        assertThat(viewerSees.path("suggestions").findValuesAsText("pastKey")).containsExactly("OPS-1");
        assertThat(viewerSees.path("suggestions").get(0).path("state").asText()).isEqualTo("pending");
        assertThat(viewerSees.path("suggestions").get(0).path("reasons").get(1).asText()).isEqualTo("pool");
        assertThat(FailureDbApi.json(api.get("recurrence/pending")).path("pending").asInt()).isEqualTo(1);
        assertThat(api.post("recurrence/OPS-3/OPS-1/confirm", "{}").getStatus()).isEqualTo(403);
        assertThat(api.outsider().get("recurrence/OPS-3").getStatus()).isEqualTo(404);
        assertThat(FailureDbApi.json(api.get("recurrence/pending")).path("pending").asInt()).isZero();

        assertThat(FailureDbApi.json(api.admin().get("recurrence/pending?project=OPS&project=SEC")).path("pending")
                .asInt()).isEqualTo(2);
        JsonNode confirmed = FailureDbApi.json(api.post("recurrence/OPS-3/OPS-1/confirm", "{}"));
        assertThat(confirmed.path("state").asText()).isEqualTo("confirmed");
        assertThat(confirmed.path("decidedBy").asText()).isEqualTo("u-admin");
        assertThat(api.recurrenceLinks).containsExactly(new long[] {api.ops1.issueId(), ops3});
        assertThat(FailureDbApi.json(api.post("recurrence/OPS-3/SEC-1/dismiss", "{}")).path("state").asText())
                .isEqualTo("dismissed");
        assertThat(api.post("recurrence/OPS-3/SEC-1/dismiss", "{}").getStatus()).as("the same decision again")
                .isEqualTo(200);
        Response conflicting = api.post("recurrence/OPS-3/OPS-1/dismiss", "{}");
        assertThat(conflicting.getStatus()).as("a confirmed recurrence is not dismissed").isEqualTo(400);
        assertThat(conflicting.readEntity(String.class)).contains("\"field\":\"pastKey\"").doesNotContain("Exception");
        assertThat(api.post("recurrence/OPS-3/OPS-2/confirm", "{}").getStatus()).isEqualTo(404);
        assertThat(FailureDbApi.json(api.get("recurrence/pending")).path("pending").asInt()).isZero();
    }

    private static void assertField(Response response, String field) {
        String raw = response.readEntity(String.class);
        assertThat(response.getStatus()).as(raw).isEqualTo(400);
        assertThat(raw).doesNotContain("Exception", "at dev.");
        try {
            assertThat(FailureDbApi.JSON.readTree(raw).path("errors").get(0).path("field").asText()).as(raw)
                    .isEqualTo(field);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
