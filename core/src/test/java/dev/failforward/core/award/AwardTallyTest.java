package dev.failforward.core.award;

import dev.failforward.core.award.AwardTally.Standing;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AwardTallyTest {

    private static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");

    @Test
    void mostVotesWins() {
        AwardTally tally = AwardTally.of(List.of(standing("OPS-1", 0, 3), standing("OPS-2", 1, 5),
                standing("OPS-3", 2, 1)));

        assertThat(tally.ranked()).extracting(s -> s.nomination().recordKey()).containsExactly("OPS-2", "OPS-1",
                "OPS-3");
        assertThat(tally.winner()).map(s -> s.nomination().recordKey()).contains("OPS-2");
        assertThat(tally.totalVotes()).isEqualTo(9);
        assertThat(tally.tieBroken()).isFalse();
    }

    @Test
    void aTieGoesToTheEarliestNominationWhateverTheOrderGiven() {
        List<Standing> standings = List.of(standing("OPS-9", 5, 4), standing("OPS-1", 9, 4), standing("OPS-5", 2, 4),
                standing("OPS-7", 0, 2));

        AwardTally tally = AwardTally.of(standings);

        assertThat(tally.winner()).map(s -> s.nomination().recordKey()).contains("OPS-5");
        assertThat(tally.ranked()).extracting(s -> s.nomination().recordKey()).containsExactly("OPS-5", "OPS-9",
                "OPS-1", "OPS-7");
        assertThat(tally.tieBroken()).isTrue();
        assertThat(AwardTally.of(List.of(standings.get(3), standings.get(2), standings.get(1), standings.get(0))))
                .isEqualTo(tally);
    }

    @Test
    void nominationsInTheSameInstantTieOnTheRecordKey() {
        AwardTally tally = AwardTally.of(List.of(standing("SRE-2", 0, 1), standing("OPS-2", 0, 1)));

        assertThat(tally.winner()).map(s -> s.nomination().recordKey()).contains("OPS-2");
    }

    @Test
    void noVotesMeansNomineesButNoWinner() {
        AwardTally tally = AwardTally.of(List.of(standing("OPS-1", 0, 0), standing("OPS-2", 1, 0)));

        assertThat(tally.winner()).isEmpty();
        assertThat(tally.ranked()).hasSize(2);
        assertThat(tally.tieBroken()).isFalse();
        assertThat(AwardTally.of(List.of()).winner()).isEmpty();
    }

    private static Standing standing(String record, int minutesAfterT0, long votes) {
        return new Standing(new Nomination(record, "u-" + record, "why", T0.plusSeconds(60L * minutesAfterT0)), votes);
    }
}
