package dev.failforward.jira.persistence;

import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.kpi.Period;
import dev.failforward.core.kpi.Periods;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Huddles held and the award's nominations and voters per period, for the asked projects only: a huddle counts when
 * any of its projects is asked, a nomination by its record's project, an award's voters in the period voting closed
 * for the awards covering an asked project (the instance's covers all), never before the close.
 */
class AoCultureCountsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private AoDatabase db;
    private AoCultureCounts counts;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        counts = new AoCultureCounts(db.activeObjects());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Periods quarters() {
        return Periods.between(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"),
                Granularity.QUARTER, BERLIN, NOW);
    }

    private static List<Long> values(Map<Period, Long> counts, Periods periods) {
        return periods.all().stream().map(p -> counts.getOrDefault(p, 0L)).toList();
    }

    @Test
    void huddlesCountInTheirPeriodWhenAnyOfTheirProjectsIsAsked() {
        huddle("OPS@2026-W20", "OPS", "2026-05-14T09:00:00Z");
        huddle("OPS@2026-W21", "OPS", "2026-05-21T09:00:00Z");
        huddle("CARE,OPS@2026-W33", "CARE,OPS", "2026-08-13T09:00:00Z");
        huddle("CARE@2026-W46", "CARE", "2026-11-12T09:00:00Z");
        // 2026-03-31 23:30 UTC is 1 April in Berlin: the second quarter
        huddle("WEB@2026-W14", "WEB", "2026-03-31T23:30:00Z");
        Periods periods = quarters();

        assertThat(values(counts.huddlesHeld(Set.of("OPS"), periods), periods)).containsExactly(2L, 1L, 0L);
        assertThat(values(counts.huddlesHeld(Set.of("CARE"), periods), periods)).containsExactly(0L, 1L, 1L);
        assertThat(values(counts.huddlesHeld(Set.of("OPS", "CARE"), periods), periods)).containsExactly(2L, 1L, 1L);
        assertThat(values(counts.huddlesHeld(Set.of("WEB"), periods), periods)).containsExactly(1L, 0L, 0L);
        assertThat(counts.huddlesHeld(Set.of(), periods)).isEmpty();
    }

    @Test
    void nominationsCountByTheirRecordsProjectAndVotersOnlyAfterTheClose() {
        award("instance@2026-04-01", "", "2026-07-15", 9);
        award("ops-team@2026-07-01", "OPS,SRE", "2026-10-15", 4);
        award("care@2026-07-01", "CARE", "2026-10-15", 6);
        // still voting on NOW: VOTERS is 0 until the fold, and a close after NOW is never counted
        award("instance@2026-10-01", "", "2027-01-15", 0);
        nomination("instance@2026-04-01", "OPS-1", "2026-05-02T10:00:00Z");
        nomination("instance@2026-04-01", "CARE-3", "2026-06-02T10:00:00Z");
        nomination("ops-team@2026-07-01", "OPS-7", "2026-08-02T10:00:00Z");
        nomination("ops-team@2026-07-01", "SRE-2", "2026-09-02T10:00:00Z");
        nomination("instance@2026-10-01", "OPS-12", "2026-11-02T10:00:00Z");
        Periods periods = quarters();

        assertThat(values(counts.nominations(Set.of("OPS"), periods), periods)).containsExactly(1L, 1L, 1L);
        assertThat(values(counts.nominations(Set.of("OPS", "SRE", "CARE"), periods), periods))
                .containsExactly(2L, 2L, 1L);
        assertThat(values(counts.voters(Set.of("OPS"), periods, NOW), periods)).as("instance award, then OPS group")
                .containsExactly(0L, 9L, 4L);
        assertThat(values(counts.voters(Set.of("CARE", "OPS"), periods, NOW), periods)).containsExactly(0L, 9L, 10L);
        assertThat(values(counts.voters(Set.of("WEB"), periods, NOW), periods)).containsExactly(0L, 9L, 0L);
        assertThat(AoCultureCounts.projectOf("MY-TEAM-12")).isEqualTo("MY-TEAM");
    }

    private void huddle(String key, String projects, String heldAt) {
        Map<String, Object> row = new HashMap<>();
        row.put(HuddleEntity.HUDDLE_KEY, key);
        row.put(HuddleEntity.TEAM_KEY, projects);
        row.put(HuddleEntity.PROJECT_KEYS, projects);
        row.put(HuddleEntity.HELD_AT, Date.from(Instant.parse(heldAt)));
        row.put(HuddleEntity.FAILURES_REVIEWED, 2);
        db.activeObjects().create(HuddleEntity.class, row);
    }

    @Test
    void votersOfAnAwardWhoseVotingAnAdministratorClosedEarlyCountWhenItClosed() {
        award("instance@2026-04-01", "", "2026-07-15", 9);
        // scheduled to close on 2027-01-15, closed on 20 November by "advance" (model version 13): counted in Q4
        award("web@2026-10-01", "WEB", "2027-01-15", 3);
        moveClose("web@2026-10-01", "2026-11-20T09:00:00Z");
        // moved, but to after NOW: not counted yet
        award("care@2026-10-01", "CARE", "2027-01-15", 5);
        moveClose("care@2026-10-01", "2026-11-25T09:00:00Z");
        Periods periods = quarters();

        assertThat(values(counts.voters(Set.of("WEB"), periods, NOW), periods)).containsExactly(0L, 9L, 3L);
        assertThat(values(counts.voters(Set.of("CARE"), periods, NOW), periods)).containsExactly(0L, 9L, 0L);
    }

    private void moveClose(String key, String closesAt) {
        for (AwardEntity row : db.activeObjects().find(AwardEntity.class, net.java.ao.Query.select()
                .where(AwardEntity.AWARD_KEY + " = ?", key))) {
            row.setVotingClosesAt(Date.from(Instant.parse(closesAt)));
            row.save();
        }
    }

    private void award(String key, String projects, String votingEnds, long voters) {
        Map<String, Object> row = new HashMap<>();
        row.put(AwardEntity.AWARD_KEY, key);
        row.put(AwardEntity.SCOPE_KEY, key.substring(0, key.indexOf('@')));
        row.put(AwardEntity.SCOPE_NAME, key);
        row.put(AwardEntity.PROJECT_KEYS, projects);
        row.put(AwardEntity.PERIOD_START, key.substring(key.indexOf('@') + 1));
        row.put(AwardEntity.PERIOD_END, votingEnds);
        row.put(AwardEntity.VOTING_ENDS, votingEnds);
        row.put(AwardEntity.ZONE, "Europe/Berlin");
        row.put(AwardEntity.VOTERS, voters);
        db.activeObjects().create(AwardEntity.class, row);
    }

    private void nomination(String award, String record, String at) {
        Map<String, Object> row = new HashMap<>();
        row.put(AwardNominationEntity.NOMINATION_KEY, award + "/" + record);
        row.put(AwardNominationEntity.AWARD_KEY, award);
        row.put(AwardNominationEntity.RECORD_KEY, record);
        row.put(AwardNominationEntity.NOMINATOR, "u-ana");
        row.put(AwardNominationEntity.REASON, "taught us a lot");
        row.put(AwardNominationEntity.NOMINATED_AT, Date.from(Instant.parse(at)));
        row.put(AwardNominationEntity.VOTES, 0L);
        db.activeObjects().create(AwardNominationEntity.class, row);
    }
}
