package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.importing.ImportSourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model version 8 on an {@code IMPORT_SOURCE} table as imports before it left it (no state): the task adds the state
 * column, every row stays a finished import of its issue, and the live store can then claim new sources. Running the
 * task again changes nothing.
 */
class FailureDbUpgradeTask008Test {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private AoDatabase db;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbUpgradeTask008.ImportSourceV7.class);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void v7Row(String sourceKey, long issueId) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("PROJECT_KEY", "OPS");
        columns.put("SOURCE_KEY", sourceKey);
        columns.put("ISSUE_ID", issueId);
        columns.put("CONTENT_HASH", "a".repeat(64));
        columns.put("IMPORTED_BY", "u-admin");
        columns.put("IMPORTED_AT", Date.from(T0));
        db.activeObjects().create(FailureDbUpgradeTask008.ImportSourceV7.class, columns);
    }

    @Test
    void isModelVersionEight() {
        assertThat(new FailureDbUpgradeTask008().getModelVersion()).isEqualTo(ModelVersion.valueOf("8"));
    }

    @Test
    void rowsImportedBeforeStayFinishedImportsAndNewSourcesCanBeClaimed() {
        v7Row("checkout-outage", 10_001L);

        new FailureDbUpgradeTask008().upgrade(ModelVersion.valueOf("7"), db.activeObjects());
        new FailureDbUpgradeTask008().upgrade(ModelVersion.valueOf("7"), db.activeObjects()); // again: nothing changes
        db.activeObjects().migrate(FailureDbSchema.entities()); // the live schema on top, as after the last task

        AoImportSources sources = new AoImportSources(db.activeObjects());
        assertThat(sources.find("OPS", "checkout-outage")).hasValueSatisfying(source -> {
            assertThat(source.issueId()).isEqualTo(10_001L);
            assertThat(source.importedAt()).isEqualTo(T0);
        });
        assertThat(sources.pending("OPS", "checkout-outage")).isEmpty();
        assertThat(sources.claim("OPS", "checkout-outage", "b".repeat(64), "u-admin", T0)).isFalse();
        assertThat(sources.claim("OPS", "queue-backlog", "b".repeat(64), "u-admin", T0)).isTrue();
        assertThat(sources.pending("OPS", "queue-backlog")).isPresent();
        sources.save(new ImportSourceStore.Source("OPS", "queue-backlog", 10_002L, "b".repeat(64), "u-admin", T0));
        assertThat(sources.find("OPS", "queue-backlog")).hasValueSatisfying(s -> assertThat(s.issueId())
                .isEqualTo(10_002L));
    }
}
