package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model version 6 on an {@code ACTION_ITEM} table as version 2 left it (its frozen entity): the task adds the follow-up
 * columns, the rows keep every value and have no follow-up, and the live repository can then name one and find items
 * by it. Running the task again changes nothing.
 */
class FailureDbUpgradeTask006Test {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private AoDatabase db;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbUpgradeTask002.ActionItemV2.class);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private int v2Row(long recordIssueId, String description, String status) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("RECORD_ISSUE_ID", recordIssueId);
        columns.put("DESCRIPTION", description);
        columns.put("OWNER_KEY", "u-fred");
        columns.put("DUE_DATE", "2026-06-30");
        columns.put("ITEM_TYPE", "PREVENT");
        columns.put("STATUS", status);
        columns.put("CREATED_AT", Date.from(T0));
        columns.put("UPDATED_AT", Date.from(T0));
        columns.put("VERSION", 3L);
        return db.activeObjects().create(FailureDbUpgradeTask002.ActionItemV2.class, columns).getID();
    }

    @Test
    void isModelVersionSix() {
        assertThat(new FailureDbUpgradeTask006().getModelVersion()).isEqualTo(ModelVersion.valueOf("6"));
    }

    @Test
    void addsTheFollowUpColumnsAndKeepsEveryRow() {
        int open = v2Row(10001, "Add a pool alarm", "OPEN");
        int done = v2Row(10001, "Rotate the keys", "DONE");

        new FailureDbUpgradeTask006().upgrade(ModelVersion.valueOf("5"), db.activeObjects());
        new FailureDbUpgradeTask006().upgrade(ModelVersion.valueOf("5"), db.activeObjects()); // again: nothing changes

        AoActionItemRepository repository = new AoActionItemRepository(db.activeObjects());
        ActionItem first = repository.findById(open).orElseThrow();
        assertThat(first.description()).isEqualTo("Add a pool alarm");
        assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(first.version()).isEqualTo(3);
        assertThat(first.hasFollowUp()).isFalse();
        assertThat(first.followUpKey()).isNull();
        assertThat(repository.findById(done).orElseThrow().status()).isEqualTo(ActionStatus.DONE);
    }

    @Test
    void theLiveRepositoryNamesAndFindsFollowUpsAfterwards() {
        int id = v2Row(10001, "Add a pool alarm", "OPEN");
        v2Row(10001, "Rotate the keys", "OPEN");
        new FailureDbUpgradeTask006().upgrade(ModelVersion.valueOf("5"), db.activeObjects());
        // the live schema on top is the same table (what Active Objects does after the last task)
        db.activeObjects().migrate(FailureDbSchema.entities());
        AoActionItemRepository repository = new AoActionItemRepository(db.activeObjects());

        ActionItem stored = repository.setFollowUp(id, 55_001L, "OPS-100").orElseThrow();

        assertThat(stored.followUpIssueId()).isEqualTo(55_001L);
        assertThat(stored.followUpKey()).isEqualTo("OPS-100");
        assertThat(stored.version()).isEqualTo(4);
        assertThat(repository.findByFollowUpIssue(55_001L)).containsExactly(stored);
        assertThat(repository.findByFollowUpIssue(55_002L)).isEmpty();
        // the first follow-up wins
        assertThat(repository.setFollowUp(id, 55_002L, "OPS-101")).isEmpty();
        assertThat(repository.findById(id).orElseThrow().followUpKey()).isEqualTo("OPS-100");
    }
}
