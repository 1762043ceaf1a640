package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static dev.failforward.jira.rest.ResurfacingApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure huddle ({@code /huddles}) and "On this day" ({@code /learnings/on-this-day}) on real Jersey over the
 * real AO stores, at Monday 7 December 2026 10:00 UTC: the board's four parts, marking a huddle held once per week
 * (a second press changes nothing and says who held it), the history, permissions and bad parameters.
 */
class HuddlesResourceTest {

    private ResurfacingApi api;

    @BeforeEach
    void start() throws Exception {
        api = new ResurfacingApi();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void theBoardPreparesTheFirstHuddleFromTheLastSevenDays() {
        JsonNode board = json(api.editor().get("huddles/board?projects=ops"));

        assertThat(board.path("projects").toString()).isEqualTo("[\"OPS\"]");
        assertThat(board.path("team").asText()).isEqualTo("OPS");
        assertThat(board.path("week").asText()).isEqualTo("2026-W50");
        assertThat(board.path("zone").asText()).isEqualTo("Z");
        assertThat(board.path("since").asText()).isEqualTo("2026-11-30T10:00:00Z");
        assertThat(board.path("sinceLastHuddle").asBoolean()).isFalse();
        assertThat(board.path("lastHuddle").isNull()).isTrue();
        assertThat(board.path("heldThisWeek").isNull()).isTrue();
        assertThat(board.path("failures").path("total").asInt()).isEqualTo(2);
        assertThat(board.path("failures").path("items").findValuesAsText("key")).containsExactly("OPS-4", "OPS-3");
        assertThat(board.path("failures").path("items").get(0).path("url").asText()).isEqualTo("/browse/OPS-4");

        JsonNode rule = board.path("openRules").get(0);
        assertThat(board.path("openRules")).hasSize(1);
        assertThat(rule.path("key").asText()).isEqualTo("OPS-4");
        assertThat(rule.path("deadline").asText()).isEqualTo("2026-12-08T01:00:00Z");
        assertThat(rule.path("secondsLeft").asLong()).isEqualTo(15 * 3600);
        assertThat(rule.path("learnings").asInt()).isEqualTo(1);
        assertThat(rule.path("minLearnings").asInt()).isEqualTo(3);
        assertThat(rule.path("nextSteps").asInt()).isZero();
        assertThat(rule.path("minNextSteps").asInt()).isEqualTo(2);

        assertThat(board.path("overdue")).hasSize(1);
        assertThat(board.path("overdueTotal").asInt()).as("SEC's overdue item is not counted").isEqualTo(1);
        JsonNode late = board.path("overdue").get(0);
        assertThat(late.path("description").asText()).isEqualTo("Add the missing pool alert");
        assertThat(late.path("ownerName").asText()).isEqualTo("Olga");
        assertThat(late.path("dueDate").asText()).isEqualTo("2026-12-01");
        assertThat(late.path("daysOverdue").asLong()).isEqualTo(6);
        assertThat(late.path("record").path("key").asText()).isEqualTo("OPS-1");

        assertThat(board.path("celebrationRule").asText()).contains("reused most").contains("newest");
        assertThat(board.path("celebrate").path("learning").path("text").asText())
                .as("none reused yet: the newest").isEqualTo("The gateway retries hid the timeouts");
        assertThat(board.path("celebrate").path("reuses").asInt()).isZero();
    }

    @Test
    void theMostReusedLearningOfThePeriodIsCelebrated() {
        api.editor().post("learnings/" + api.lastWeek.id() + "/reuses", "{\"kind\":\"retro\",\"target\":\"page:7\"}");
        api.editor().post("learnings/" + api.lastWeek.id() + "/reuses", "{\"kind\":\"incident\",\"target\":\"OPS-4\"}");
        api.editor().post("learnings/" + api.lastWeekNewer.id() + "/reuses", "{\"kind\":\"retro\",\"target\":\"page:7\"}");

        JsonNode celebrate = json(api.editor().get("huddles/board?projects=OPS")).path("celebrate");
        assertThat(celebrate.path("learning").path("id").asLong()).isEqualTo(api.lastWeek.id());
        assertThat(celebrate.path("learning").path("record").path("key").asText()).isEqualTo("OPS-3");
        assertThat(celebrate.path("reuses").asInt()).isEqualTo(2);
    }

    @Test
    void aHuddleIsHeldOncePerWeekAndTheSecondPressSaysWhoHeldIt() {
        Response held = api.editor().post("huddles", "{\"projects\":[\"ops\"],\"note\":\"Short one\"}");
        assertThat(held.getStatus()).isEqualTo(201);
        JsonNode body = json(held);
        assertThat(body.path("created").asBoolean()).isTrue();
        assertThat(body.path("message").asText()).isEqualTo("The huddle of OPS is marked held for 2026-W50.");
        assertThat(body.path("huddle").path("heldBy").asText()).isEqualTo("u-fred");
        assertThat(body.path("huddle").path("heldByName").asText()).isEqualTo("Fred");
        assertThat(body.path("huddle").path("heldAt").asText()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(body.path("huddle").path("failuresReviewed").asInt()).isEqualTo(2);
        assertThat(body.path("huddle").path("note").asText()).isEqualTo("Short one");
        assertThat(body.path("huddle").path("celebratedLearningId").asLong()).isPositive();

        Response again = api.colleague().post("huddles", "{\"projects\":\"OPS\"}");
        assertThat(again.getStatus()).isEqualTo(200);
        JsonNode second = json(again);
        assertThat(second.path("created").asBoolean()).isFalse();
        assertThat(second.path("message").asText()).startsWith("The huddle of OPS was already held this week: ")
                .endsWith(", by Fred. Nothing was changed.");
        assertThat(second.path("huddle").path("heldBy").asText()).isEqualTo("u-fred");
        assertThat(second.path("huddle").path("note").asText()).isEqualTo("Short one");

        JsonNode board = json(api.colleague().get("huddles/board?projects=OPS"));
        assertThat(board.path("heldThisWeek").path("heldByName").asText()).isEqualTo("Fred");
        assertThat(board.path("sinceLastHuddle").asBoolean()).isTrue();
        assertThat(board.path("failures").path("total").asInt()).as("nothing reported since the huddle").isZero();

        JsonNode history = json(api.viewer().get("huddles?projects=OPS"));
        assertThat(history.path("team").asText()).isEqualTo("OPS");
        assertThat(history.path("huddles")).hasSize(1);
        assertThat(history.path("huddles").get(0).path("week").asText()).isEqualTo("2026-W50");
        assertThat(json(api.admin().get("huddles?projects=OPS,SEC")).path("huddles")).as("another team").isEmpty();
    }

    @Test
    void membersInZonesOnEitherSideOfMondayCountTheSameWeek() {
        // 10:00 UTC on Monday is 23:00 on Sunday in Pago Pago: in its own zone that user is still in 2026-W49
        api.zone = ZoneId.of("Pacific/Pago_Pago");
        JsonNode board = json(api.editor().get("huddles/board?projects=OPS"));
        assertThat(board.path("week").asText()).as("the instance's week, not the user's").isEqualTo("2026-W50");
        assertThat(board.path("weekZone").asText()).isEqualTo("Z");
        assertThat(board.path("zone").asText()).isEqualTo("Pacific/Pago_Pago");
        assertThat(json(api.editor().post("huddles", "{\"projects\":[\"OPS\"]}")).path("huddle").path("week")
                .asText()).isEqualTo("2026-W50");

        api.zone = ZoneId.of("Pacific/Kiritimati");
        JsonNode second = json(api.colleague().post("huddles", "{\"projects\":[\"OPS\"]}"));
        assertThat(second.path("created").asBoolean()).as("one huddle, pressed from two zones").isFalse();
        assertThat(json(api.viewer().get("huddles?projects=OPS")).path("huddles")).hasSize(1);

        // an instance in Pago Pago counts the week there, whoever asks
        api.instanceZone = ZoneId.of("Pacific/Pago_Pago");
        api.zone = ZoneId.of("UTC");
        JsonNode then = json(api.editor().get("huddles/board?projects=OPS"));
        assertThat(then.path("week").asText()).isEqualTo("2026-W49");
        assertThat(then.path("weekZone").asText()).isEqualTo("Pacific/Pago_Pago");
        assertThat(then.path("heldThisWeek").isNull()).as("the W50 huddle is not this (W49) week's").isTrue();
    }

    @Test
    void refusesHiddenProjectsAndNamesBadParameters() {
        assertThat(api.anonymous().get("huddles/board?projects=OPS").getStatus()).isEqualTo(401);
        assertThat(api.anonymous().post("huddles", "{\"projects\":[\"OPS\"]}").getStatus()).isEqualTo(401);
        assertThat(api.editor().get("huddles/board?projects=SEC").getStatus()).isEqualTo(403);
        assertThat(api.editor().get("huddles/board?projects=OPS,SEC").getStatus()).isEqualTo(403);
        assertThat(api.editor().post("huddles", "{\"projects\":[\"SEC\"]}").getStatus()).isEqualTo(403);
        assertField(api.editor().get("huddles/board"), "projects");
        assertField(api.editor().get("huddles/board?projects=ops!"), "projects");
        assertField(api.editor().get("huddles"), "projects");
        assertField(api.editor().post("huddles", "{}"), "projects");
        assertField(api.editor().post("huddles", "{\"projects\":[1]}"), "projects");
        assertField(api.editor().post("huddles", "{\"projects\":[\"OPS\"],\"note\":\"" + "x".repeat(2001) + "\"}"),
                "note");
        assertThat(json(api.editor().get("huddles?projects=OPS")).path("huddles")).as("nothing held").isEmpty();
    }

    @Test
    void onThisDayBringsBackTheLearningsOfAYearAndAQuarterAgo() {
        JsonNode day = json(api.editor().get("learnings/on-this-day?date=2026-12-07"));
        assertThat(day.path("date").asText()).isEqualTo("2026-12-07");
        assertThat(day.path("windowDays").asInt()).isEqualTo(3);
        JsonNode year = day.path("periods").get(0);
        assertThat(year.path("key").asText()).isEqualTo("year");
        assertThat(year.path("day").asText()).isEqualTo("2025-12-07");
        assertThat(year.path("from").asText()).isEqualTo("2025-12-04");
        assertThat(year.path("to").asText()).isEqualTo("2025-12-10");
        assertThat(year.path("learnings").findValuesAsText("text")).as("SEC's is hidden")
                .containsExactly("Pool alarms come too late");
        assertThat(year.path("learnings").get(0).path("record").path("key").asText()).isEqualTo("OPS-1");
        assertThat(year.path("learnings").get(0).path("record").path("url").asText()).isEqualTo("/browse/OPS-1");
        JsonNode quarter = day.path("periods").get(1);
        assertThat(quarter.path("key").asText()).isEqualTo("quarter");
        assertThat(quarter.path("day").asText()).isEqualTo("2026-09-07");
        assertThat(quarter.path("learnings").findValuesAsText("text"))
                .containsExactly("Month-end batches need their own queue");

        JsonNode sec = json(api.admin().get("learnings/on-this-day?date=2026-12-07&projects=sec"));
        assertThat(sec.path("periods").get(0).path("learnings").findValuesAsText("text")).containsExactly("Rotate tokens");
        assertThat(sec.path("periods").get(1).path("total").asInt()).isZero();
        JsonNode hidden = json(api.editor().get("learnings/on-this-day?date=2026-12-07&projects=SEC"));
        assertThat(hidden.path("periods").get(0).path("total").asInt()).as("dropped like a missing project").isZero();
    }

    @Test
    void onThisDayCountsDaysInTheUsersTimeZone() {
        // the year-ago learning was written at 2025-12-06 09:00 UTC: still 5 December in Honolulu
        JsonNode utc = json(api.editor().get("learnings/on-this-day?date=2026-12-02"));
        assertThat(utc.path("zone").asText()).isEqualTo("Z");
        assertThat(utc.path("periods").get(0).path("total").asInt()).isZero();
        api.zone = ZoneId.of("Pacific/Honolulu");
        JsonNode honolulu = json(api.editor().get("learnings/on-this-day?date=2026-12-02"));
        assertThat(honolulu.path("zone").asText()).isEqualTo("Pacific/Honolulu");
        assertThat(honolulu.path("periods").get(0).path("learnings").findValuesAsText("text"))
                .containsExactly("Pool alarms come too late");
    }

    @Test
    void onThisDayNamesBadParameters() {
        assertThat(api.anonymous().get("learnings/on-this-day").getStatus()).isEqualTo(401);
        assertField(api.editor().get("learnings/on-this-day?date=yesterday"), "date");
        assertField(api.editor().get("learnings/on-this-day?date=2026-02-30"), "date");
        assertField(api.editor().get("learnings/on-this-day?projects=OPS,o%20p"), "projects");
        assertThat(api.editor().get("learnings/on-this-day").getStatus()).as("today by default").isEqualTo(200);
    }

    private static void assertField(Response response, String field) {
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo(field);
    }
}
