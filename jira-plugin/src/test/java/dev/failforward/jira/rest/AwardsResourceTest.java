package dev.failforward.jira.rest;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.host.settings.InMemoryPluginSettings;
import dev.failforward.jira.award.AwardService;
import dev.failforward.jira.award.AwardSettings;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.FakeRecordPermissions;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoAwards;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.FailureDbSchema;
import dev.failforward.jira.secrets.FileSecretStore;
import dev.failforward.jira.users.SalUserDirectory;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * {@code /awards} and {@code /awards/admin} on real Jersey over the real award store (the test JVM's database) and a
 * secret directory: the phases with their dates and countdown, nominations filtered by browse permission, one vote
 * (a second one 409 with the plain message), results only after the close, the history, the batched badges, the
 * administrators' settings and "advance", and every refusal's status and field.
 */
class AwardsResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOVEMBER = Instant.parse("2026-11-10T09:00:00Z");
    private static final Instant VOTING = Instant.parse("2027-01-05T09:00:00Z");
    private static final Instant CLOSED = Instant.parse("2027-01-20T09:00:00Z");

    @TempDir
    Path home;
    private AoDatabase db;
    private RestApp app;
    private final FakeRecordPermissions permissions = new FakeRecordPermissions();
    private final UserManager users = mock(UserManager.class);
    private final InMemoryPluginSettings pluginSettings = new InMemoryPluginSettings();
    private final Moving clock = new Moving(NOVEMBER);

    @BeforeEach
    void start() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        AoFailureRecordRepository records = new AoFailureRecordRepository(db.activeObjects());
        long id = 1;
        for (String key : List.of("OPS-1", "OPS-2", "SEC-1")) {
            records.upsert(FailureRecord.builder().issueId(id++).issueKey(key)
                    .projectKey(key.substring(0, key.indexOf('-')))
                    .kind(key.equals("OPS-2") ? RecordKind.EXPERIMENT : RecordKind.INCIDENT)
                    .summary("Failure " + key).status("Reported").createdAndUpdatedAt(NOVEMBER.minusSeconds(86_400))
                    .build());
        }
        AwardSettings settings = new AwardSettings(pluginSettings, () -> ZoneId.of("Europe/Berlin"));
        AwardService awards = new AwardService(new AoAwards(db.activeObjects()), permissions, records, settings,
                new FileSecretStore(home.resolve("secrets")), clock);
        when(users.isAdmin(new UserKey("u-admin"))).thenReturn(true);
        when(users.getUserProfile(any(UserKey.class))).thenAnswer(call -> {
            String key = call.<UserKey>getArgument(0).getStringValue();
            UserProfile profile = mock(UserProfile.class);
            when(profile.getFullName()).thenReturn("Name of " + key);
            return profile;
        });
        KpiUserContext english = new KpiUserContext() {
            @Override
            public ZoneId zone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Locale locale() {
                return Locale.ENGLISH;
            }
        };
        app = JiraRest.app()
                .bind(AwardService.class, awards)
                .bind(AwardSettings.class, settings)
                .bind(RecordPermissions.class, permissions)
                .bind(SalUserDirectory.class, new SalUserDirectory(users))
                .bind(KpiUserContext.class, english)
                .bind(UserManager.class, "salUserManager", users)
                .register(AwardsResource.class, AwardAdminResource.class)
                .start();
    }

    @AfterEach
    void stop() {
        app.close();
        db.close();
    }

    @Test
    void theOpenAwardShowsItsPhaseDatesAndCountdownBeforeAnyNomination() {
        as("u-fred", "OPS");
        JsonNode body = json(get("awards"));

        assertThat(body.path("scope").path("key").asText()).isEqualTo("instance");
        assertThat(body.path("now").asText()).isEqualTo(NOVEMBER.toString());
        JsonNode award = body.path("awards").get(0);
        assertThat(body.path("awards")).hasSize(1);
        assertThat(award.path("id").asText()).isEqualTo("instance@2026-10-01");
        assertThat(award.path("label").asText()).isEqualTo("Q4 2026");
        assertThat(award.path("phase").asText()).isEqualTo("nominating");
        // the instance's zone (Europe/Berlin) cuts the windows
        assertThat(award.path("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(award.path("votingOpens").asText()).isEqualTo("2026-12-31T23:00:00Z");
        assertThat(award.path("votingCloses").asText()).isEqualTo("2027-01-14T23:00:00Z");
        assertThat(award.path("nextChange").asText()).isEqualTo("2026-12-31T23:00:00Z");
        assertThat(award.path("secondsLeft").asLong()).isEqualTo(
                java.time.Duration.between(NOVEMBER, Instant.parse("2026-12-31T23:00:00Z")).toSeconds());
        assertThat(award.path("nominees")).isEmpty();
        assertThat(award.path("results").isNull()).isTrue();
    }

    @Test
    void nominateVoteOnceAndSeeTheResultsOnlyAfterTheClose() {
        as("u-fred", "OPS");
        Response nominated = post("awards/nominations", "{\"record\":\"OPS-1\",\"reason\":\"We learnt to restore.\"}");
        assertThat(nominated.getStatus()).isEqualTo(201);
        JsonNode nomination = json(nominated);
        assertThat(nomination.path("award").asText()).isEqualTo("instance@2026-10-01");
        assertThat(nomination.path("nominee").path("record").asText()).isEqualTo("OPS-1");
        assertThat(nomination.path("nominee").path("summary").asText()).isEqualTo("Failure OPS-1");
        assertThat(nomination.path("nominee").path("nominator").path("name").asText()).isEqualTo("Name of u-fred");
        assertThat(nomination.path("nominee").path("votes").isNull()).isTrue();
        as("u-sec", "OPS", "SEC");
        assertThat(post("awards/nominations", "{\"record\":\"SEC-1\",\"reason\":\"Rotate tokens.\"}").getStatus())
                .isEqualTo(201);
        assertThat(post("awards/nominations", "{\"record\":\"OPS-2\",\"reason\":\"Checklists.\"}").getStatus())
                .isEqualTo(201);

        // fred sees the nominees he may browse, with the public nominator and reason
        as("u-fred", "OPS");
        JsonNode open = json(get("awards")).path("awards").get(0);
        assertThat(records(open)).containsExactly("OPS-1", "OPS-2");
        assertThat(open.path("nominees").get(0).path("reason").asText()).isEqualTo("We learnt to restore.");
        assertThat(open.path("nominees").get(1).path("nominator").path("key").asText()).isEqualTo("u-sec");

        clock.now = VOTING;
        JsonNode voting = json(get("awards")).path("awards");
        assertThat(voting.get(0).path("phase").asText()).as("the next quarter takes nominations").isEqualTo("nominating");
        assertThat(voting.get(1).path("phase").asText()).isEqualTo("voting");
        assertThat(voting.get(1).path("voted").asBoolean()).isFalse();
        Response vote = post("awards/instance@2026-10-01/votes", "{\"record\":\"OPS-1\"}");
        assertThat(vote.getStatus()).isEqualTo(201);
        assertThat(json(vote).path("voted").asBoolean()).isTrue();

        Response again = post("awards/instance@2026-10-01/votes", "{\"record\":\"OPS-2\"}");
        assertThat(again.getStatus()).isEqualTo(409);
        JsonNode refused = json(again);
        assertThat(refused.path("message").asText()).isEqualTo("You already voted in this award.");
        assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("vote");
        assertThat(refused.path("errors").get(0).path("code").asText()).isEqualTo("alreadyCast");
        JsonNode after = json(get("awards")).path("awards").get(1);
        assertThat(after.path("voted").asBoolean()).isTrue();
        assertThat(after.path("results").isNull()).isTrue();
        assertThat(after.path("nominees").get(0).path("votes").isNull()).as("no count while voting").isTrue();
        as("u-vera", "OPS");
        assertThat(post("awards/instance@2026-10-01/votes", "{\"record\":\"OPS-1\"}").getStatus()).isEqualTo(201);
        as("u-sec", "OPS", "SEC");
        assertThat(post("awards/instance@2026-10-01/votes", "{\"record\":\"SEC-1\"}").getStatus()).isEqualTo(201);

        clock.now = CLOSED;
        as("u-fred", "OPS");
        JsonNode closed = json(get("awards")).path("awards").get(1);
        assertThat(closed.path("phase").asText()).isEqualTo("closed");
        assertThat(closed.path("nextChange").isNull()).isTrue();
        assertThat(closed.path("results").path("winner").asText()).isEqualTo("OPS-1");
        assertThat(closed.path("results").path("voters").asLong()).isEqualTo(3);
        // fred cannot browse SEC-1: its vote is in the voters, not in his list
        assertThat(closed.path("results").path("totalVotes").asLong()).isEqualTo(2);
        assertThat(records(closed)).containsExactly("OPS-1", "OPS-2");
        assertThat(closed.path("nominees").get(0).path("votes").asLong()).isEqualTo(2);
        assertThat(closed.path("nominees").get(0).path("winner").asBoolean()).isTrue();
        assertThat(closed.path("nominees").get(1).path("winner").asBoolean()).isFalse();
        assertThat(post("awards/instance@2026-10-01/votes", "{\"record\":\"OPS-2\"}").getStatus()).isEqualTo(409);

        JsonNode history = json(get("awards/history")).path("awards");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("label").asText()).isEqualTo("Q4 2026");
        assertThat(history.get(0).path("results").path("winner").asText()).isEqualTo("OPS-1");
        assertThat(records(history.get(0))).containsExactly("OPS-1", "OPS-2");

        JsonNode badges = json(get("awards/badges?record=OPS-1&record=OPS-2&record=SEC-1&record=OPS-9"))
                .path("badges");
        assertThat(badges.path("OPS-1").get(0).path("kind").asText()).isEqualTo("winner");
        assertThat(badges.path("OPS-1").get(0).path("label").asText()).isEqualTo("Q4 2026");
        assertThat(badges.path("OPS-1").get(0).path("award").asText()).isEqualTo("instance@2026-10-01");
        assertThat(badges.path("OPS-2").get(0).path("kind").asText()).isEqualTo("nominee");
        assertThat(badges.has("SEC-1")).as("hidden from fred").isFalse();
        assertThat(badges.has("OPS-9")).isFalse();
    }

    @Test
    void hiddenAndMissingRecordsGetTheSame404() {
        as("u-fred", "OPS");
        Response hidden = post("awards/nominations", "{\"record\":\"SEC-1\",\"reason\":\"r\"}");
        Response missing = post("awards/nominations", "{\"record\":\"OPS-99\",\"reason\":\"r\"}");

        assertThat(hidden.getStatus()).isEqualTo(404);
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(json(hidden).path("message").asText().replace("SEC-1", "X"))
                .isEqualTo(json(missing).path("message").asText().replace("OPS-99", "X"));
        assertThat(get("awards/nope@2026-10-01/votes").getStatus()).isEqualTo(405);
        assertThat(post("awards/nope@2026-10-01/votes", "{\"record\":\"OPS-1\"}").getStatus()).isEqualTo(404);
        assertThat(get("awards?scope=nope").getStatus()).isEqualTo(404);
    }

    @Test
    void badInputIs400NamingTheFieldAndStateConflictsAre409() {
        as("u-fred", "OPS");
        assertField(post("awards/nominations", "{\"reason\":\"r\"}"), 400, "record", "required");
        assertField(post("awards/nominations", "{\"record\":\"OPS-1\"}"), 400, "reason", "required");
        assertField(post("awards/nominations", "{\"record\":\"OPS-1\",\"reason\":\"" + "x".repeat(1001) + "\"}"),
                400, "reason", "tooLong");
        assertField(post("awards/nominations", "{\"record\":42,\"reason\":\"r\"}"), 400, "record", "type");
        assertThat(post("awards/nominations", "not json").getStatus()).isEqualTo(400);
        assertThat(post("awards/nominations", "{\"record\":\"OPS-1\",\"reason\":\"r\"}").getStatus()).isEqualTo(201);
        assertField(post("awards/nominations", "{\"record\":\"OPS-1\",\"reason\":\"again\"}"), 409, "record",
                "alreadyNominated");
        // voting has not opened yet
        assertField(post("awards/instance@2026-10-01/votes", "{\"record\":\"OPS-1\"}"), 409, "vote", "notOpen");
        assertField(post("awards/instance@2026-10-01/votes", "{}"), 400, "record", "required");
        assertField(get("awards/badges"), 400, "record", "required");
        assertField(get("awards/badges?record=not-a-key"), 400, "record", "invalid");
        StringBuilder many = new StringBuilder("awards/badges?record=OPS-0");
        for (int i = 1; i <= AwardsResource.MAX_BADGE_RECORDS; i++) {
            many.append("&record=OPS-").append(i);
        }
        assertField(get(many.toString()), 400, "record", "too-many");
    }

    @Test
    void anonymousGets401Everywhere() {
        permissions.as(null, Set.of(), Set.of());
        assertThat(get("awards").getStatus()).isEqualTo(401);
        assertThat(get("awards/history").getStatus()).isEqualTo(401);
        assertThat(get("awards/badges?record=OPS-1").getStatus()).isEqualTo(401);
        assertThat(post("awards/nominations", "{\"record\":\"OPS-1\",\"reason\":\"r\"}").getStatus()).isEqualTo(401);
        assertThat(post("awards/instance@2026-10-01/votes", "{\"record\":\"OPS-1\"}").getStatus()).isEqualTo(401);
        assertThat(get("awards/admin/settings").getStatus()).isEqualTo(401);
    }

    @Test
    void administratorsSetThePeriodTheZoneAndProjectGroups() {
        as("u-fred", "OPS");
        assertThat(get("awards/admin/settings").getStatus()).isEqualTo(403);
        assertThat(put("awards/admin/settings", "{\"months\":1}").getStatus()).isEqualTo(403);

        as("u-admin", "OPS", "SEC");
        JsonNode defaults = json(get("awards/admin/settings"));
        assertThat(defaults.path("months").asInt()).isEqualTo(3);
        assertThat(defaults.path("votingDays").asInt()).isEqualTo(14);
        assertThat(defaults.path("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(defaults.path("zoneIsDefault").asBoolean()).isTrue();
        assertThat(defaults.path("groups")).isEmpty();

        JsonNode saved = json(put("awards/admin/settings", "{\"months\":6,\"votingDays\":7,\"zone\":\"Asia/Tokyo\","
                + "\"groups\":[{\"key\":\"security\",\"name\":\"Security | Ops\",\"projects\":[\"sec\",\"OPS\"]}]}"));
        assertThat(saved.path("months").asInt()).isEqualTo(6);
        assertThat(saved.path("votingDays").asInt()).isEqualTo(7);
        assertThat(saved.path("zone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(saved.path("zoneIsDefault").asBoolean()).isFalse();
        assertThat(saved.path("groups").get(0).path("name").asText()).isEqualTo("Security | Ops");
        assertThat(saved.path("groups").get(0).path("projects").toString()).isEqualTo("[\"OPS\",\"SEC\"]");

        // the group is a scope for whoever browses one of its projects
        as("u-fred", "OPS");
        JsonNode scopes = json(get("awards")).path("scopes");
        assertThat(scopes).hasSize(2);
        assertThat(scopes.get(1).path("key").asText()).isEqualTo("security");
        assertThat(json(get("awards?scope=security")).path("awards").get(0).path("id").asText())
                .isEqualTo("security@2026-07-01");
        as("u-olga");
        assertThat(get("awards?scope=security").getStatus()).isEqualTo(404);

        as("u-admin", "OPS", "SEC");
        assertField(put("awards/admin/settings", "{\"months\":5}"), 400, "months", "invalid");
        assertField(put("awards/admin/settings", "{\"votingDays\":61}"), 400, "votingDays", "out-of-range");
        assertField(put("awards/admin/settings", "{\"zone\":\"Mars/Olympus\"}"), 400, "zone", "invalid");
        assertField(put("awards/admin/settings", "{\"groups\":[{\"key\":\"Bad Key\",\"name\":\"n\",\"projects\":[\"OPS\"]}]}"),
                400, "groups", "keyInvalid");
        assertField(put("awards/admin/settings", "{\"groups\":[{\"key\":\"a\",\"name\":\"n\",\"projects\":[]}]}"),
                400, "groups", "projectsRequired");
        assertField(put("awards/admin/settings", "{\"groups\":[{\"key\":\"a\",\"name\":\"n\",\"projects\":[\"OPS\"]},"
                + "{\"key\":\"a\",\"name\":\"m\",\"projects\":[\"OPS\"]}]}"), 400, "groups", "duplicate");
        // nothing of a refused body was stored; an empty zone follows the instance again
        assertThat(json(get("awards/admin/settings")).path("months").asInt()).isEqualTo(6);
        JsonNode back = json(put("awards/admin/settings", "{\"zone\":\"\",\"months\":3,\"votingDays\":14,\"groups\":[]}"));
        assertThat(back.path("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(back.path("zoneIsDefault").asBoolean()).isTrue();
        assertThat(back.path("groups")).isEmpty();
    }

    @Test
    void anAdministratorEndsNominationsThenClosesVotingAndTheResultsComeOut() {
        as("u-fred", "OPS");
        post("awards/nominations", "{\"record\":\"OPS-1\",\"reason\":\"We learnt to restore.\"}");
        assertThat(post("awards/admin/instance@2026-10-01/advance", "{}").getStatus()).isEqualTo(403);

        as("u-admin", "OPS", "SEC");
        JsonNode voting = json(post("awards/admin/instance@2026-10-01/advance", "{}"));
        assertThat(voting.path("phase").asText()).isEqualTo("voting");
        // voting opened now and keeps its 14 days: it closes at the first midnight in Berlin 14 days from now
        assertThat(voting.path("votingOpens").asText()).isEqualTo("2026-11-10T09:00:00Z");
        assertThat(voting.path("votingCloses").asText()).isEqualTo("2026-11-24T23:00:00Z");
        assertThat(voting.path("award").asText()).isEqualTo("instance@2026-10-01");
        as("u-fred", "OPS");
        assertThat(post("awards/instance@2026-10-01/votes", "{\"record\":\"OPS-1\"}").getStatus()).isEqualTo(201);

        as("u-admin", "OPS", "SEC");
        JsonNode closed = json(post("awards/admin/instance@2026-10-01/advance", "{}"));
        assertThat(closed.path("phase").asText()).isEqualTo("closed");
        as("u-fred", "OPS");
        JsonNode badge = json(get("awards/badges?record=OPS-1")).path("badges").path("OPS-1").get(0);
        assertThat(badge.path("kind").asText()).isEqualTo("winner");
        // the award keeps its quarter's name
        assertThat(badge.path("label").asText()).isEqualTo("Q4 2026");
        as("u-admin", "OPS", "SEC");
        Response over = post("awards/admin/instance@2026-10-01/advance", "{}");
        assertThat(over.getStatus()).isEqualTo(409);
        JsonNode refused = json(over);
        assertThat(refused.path("message").asText()).isEqualTo("Award period: instance@2026-10-01 is over; its voting"
                + " closed at 2026-11-10T09:00:00Z, so there is nothing left to end.");
        assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("period");
        assertThat(refused.path("errors").get(0).path("code").asText()).isEqualTo("advanceClosed");
        assertThat(post("awards/admin/nope@2026-10-01/advance", "{}").getStatus()).isEqualTo(404);
    }

    @Test
    void advanceWorksOnTheFirstDayOfAQuarterAndRefusesAnAwardNotStartedSayingWhy() {
        clock.now = Instant.parse("2027-01-01T00:30:00Z"); // 01:30 on 1 January in Berlin
        as("u-fred", "OPS");
        assertThat(post("awards/nominations", "{\"record\":\"OPS-1\",\"reason\":\"New year, old lesson.\"}")
                .getStatus()).isEqualTo(201);
        as("u-admin", "OPS", "SEC");
        JsonNode voting = json(post("awards/admin/instance@2027-01-01/advance", "{}"));
        assertThat(voting.path("phase").asText()).isEqualTo("voting");
        assertThat(voting.path("votingOpens").asText()).isEqualTo("2027-01-01T00:30:00Z");
        as("u-fred", "OPS");
        clock.now = Instant.parse("2027-01-01T00:40:00Z");
        assertThat(post("awards/instance@2027-01-01/votes", "{\"record\":\"OPS-1\"}").getStatus()).isEqualTo(201);
        as("u-admin", "OPS", "SEC");
        clock.now = Instant.parse("2027-01-01T00:50:00Z");
        JsonNode closed = json(post("awards/admin/instance@2027-01-01/advance", "{}"));
        assertThat(closed.path("phase").asText()).isEqualTo("closed");
        assertThat(closed.path("votingCloses").asText()).isEqualTo("2027-01-01T00:50:00Z");
        JsonNode award = json(get("awards")).path("awards").get(0);
        assertThat(award.path("id").asText()).isEqualTo("instance@2027-01-01");
        assertThat(award.path("label").asText()).isEqualTo("Q1 2027");
        assertThat(award.path("results").path("winner").asText()).isEqualTo("OPS-1");

        // an award whose nominations have not opened yet: nothing to end, and the answer says so
        new AoAwards(db.activeObjects()).ensure(new dev.failforward.core.award.Award(
                dev.failforward.core.award.AwardScope.instance(),
                dev.failforward.core.award.AwardSchedule.quarterly(ZoneId.of("Europe/Berlin"))
                        .periodAt(Instant.parse("2027-05-01T00:00:00Z"))));
        Response early = post("awards/admin/instance@2027-04-01/advance", "{}");
        assertThat(early.getStatus()).isEqualTo(409);
        JsonNode refused = json(early);
        assertThat(refused.path("message").asText()).isEqualTo("Award period: instance@2027-04-01 has not started;"
                + " its nominations open at 2027-03-31T22:00:00Z, so there is nothing to end yet.");
        assertThat(refused.path("errors").get(0).path("code").asText()).isEqualTo("advanceNotOpen");
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private void as(String user, String... projects) {
        permissions.as(user, Set.of(projects), Set.of(projects));
        when(users.getRemoteUserKey()).thenReturn(user == null ? null : new UserKey(user));
    }

    private static List<String> records(JsonNode award) {
        List<String> keys = new ArrayList<>();
        award.path("nominees").forEach(n -> keys.add(n.path("record").asText()));
        return keys;
    }

    private static void assertField(Response response, int status, String field, String code) {
        assertThat(response.getStatus()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.path("errors").get(0).path("field").asText()).as(body.toString()).isEqualTo(field);
        assertThat(body.path("errors").get(0).path("code").asText()).as(body.toString()).isEqualTo(code);
        assertThat(body.path("errors").get(0).path("message").asText()).isNotBlank().doesNotContain("failforward.");
    }

    private Response get(String path) {
        int question = path.indexOf('?');
        jakarta.ws.rs.client.WebTarget target = app.target(question < 0 ? path : path.substring(0, question));
        if (question >= 0) {
            for (String pair : path.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                target = target.queryParam(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return target.request().get();
    }

    private Response post(String path, String body) {
        return app.target(path).request(MediaType.APPLICATION_JSON).post(Entity.json(body));
    }

    private Response put(String path, String body) {
        return app.target(path).request(MediaType.APPLICATION_JSON).put(Entity.json(body));
    }

    private static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.readEntity(String.class));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final class Moving extends Clock {
        volatile Instant now;

        Moving(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
