package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardPhase;
import dev.failforward.core.award.AwardRules;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.failforward.jira.persistence.AwardTables.Q4;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model version 13 adds {@code AWARD.VOTING_OPENS_AT} and {@code VOTING_CLOSES_AT} to a model version 10 table: an
 * award stored before keeps its windows (both empty: as its dates say); run twice it changes nothing; the live store
 * then moves an award's window to the instant and reads it back.
 */
class FailureDbUpgradeTask013Test {

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
    void addsTheMovedWindowColumnsAndAnOlderAwardKeepsItsDates() throws Exception {
        new FailureDbUpgradeTask010().upgrade(ModelVersion.valueOf("9"), db.activeObjects());
        Map<String, Object> row = new HashMap<>();
        row.put("AWARD_KEY", Q4.id());
        row.put("SCOPE_KEY", "instance");
        row.put("SCOPE_NAME", "instance");
        row.put("PROJECT_KEYS", "");
        row.put("PERIOD_START", Q4.period().start().toString());
        row.put("PERIOD_END", Q4.period().end().toString());
        row.put("VOTING_ENDS", Q4.period().votingEnds().toString());
        row.put("ZONE", Q4.period().zone().getId());
        row.put("VOTERS", 0L);
        db.activeObjects().create(FailureDbUpgradeTask010.AwardV10.class, row);

        assertThat(new FailureDbUpgradeTask013().getModelVersion()).isEqualTo(ModelVersion.valueOf("13"));
        new FailureDbUpgradeTask013().upgrade(ModelVersion.valueOf("12"), db.activeObjects());
        new FailureDbUpgradeTask013().upgrade(ModelVersion.valueOf("12"), db.activeObjects());
        List<Map<String, Object>> awards = AwardTables.dump(db).get("AWARD");
        assertThat(awards).singleElement().satisfies(stored -> assertThat(stored)
                .containsEntry("VOTING_OPENS_AT", null).containsEntry("VOTING_CLOSES_AT", null)
                .containsEntry("PERIOD_END", "2027-01-01"));
        db.activeObjects().migrate(FailureDbSchema.entities());
        AoAwards store = new AoAwards(db.activeObjects());
        assertThat(store.find(Q4.id())).contains(Q4);

        Instant now = Instant.parse("2026-10-01T08:00:00Z"); // the quarter's first day
        Award voting = store.reschedule(Q4.id(), AwardRules.advance(Q4, now)).orElseThrow();
        assertThat(voting.period().votingOpens()).isEqualTo(now);
        assertThat(voting.period().phaseAt(now)).isEqualTo(AwardPhase.VOTING);
        assertThat(store.find(Q4.id())).contains(voting);
    }
}
