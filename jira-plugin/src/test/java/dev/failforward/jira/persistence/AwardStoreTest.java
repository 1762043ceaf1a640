package dev.failforward.jira.persistence;

import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardException;
import dev.failforward.core.award.AwardPeriod;
import dev.failforward.core.award.AwardProblem;
import dev.failforward.core.award.AwardSchedule;
import dev.failforward.core.award.AwardScope;
import dev.failforward.core.award.AwardTally;
import dev.failforward.core.privacy.SealedBox;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.failforward.jira.persistence.AwardTables.NOVEMBER;
import static dev.failforward.jira.persistence.AwardTables.BOX;
import static dev.failforward.jira.persistence.AwardTables.Q4;
import static dev.failforward.jira.persistence.AwardTables.guard;
import static dev.failforward.jira.persistence.AwardTables.nomination;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The award store on the real ORM (HSQLDB, and PostgreSQL in the {@code postgres} execution): awards are created once
 * and keep their dates, each record is nominated once per award, a vote raises its nominee's count and stores the
 * guard in one transaction, and a refused vote changes nothing.
 */
class AwardStoreTest {

    private AoDatabase db;
    private AoAwards store;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        store = new AoAwards(db.activeObjects());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anAwardIsCreatedOnceAndKeepsItsDatesWhenTheScheduleChanges() {
        assertThat(store.ensure(Q4)).isEqualTo(Q4);
        // an administrator switches to monthly awards with a week of voting, in Berlin, during October: the award
        // starting on the same day is the stored one, with its quarter's dates
        Award monthly = new Award(AwardScope.instance(),
                new AwardSchedule(1, 7, ZoneId.of("Europe/Berlin")).periodAt(NOVEMBER.minusSeconds(86_400L * 30)));
        assertThat(monthly.id()).isEqualTo(Q4.id());
        assertThat(store.ensure(monthly)).isEqualTo(Q4);
        assertThat(store.history("instance")).containsExactly(Q4);
    }

    @Test
    void historyListsAScopesAwardsNewestFirstWithTheirGroup() {
        AwardSchedule quarters = AwardSchedule.quarterly(ZoneOffset.UTC);
        AwardScope platform = AwardScope.group("platform", "Platform teams", List.of("SRE", "OPS"));
        Award q3 = new Award(platform, quarters.previous(Q4.period()));
        Award q4 = new Award(platform, Q4.period());
        store.ensure(q3);
        store.ensure(q4);
        store.ensure(Q4);

        assertThat(store.history("platform")).containsExactly(q4, q3);
        assertThat(store.history("platform").get(0).scope().projectKeys()).containsExactly("OPS", "SRE");
        assertThat(store.find("platform@2026-07-01")).contains(q3);
        assertThat(store.find("platform@2026-01-01")).isEmpty();
    }

