package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.core.award.AwardTally;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.failforward.jira.persistence.AwardTables.BOX;
import static dev.failforward.jira.persistence.AwardTables.Q4;
import static dev.failforward.jira.persistence.AwardTables.guard;
import static dev.failforward.jira.persistence.AwardTables.nomination;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model version 10 creates the award tables; run twice it changes nothing, and the live entities then fit the tables
 * it made: the store keeps an award, a nomination and a vote, and folds it.
 */
class FailureDbUpgradeTask010Test {

    private AoDatabase db;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createsTheAwardTablesAndTheLiveStoreUsesThem() throws Exception {
        assertThat(new FailureDbUpgradeTask010().getModelVersion()).isEqualTo(ModelVersion.valueOf("10"));
        new FailureDbUpgradeTask010().upgrade(ModelVersion.valueOf("9"), db.activeObjects());
        new FailureDbUpgradeTask010().upgrade(ModelVersion.valueOf("9"), db.activeObjects());
        assertThat(AwardTables.dump(db).keySet()).containsExactlyInAnyOrder("AWARD", "AWARD_NOMINATION",
                "AWARD_BALLOT_GUARD", "AWARD_BALLOT");
        db.activeObjects().migrate(FailureDbSchema.entities());
        AoAwards store = new AoAwards(db.activeObjects());

        store.ensure(Q4);
        store.nominate(Q4.id(), nomination("OPS-1", "u-ana", 1));
        store.vote(Q4.id(), guard("ben"), "OPS-1", BOX);
        AwardTables.fold(store);

        assertThat(store.find(Q4.id())).contains(Q4);
        assertThat(store.standings(Q4.id())).extracting(AwardTally.Standing::votes).containsExactly(1L);
    }
}
