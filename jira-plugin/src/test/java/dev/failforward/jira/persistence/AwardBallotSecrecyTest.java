package dev.failforward.jira.persistence;

import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static dev.failforward.jira.persistence.AwardTables.BOX;
import static dev.failforward.jira.persistence.AwardTables.Q4;
import static dev.failforward.jira.persistence.AwardTables.guard;
import static dev.failforward.jira.persistence.AwardTables.nomination;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored vote cannot be tied to its voter. A dump of every column of every award table (read with plain JDBC from
 * the database's catalogue, so a column added later is checked too), taken while voting is open and again after the
 * close, holds no voter's name or key; whoever knows the award's guard key can tell that someone voted, never for
 * whom; no count moves while voting is open; and two elections that differ only in who voted for what leave tables
 * that differ only in random ciphertexts while voting, and identical tables after the close.
 */
class AwardBallotSecrecyTest {

    /** Voters, with names unlike anything else stored, and their votes. */
    private static final Map<String, String> BALLOTS = ballots();

    /** Every award table while voting is open and after the close (ballots folded into the counts). */
    private record Election(Map<String, List<Map<String, Object>>> voting, Map<String, List<Map<String, Object>>> closed) {
    }

    @Test
    void noColumnOfAnyAwardTableHoldsAVotersNameOrKeyWhileVotingOrAfter() throws Exception {
        Election election = election(BALLOTS);

        for (Map<String, List<Map<String, Object>>> dump : List.of(election.voting(), election.closed())) {
            assertThat(dump.keySet()).containsExactlyInAnyOrder("AWARD", "AWARD_NOMINATION", "AWARD_BALLOT_GUARD",
                    "AWARD_BALLOT");
            assertThat(dump.get("AWARD_BALLOT_GUARD")).hasSize(BALLOTS.size());
            List<String> cells = new ArrayList<>();
            dump.values().forEach(rows -> rows.forEach(row -> row.values().stream().filter(Objects::nonNull)
                    .map(v -> v.toString().toLowerCase(Locale.ROOT)).forEach(cells::add)));
            assertThat(cells).isNotEmpty();
            for (String voter : BALLOTS.keySet()) {
                String lower = voter.toLowerCase(Locale.ROOT);
                assertThat(cells).as(voter).noneMatch(cell -> cell.contains(lower));
                // nor any part of it long enough to identify it (its user key part, its display-name parts)
                for (String part : lower.split("[-.]")) {
                    if (part.length() >= 5) {
                        assertThat(cells).as(voter + " / " + part).noneMatch(cell -> cell.contains(part));
                    }
                }
            }
        }
    }

    @Test
    void whileVotingNoCountMovesAndEachBallotIsAnOpaqueValueOfOneLength() throws Exception {
        Election election = election(BALLOTS);

        assertThat(election.voting().get("AWARD_NOMINATION")).allSatisfy(row ->
                assertThat(((Number) row.get("VOTES")).longValue()).isZero());
        assertThat(election.voting().get("AWARD_BALLOT")).hasSize(BALLOTS.size()).allSatisfy(row -> {
            assertThat(row.keySet()).containsExactlyInAnyOrder("ID", "AWARD_KEY", "SEALED");
            assertThat(row.get("SEALED").toString()).hasSize(AoAwards.SEALED_CHARS);
        });
        assertThat(election.voting().get("AWARD_BALLOT").stream().map(row -> row.get("SEALED")).distinct())
                .as("equal choices seal differently").hasSize(BALLOTS.size());
        // after the close: the ballots are gone, the counts hold them
        assertThat(election.closed().get("AWARD_BALLOT")).isEmpty();
        assertThat(election.closed().get("AWARD_NOMINATION")).extracting(row -> row.get("RECORD_KEY") + "="
                + row.get("VOTES")).containsExactlyInAnyOrder("OPS-1=2", "OPS-2=2", "CARE-7=1");
    }

    @Test
    void theTablesHaveOnlyTheseColumns() throws Exception {
        Map<String, List<Map<String, Object>>> dump = election(BALLOTS).voting();

        assertThat(dump.get("AWARD_BALLOT_GUARD").get(0).keySet()).containsExactlyInAnyOrder("GUARD_HASH",
                "AWARD_KEY");
        assertThat(dump.get("AWARD_NOMINATION").get(0).keySet()).containsExactlyInAnyOrder("ID", "NOMINATION_KEY",
                "AWARD_KEY", "RECORD_KEY", "NOMINATOR", "REASON", "NOMINATED_AT", "VOTES");
        // VOTERS (model version 10): how many ballots were counted, 0 until the close, a count like VOTES;
        // VOTING_OPENS_AT / VOTING_CLOSES_AT (model version 13): when an administrator moved the window, nobody's vote
        assertThat(dump.get("AWARD").get(0).keySet()).containsExactlyInAnyOrder("ID", "AWARD_KEY", "SCOPE_KEY",
                "SCOPE_NAME", "PROJECT_KEYS", "PERIOD_START", "PERIOD_END", "VOTING_ENDS", "ZONE", "VOTERS",
                "VOTING_OPENS_AT", "VOTING_CLOSES_AT");
    }

    @Test
    void withTheGuardKeyOneCanTellThatSomeoneVotedButNotForWhom() throws Exception {
        Map<String, List<Map<String, Object>>> dump = election(BALLOTS).voting();
        String voter = BALLOTS.keySet().iterator().next();
        String hash = guard(voter);

        // "has X voted?": yes, a guard row is there, and it holds nothing but the hash and the award
        List<Map<String, Object>> mine = dump.get("AWARD_BALLOT_GUARD").stream()
                .filter(row -> hash.equals(row.get("GUARD_HASH"))).toList();
        assertThat(mine).singleElement().satisfies(row -> assertThat(row.values()).containsOnly(hash, Q4.id()));
        assertThat(guard("someone-who-did-not-vote")).isNotIn(dump.get("AWARD_BALLOT_GUARD").stream()
                .map(row -> row.get("GUARD_HASH")).toList());
        // "for whom?": no other row names the guard
        dump.forEach((table, rows) -> {
            if (!table.equals("AWARD_BALLOT_GUARD")) {
                rows.forEach(row -> assertThat(row.values()).as(table).noneMatch(
                        v -> v != null && v.toString().contains(hash.substring(0, 16))));
            }
        });
    }

    @Test
    void twoElectionsThatDifferOnlyInWhoVotedForWhatLookTheSame() throws Exception {
        Map<String, String> swapped = new LinkedHashMap<>(BALLOTS);
        List<String> voters = new ArrayList<>(BALLOTS.keySet());
        // the first two voters chose different nominees; swap their choices: the counts stay the same
        assertThat(BALLOTS.get(voters.get(0))).isNotEqualTo(BALLOTS.get(voters.get(1)));
        swapped.put(voters.get(0), BALLOTS.get(voters.get(1)));
        swapped.put(voters.get(1), BALLOTS.get(voters.get(0)));

        Election one = election(BALLOTS);
        Election other = election(swapped);

        // while voting: equal but for the sealed values, which are random either way
        assertThat(sorted(masked(other.voting()))).isEqualTo(sorted(masked(one.voting())));
        // after the close: identical, every column
        assertThat(sorted(other.closed())).isEqualTo(sorted(one.closed()));
    }

    /** Nominations by two nominators and the given votes in a new database, dumped while voting and after the fold. */
    private static Election election(Map<String, String> ballots) throws Exception {
        AoDatabase db = TestDatabases.openAo("dev.failforward.jira");
        try {
            db.activeObjects().migrate(FailureDbSchema.entities());
            AoAwards store = new AoAwards(db.activeObjects());
            store.ensure(Q4);
            store.nominate(Q4.id(), nomination("OPS-1", "u-nominator-one", 1));
            store.nominate(Q4.id(), nomination("OPS-2", "u-nominator-one", 2));
            store.nominate(Q4.id(), nomination("CARE-7", "u-nominator-two", 3));
            ballots.forEach((voter, record) -> store.vote(Q4.id(), guard(voter), record, BOX));
            Map<String, List<Map<String, Object>>> voting = AwardTables.dump(db);
            AwardTables.fold(store);
            return new Election(voting, AwardTables.dump(db));
        } finally {
            db.close();
        }
    }

    /** The dump with every sealed ballot replaced by its length. */
    private static Map<String, List<Map<String, Object>>> masked(Map<String, List<Map<String, Object>>> dump) {
        Map<String, List<Map<String, Object>>> masked = new LinkedHashMap<>();
        dump.forEach((table, rows) -> masked.put(table, rows.stream().map(row -> {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            copy.computeIfPresent("SEALED", (column, value) -> value.toString().length());
            return copy;
        }).toList()));
        return masked;
    }

    /** Rows of each table in a stable order (the guard table's natural order follows its hashes). */
    private static Map<String, List<String>> sorted(Map<String, List<Map<String, Object>>> dump) {
        Map<String, List<String>> sorted = new LinkedHashMap<>();
        dump.forEach((table, rows) -> sorted.put(table, rows.stream().map(Object::toString)
                .sorted(Comparator.naturalOrder()).toList()));
        return sorted;
    }

    private static Map<String, String> ballots() {
        Map<String, String> ballots = new LinkedHashMap<>();
        ballots.put("JIRAUSER10471-Annabelle.Quist", "OPS-1");
        ballots.put("JIRAUSER10472-Bartholomew.Ynez", "OPS-2");
        ballots.put("JIRAUSER10473-Cordelia.Vantongeren", "OPS-2");
        ballots.put("JIRAUSER10474-Desmond.Okonkwo", "CARE-7");
        ballots.put("JIRAUSER10475-Evangeline.Marchetti", "OPS-1");
        return ballots;
    }
}