    @Test
    void aRecordIsNominatedOncePerAwardAndNominationsListEarliestFirst() {
        store.ensure(Q4);
        store.nominate(Q4.id(), nomination("OPS-2", "u-ana", 5));
        store.nominate(Q4.id(), nomination("OPS-1", "u-ana", 1));

        assertThatThrownBy(() -> store.nominate(Q4.id(), nomination("OPS-1", "u-ben", 9)))
                .isInstanceOfSatisfying(AwardException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AwardProblem.RECORD_ALREADY_NOMINATED);
                    assertThat(e.problem().field()).isEqualTo("record");
                });
        assertThat(store.nominations(Q4.id())).containsExactly(nomination("OPS-1", "u-ana", 1),
                nomination("OPS-2", "u-ana", 5));
        assertThat(store.nominatedRecords(Q4.id())).containsExactly("OPS-1", "OPS-2");
        assertThat(store.nominatedRecords("platform@2026-10-01")).isEmpty();
    }

    @Test
    void votesRaiseCountsAndASecondVoteOfTheSamePersonChangesNothing() {
        store.ensure(Q4);
        store.nominate(Q4.id(), nomination("OPS-1", "u-ana", 1));
        store.nominate(Q4.id(), nomination("OPS-2", "u-ana", 2));

        store.vote(Q4.id(), guard("ben"), "OPS-2", BOX);
        store.vote(Q4.id(), guard("cleo"), "OPS-2", BOX);
        store.vote(Q4.id(), guard("dan"), "OPS-1", BOX);
        assertThatThrownBy(() -> store.vote(Q4.id(), guard("ben"), "OPS-1", BOX))
                .isInstanceOfSatisfying(AwardException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AwardProblem.VOTE_ALREADY_CAST);
                    assertThat(e).hasMessage("vote: already voted in this award");
                });
        assertThat(store.standings(Q4.id())).as("no count moves while voting").extracting(AwardTally.Standing::votes)
                .containsExactly(0L, 0L);
        assertThat(store.waiting(Q4.id())).isEqualTo(3);
        assertThat(store.countedVoters(Q4.id())).as("voters counted only at the close").contains(0L);

        assertThat(AwardTables.fold(store)).isTrue();
        assertThat(AwardTables.fold(store)).as("nothing left").isFalse();
        assertThat(store.waiting(Q4.id())).isZero();
        assertThat(store.standings(Q4.id())).extracting(AwardTally.Standing::votes).containsExactly(1L, 2L);
        assertThat(AwardTally.of(store.standings(Q4.id())).winner())
                .map(s -> s.nomination().recordKey()).contains("OPS-2");
        assertThat(store.voters(Q4.id())).isEqualTo(3);
        assertThat(store.countedVoters(Q4.id())).as("kept after the guards go").contains(3L);
        assertThat(store.countedVoters("instance@1999-01-01")).isEmpty();
        assertThat(store.hasVoted(guard("ben"))).isTrue();
        assertThat(store.hasVoted(guard("eve"))).isFalse();
    }

    @Test
    void aVoteForARecordThatIsNotNominatedLeavesNoGuard() {
        store.ensure(Q4);
        store.nominate(Q4.id(), nomination("OPS-1", "u-ana", 1));

        assertThatThrownBy(() -> store.vote(Q4.id(), guard("ben"), "OPS-9", BOX))
                .isInstanceOfSatisfying(AwardException.class,
                        e -> assertThat(e.kind()).isEqualTo(AwardProblem.RECORD_NOT_NOMINATED));
        assertThat(store.hasVoted(guard("ben"))).isFalse();
        assertThat(store.waiting(Q4.id())).isZero();
        store.vote(Q4.id(), guard("ben"), "OPS-1", BOX);
        AwardTables.fold(store);
        assertThat(store.standings(Q4.id())).extracting(AwardTally.Standing::votes).containsExactly(1L);
        assertThatThrownBy(() -> store.vote(Q4.id(), "BEN", "OPS-1", BOX)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void guardsOfAClosedAwardCanBeDeletedAndTheCountsStay() {
        store.ensure(Q4);
        store.nominate(Q4.id(), nomination("OPS-1", "u-ana", 1));
        store.vote(Q4.id(), guard("ben"), "OPS-1", BOX);
        store.vote(Q4.id(), guard("cleo"), "OPS-1", BOX);
        AwardTables.fold(store);

        assertThat(store.deleteGuards(Q4.id())).isEqualTo(2);
        assertThat(store.voters(Q4.id())).isZero();
        assertThat(store.standings(Q4.id())).extracting(AwardTally.Standing::votes).containsExactly(2L);
    }

    @Test
    void ballotsThatDoNotOpenUnderTheKeyOrRepeatAnotherAreDeletedUncounted() throws Exception {
        store.ensure(Q4);
        store.nominate(Q4.id(), nomination("OPS-1", "u-ana", 1));
        store.vote(Q4.id(), guard("ben"), "OPS-1", BOX);
        store.vote(Q4.id(), guard("cleo"), "OPS-1", new SealedBox(new byte[32])); // another key
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            // someone with write access copies ben's ballot and alters another one
            String table = "\"" + db.tablePrefix() + "AWARD_BALLOT\"";
            statement.executeUpdate("INSERT INTO " + table + " (\"AWARD_KEY\", \"SEALED\") SELECT \"AWARD_KEY\","
                    + " \"SEALED\" FROM " + table + " WHERE \"ID\" = (SELECT MIN(\"ID\") FROM " + table + ")");
            statement.executeUpdate("INSERT INTO " + table + " (\"AWARD_KEY\", \"SEALED\") VALUES ('"
                    + Q4.id() + "', 'not-a-ballot')");
        }
        assertThat(store.waiting(Q4.id())).isEqualTo(4);

        assertThat(AwardTables.fold(store)).isTrue();
        assertThat(store.waiting(Q4.id())).isZero();
        assertThat(store.standings(Q4.id())).extracting(AwardTally.Standing::votes).containsExactly(1L);
    }

    @Test
    void withoutThePoolKeyEveryBallotIsDeletedUncounted() {
        store.ensure(Q4);
        store.nominate(Q4.id(), nomination("OPS-1", "u-ana", 1));
        store.vote(Q4.id(), guard("ben"), "OPS-1", BOX);

        assertThat(store.fold(Q4.id(), Optional::empty)).isTrue();
        assertThat(store.waiting(Q4.id())).isZero();
        assertThat(store.countedVoters(Q4.id())).contains(0L);
        assertThat(store.standings(Q4.id())).extracting(AwardTally.Standing::votes).containsExactly(0L);
    }

    @Test
    void aPeriodInAnotherZoneRoundTrips() {
        Award berlin = new Award(AwardScope.group("care", "Care", List.of("CARE")), new AwardPeriod(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 15),
                ZoneId.of("Europe/Berlin")));
        store.ensure(berlin);

        assertThat(store.find(berlin.id())).contains(berlin);
    }

    @Test
    void theAwardsOfManyRecordsComeFromOneQueryPer500Keys() {
        AwardSchedule quarters = AwardSchedule.quarterly(ZoneOffset.UTC);
        Award q3 = new Award(AwardScope.instance(), quarters.previous(Q4.period()));
        store.ensure(Q4);
        store.ensure(q3);
        store.nominate(Q4.id(), nomination("OPS-1", "ana", 1));
        store.nominate(Q4.id(), nomination("OPS-2", "ben", 2));
        store.nominate(q3.id(), nomination("OPS-1", "ana", 3));
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 3; i < 1200; i++) {
            keys.add("OPS-" + i);
        }
        keys.add("OPS-2");
        keys.add("OPS-1");
        keys.add(null);

        java.util.Map<String, List<String>> awards = store.awardsOf(keys);

        assertThat(awards).containsOnlyKeys("OPS-1", "OPS-2");
        assertThat(awards.get("OPS-1")).containsExactlyInAnyOrder(Q4.id(), q3.id());
        assertThat(awards.get("OPS-2")).containsExactly(Q4.id());
        assertThat(store.awardsOf(List.of())).isEmpty();
    }

    @Test
    void rescheduleStoresTheMovedVotingWindowAndKeepsTheDates() {
        store.ensure(Q4);
        Instant opens = Instant.parse("2026-11-10T09:15:00Z");
        Instant closes = Instant.parse("2026-11-25T00:00:00Z");

        Award moved = store.reschedule(Q4.id(), Q4.period().withVoting(opens, closes)).orElseThrow();

        assertThat(moved.period().start()).isEqualTo(Q4.period().start());
        assertThat(moved.period().end()).as("the dates name the period and stay").isEqualTo(Q4.period().end());
        assertThat(moved.period().votingEnds()).isEqualTo(Q4.period().votingEnds());
        assertThat(moved.period().votingOpens()).isEqualTo(opens);
        assertThat(moved.period().votingCloses()).isEqualTo(closes);
        assertThat(store.find(Q4.id())).contains(moved);
        assertThat(store.history("instance")).containsExactly(moved);
        // closing at the instant voting opened: an empty window, still in order
        Award closed = store.reschedule(Q4.id(), Q4.period().withVoting(opens, opens)).orElseThrow();
        assertThat(closed.period().phaseAt(opens)).isEqualTo(dev.failforward.core.award.AwardPhase.CLOSED);
        // back to the dates: the columns are empty again
        assertThat(store.reschedule(Q4.id(), Q4.period()).orElseThrow()).isEqualTo(Q4);
        assertThatThrownBy(() -> Q4.period().withVoting(closes, opens)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.reschedule(Q4.id(), new AwardPeriod(LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 15), Q4.period().zone())))
                .as("another period's dates").isInstanceOf(IllegalArgumentException.class);
        assertThat(store.find(Q4.id())).contains(Q4);
        assertThat(store.reschedule("instance@2020-01-01", Q4.period())).isEmpty();
    }
}
