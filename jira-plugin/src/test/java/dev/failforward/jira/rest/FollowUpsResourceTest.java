package dev.failforward.jira.rest;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.FakeRecordPermissions;
import dev.failforward.jira.persistence.AoActionItemRepository;
import dev.failforward.jira.persistence.AoDigestSubscribers;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoFollowUps;
import dev.failforward.jira.persistence.FailureDbSchema;
import dev.failforward.jira.reminder.ReminderSettings;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * {@code /followups} and {@code /digest} on real Jersey over a real database: my follow-ups in browsable projects
 * only, overdue first; the settings for administrators with 400s naming the field; the digest opt-in.
 */
class FollowUpsResourceTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private AoDatabase db;
    private RestApp jersey;
    private final FakeRecordPermissions permissions = new FakeRecordPermissions();
    private final UserManager users = mock(UserManager.class);
    private AoActionItemRepository actions;

    @BeforeEach
    void start() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        AoFailureRecordRepository records = new AoFailureRecordRepository(db.activeObjects());
        actions = new AoActionItemRepository(db.activeObjects());
        records.upsert(record(1, "OPS-1"));
        records.upsert(record(2, "SEC-1"));
        Map<String, Object> stored = new HashMap<>();
        PluginSettings settings = new PluginSettings() {
            public Object get(String key) {
                return stored.get(key);
            }

            public Object put(String key, Object value) {
                return stored.put(key, value);
            }

            public Object remove(String key) {
                return stored.remove(key);
            }
        };
        PluginSettingsFactory factory = () -> settings;
        KpiUserContext user = new KpiUserContext() {
            public ZoneId zone() {
                return ZoneId.of("Europe/Berlin");
            }

            public Locale locale() {
                return Locale.ENGLISH;
            }
        };
        when(users.isAdmin(new UserKey("admin"))).thenReturn(true);
        jersey = JiraRest.app()
                .register(new FollowUpsResource(new AoFollowUps(db.activeObjects()),
                        new AoDigestSubscribers(db.activeObjects()), new ReminderSettings(factory), permissions, users, user,
                        Clock.fixed(NOW, ZoneId.of("UTC"))))
                .register(new DigestResource(new AoDigestSubscribers(db.activeObjects()), permissions,
                        Clock.fixed(NOW, ZoneId.of("UTC"))))
                .start();
    }

    @AfterEach
    void stop() {
        jersey.close();
        db.close();
    }

    private static FailureRecord record(long id, String key) {
        return FailureRecord.builder().issueId(id).issueKey(key).projectKey(key.substring(0, key.indexOf('-')))
                .kind(RecordKind.INCIDENT).summary("Summary of " + key).status("Reported").createdAt(NOW).updatedAt(NOW)
                .build();
    }

    private ActionItem item(long record, String description, String owner, int dueInDays, Integer checkInInDays) {
        ActionItem item = actions.add(new ActionItem.Draft(record, description, owner, TODAY.plusDays(dueInDays),
                ActionType.DETECT, checkInInDays == null ? null : TODAY.plusDays(checkInInDays),
                NOW.minusSeconds(86_400L * 60)));
        return item;
    }

    @Test
    void anonymousGets401Everywhere() {
        assertThat(jersey.get("followups/mine").getStatus()).isEqualTo(401);
        assertThat(jersey.get("followups/settings").getStatus()).isEqualTo(401);
        assertThat(jersey.get("digest").getStatus()).isEqualTo(401);
        assertThat(jersey.put("digest", "{\"subscribed\":true}").getStatus()).isEqualTo(401);
    }

    @Test
    void myFollowUpsAreMyOpenItemsAndDueCheckInsInProjectsIMayBrowseOverdueFirst() {
        permissions.as("anna", Set.of("OPS"), Set.of("OPS"));
        item(1, "later", "anna", 10, null);
        item(1, "soon", "anna", 1, null);
        item(1, "late", "anna", -3, null);
        item(1, "not mine", "ben", -5, null);
        item(2, "hidden project", "anna", -9, null);
        ActionItem done = item(1, "check me", "anna", -30, -2);
        actions.update(new ActionItem(done.id(), done.recordIssueId(), done.description(), done.ownerKey(),
                done.dueDate(), done.type(), ActionStatus.DONE, done.checkInDate(), null, null, done.createdAt(), NOW,
                done.version()));
        ActionItem notYet = item(1, "check later", "anna", -30, 5);
        actions.update(new ActionItem(notYet.id(), notYet.recordIssueId(), notYet.description(), notYet.ownerKey(),
                notYet.dueDate(), notYet.type(), ActionStatus.DONE, notYet.checkInDate(), null, null,
                notYet.createdAt(), NOW, notYet.version()));

        Response response = jersey.get("followups/mine");
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = RestApp.json(response);
        assertThat(body.path("today").asText()).isEqualTo("2026-12-07");
        assertThat(body.path("digest").asBoolean()).isFalse();
        List<String> descriptions = body.path("items").findValuesAsText("description");
        assertThat(descriptions).containsExactly("late", "check me", "soon", "later");
        JsonNode late = body.path("items").get(0);
        assertThat(late.path("overdue").asBoolean()).isTrue();
        assertThat(late.path("daysOverdue").asLong()).isEqualTo(3);
        assertThat(late.path("issueKey").asText()).isEqualTo("OPS-1");
        assertThat(late.path("recordSummary").asText()).isEqualTo("Summary of OPS-1");
        assertThat(late.path("version").isIntegralNumber()).isTrue();
        JsonNode checkIn = body.path("items").get(1);
        assertThat(checkIn.path("checkInDue").asBoolean()).isTrue();
        assertThat(checkIn.path("overdue").asBoolean()).as("done: not overdue").isFalse();
        assertThat(checkIn.path("checkInDate").asText()).isEqualTo("2026-12-05");
    }

    @Test
    void settingsAreForAdministratorsAndABadValueIs400NamingTheField() {
        permissions.as("fred", Set.of("OPS"), Set.of());
        when(users.getRemoteUserKey()).thenReturn(new UserKey("fred"));
        assertThat(jersey.get("followups/settings").getStatus()).isEqualTo(403);
        assertThat(jersey.put("followups/settings", "{\"daysAhead\":5}").getStatus()).isEqualTo(403);

        when(users.getRemoteUserKey()).thenReturn(new UserKey("admin"));
        JsonNode defaults = RestApp.json(jersey.get("followups/settings"));
        assertThat(defaults.path("enabled").asBoolean()).isTrue();
        assertThat(defaults.path("daysAhead").asInt()).isEqualTo(3);
        assertThat(defaults.path("leadAfterDays").asInt()).isEqualTo(7);

        Response bad = jersey.put("followups/settings", "{\"daysAhead\":31,\"leadAfterDays\":0,\"enabled\":\"yes\"}");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(RestApp.json(bad).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("daysAhead", "leadAfterDays", "enabled");

        Response saved = jersey.put("followups/settings", "{\"daysAhead\":0,\"enabled\":false}");
        assertThat(saved.getStatus()).isEqualTo(200);
        JsonNode body = RestApp.json(saved);
        assertThat(body.path("enabled").asBoolean()).isFalse();
        assertThat(body.path("daysAhead").asInt()).isZero();
        assertThat(body.path("leadAfterDays").asInt()).as("unchanged").isEqualTo(7);
        assertThat(RestApp.json(jersey.get("followups/settings"))).isEqualTo(body);
    }

    @Test
    void theDigestIsOptInAndABadBodyIs400NamingSubscribed() {
        permissions.as("anna", Set.of("OPS"), Set.of());
        assertThat(RestApp.json(jersey.get("digest")).path("subscribed").asBoolean()).isFalse();

        Response bad = jersey.put("digest", "{\"subscribed\":\"yes\"}");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(RestApp.json(bad).path("errors").findValuesAsText("field")).containsExactly("subscribed");
        Response missing = jersey.put("digest", "{}");
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(RestApp.json(missing).path("errors").findValuesAsText("field")).containsExactly("subscribed");

        assertThat(RestApp.json(jersey.put("digest", "{\"subscribed\":true}")).path("subscribed").asBoolean()).isTrue();
        assertThat(RestApp.json(jersey.get("digest")).path("subscribed").asBoolean()).isTrue();
        assertThat(RestApp.json(jersey.get("followups/mine")).path("digest").asBoolean()).isTrue();
        assertThat(RestApp.json(jersey.put("digest", "{\"subscribed\":false}")).path("subscribed").asBoolean()).isFalse();
    }
}
