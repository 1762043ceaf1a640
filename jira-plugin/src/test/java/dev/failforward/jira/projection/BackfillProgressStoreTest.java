package dev.failforward.jira.projection;

import dev.failforward.host.settings.InMemoryPluginSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress in SAL's settings: Strings only, under our namespace, read back as written. */
class BackfillProgressStoreTest {

    private final InMemoryPluginSettings settings = new InMemoryPluginSettings();
    private final BackfillProgressStore store = new BackfillProgressStore(settings.factory());

    @Test
    void nothingStoredMeansNeverRun() {
        assertThat(store.read()).isEqualTo(BackfillProgress.NEVER_RUN);
    }

    @Test
    void progressRoundTripsAsStringsUnderTheBackfillNamespace() {
        BackfillProgress progress = new BackfillProgress(BackfillProgress.State.FAILED, BackfillProgress.Phase.REPAIRING,
                52_311, 4_000, 1_200, 2, 7, 1_500, Instant.parse("2026-11-21T02:00:00Z"),
                Instant.parse("2026-11-21T02:05:00Z"), "search index unavailable");

        store.write(progress);

        assertThat(store.read()).isEqualTo(progress);
        assertThat(settings.values()).allSatisfy((key, value) -> {
            assertThat(key).startsWith("dev.failforward.jira:backfill:");
            assertThat(value).isInstanceOf(String.class);
        });
        assertThat(settings.values().get("dev.failforward.jira:backfill:checkpoint")).isEqualTo("52311");
    }

    @Test
    void emptyValuesAreRemovedAndLongErrorsCut() {
        store.write(new BackfillProgress(BackfillProgress.State.FAILED, BackfillProgress.Phase.PROJECTING, 1, 0, 1, 0, 0,
                1, Instant.EPOCH, Instant.EPOCH, "x".repeat(2_000)));
        store.write(BackfillProgress.started(Instant.EPOCH));

        assertThat(settings.values()).doesNotContainKeys("dev.failforward.jira:backfill:finishedAt",
                "dev.failforward.jira:backfill:lastError");
        store.write(store.read().ended(BackfillProgress.State.FAILED, Instant.EPOCH, "y".repeat(2_000)));
        assertThat(store.read().lastError()).hasSize(BackfillProgressStore.ERROR_MAX_LENGTH);
    }

    @Test
    void unreadableValuesFallBackInsteadOfFailingTheAdminPage() {
        settings.put("dev.failforward.jira:backfill:state", "EXPLODED");
        settings.put("dev.failforward.jira:backfill:checkpoint", "not a number");
        settings.put("dev.failforward.jira:backfill:startedAt", "yesterday");

        BackfillProgress progress = store.read();

        assertThat(progress.state()).isEqualTo(BackfillProgress.State.IDLE);
        assertThat(progress.checkpoint()).isZero();
        assertThat(progress.startedAt()).isNull();
    }
}
