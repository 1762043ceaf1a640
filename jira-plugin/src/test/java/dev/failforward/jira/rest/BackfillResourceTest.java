package dev.failforward.jira.rest;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.scheduler.SchedulerServiceException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.jira.projection.BackfillProgress;
import dev.failforward.jira.projection.BackfillScheduler;
import dev.failforward.jira.projection.ProjectionQueue;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The backfill admin endpoint on real Jersey: the permission matrix and the payloads. */
class BackfillResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UserKey ADMIN = new UserKey("admin");
    private static final UserKey USER = new UserKey("fred");
    private static final BackfillProgress RUNNING = new BackfillProgress(BackfillProgress.State.RUNNING,
            BackfillProgress.Phase.PROJECTING, 52_311, 0, 400, 1, 0, 1_200, Instant.parse("2026-11-21T02:00:00Z"), null,
            "Issue OPS-9 could not be projected: summary is required");

    private final BackfillScheduler backfill = mock(BackfillScheduler.class);
    private final ProjectionQueue queue = mock(ProjectionQueue.class);
    private final UserManager users = mock(UserManager.class);
    private RestApp jersey;

    @BeforeEach
    void start() {
        when(users.isAdmin(ADMIN)).thenReturn(true);
        when(queue.stats()).thenReturn(new ProjectionQueue.Stats(3, 17, 250, 2));
        when(backfill.progress()).thenReturn(RUNNING);
        jersey = JiraRest.app()
                .bind(BackfillScheduler.class, backfill)
                .bind(ProjectionQueue.class, queue)
                .bind(UserManager.class, "salUserManager", users)
                .register(BackfillResource.class)
                .start();
    }

    @AfterEach
    void stop() {
        jersey.close();
    }

    private Response get() {
        return jersey.target("admin/backfill").request(MediaType.APPLICATION_JSON).get();
    }

    private Response post() {
        return jersey.target("admin/backfill").request(MediaType.APPLICATION_JSON).post(Entity.json("{}"));
    }

    private static JsonNode json(Response response) throws Exception {
        return JSON.readTree(response.readEntity(String.class));
    }

    @Test
    void anonymousGets401AndNothingIsScheduled() throws Exception {
        Response read = get();
        assertThat(read.getStatus()).isEqualTo(401);
        assertThat(json(read).path("message").asText()).isEqualTo("Log in to do this.");
        assertThat(post().getStatus()).isEqualTo(401);
        verify(backfill, never()).runNow();
        verify(backfill, never()).progress();
    }

    @Test
    void aUserWhoIsNotAnAdminGets403AndNothingIsScheduled() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(USER);
        assertThat(get().getStatus()).isEqualTo(403);
        assertThat(post().getStatus()).isEqualTo(403);
        verify(backfill, never()).runNow();
    }

    @Test
    void anAdminSeesTheClusterProgressAndThisNodesQueue() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(ADMIN);

        Response response = get();

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("state").asText()).isEqualTo("running");
        assertThat(body.path("phase").asText()).isEqualTo("projecting");
        assertThat(body.path("processed").asLong()).isEqualTo(400);
        assertThat(body.path("total").asLong()).isEqualTo(1_200);
        assertThat(body.path("failed").asLong()).isEqualTo(1);
        assertThat(body.path("startedAt").asText()).isEqualTo("2026-11-21T02:00:00Z");
        assertThat(body.path("finishedAt").isNull()).isTrue();
        assertThat(body.path("lastError").asText()).contains("OPS-9");
        assertThat(body.path("message").asText()).isEqualTo("Rebuilding the failure database from Jira: 400 of 1,200 issues done.");
        assertThat(body.path("node").path("dropped").asLong()).isEqualTo(17);
        assertThat(body.path("node").path("waiting").asInt()).isEqualTo(3);
        assertThat(body.has("checkpoint")).isFalse();
    }

    @Test
    void anAdminStartsARunAndIsToldSo() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(ADMIN);
        when(backfill.runNow()).thenReturn(new BackfillScheduler.RunRequest(BackfillProgress.NEVER_RUN, false));

        Response response = post();

        assertThat(response.getStatus()).isEqualTo(202);
        JsonNode body = json(response);
        assertThat(body.path("state").asText()).isEqualTo("idle");
        assertThat(body.path("requested").asText()).startsWith("A rebuild of the failure database was requested.");
        assertThat(body.path("message").asText()).isEqualTo("The failure database has not been rebuilt from Jira yet.");
        verify(backfill).runNow();
    }

    @Test
    void askingWhileARunIsGoingIsIdempotentAndSaysSo() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(ADMIN);
        when(backfill.runNow()).thenReturn(new BackfillScheduler.RunRequest(RUNNING, true));

        Response response = post();

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(json(response).path("requested").asText()).startsWith("A rebuild is already running.");
    }

    @Test
    void aSchedulerThatRefusesIs500WithoutAStackTrace() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(ADMIN);
        when(backfill.runNow()).thenThrow(new SchedulerServiceException("cluster scheduler down"));

        Response response = post();

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.readEntity(String.class)).doesNotContain("SchedulerServiceException", "at dev.", "cluster scheduler down");
    }

    @Test
    void everyStateHasAMessage() {
        BundleI18nResolver i18n = dev.failforward.jira.JiraI18n.english();
        for (BackfillProgress.State state : BackfillProgress.State.values()) {
            String key = "failforward.backfill.state." + state.name().toLowerCase(Locale.ROOT);
            assertThat(i18n.getText(key)).as(key).isNotEqualTo(key).isNotBlank();
        }
    }
}
