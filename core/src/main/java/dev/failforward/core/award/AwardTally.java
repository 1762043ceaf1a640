package dev.failforward.core.award;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An award's results: the nominees ranked, and the winner.
 *
 * <p><b>Tie rule.</b> Most votes wins; between equal counts the <em>earliest nomination</em> ranks first (then the
 * record key, for nominations stored in the same millisecond). Why: it is fixed before voting opens (nominations are
 * closed by then), so no vote and nobody's late action can change who wins a tie; it rewards putting a failure forward
 * early; and it is the same on every node and every reading. An award with no vote at all has nominees but no
 * winner.
 *
 * @param ranked     every nominee, best first
 * @param winner     the first of {@code ranked} when it has at least one vote
 * @param totalVotes votes cast in the award
 * @param tieBroken  whether the winner shares its count with the runner-up (won by the tie rule)
 */
public record AwardTally(List<Standing> ranked, Optional<Standing> winner, long totalVotes, boolean tieBroken) {

    /** One nominee and its votes. */
    public record Standing(Nomination nomination, long votes) {
        public Standing {
            Objects.requireNonNull(nomination, "nomination");
            if (votes < 0) {
                throw new IllegalArgumentException("votes must be >= 0: " + votes);
            }
        }
    }

    public static final Comparator<Standing> RANKING = Comparator.comparingLong(Standing::votes).reversed()
            .thenComparing(s -> s.nomination().nominatedAt())
            .thenComparing(s -> s.nomination().recordKey());

    public AwardTally {
        ranked = List.copyOf(ranked);
    }

    public static AwardTally of(List<Standing> standings) {
        List<Standing> ranked = new ArrayList<>(standings);
        ranked.sort(RANKING);
        long total = ranked.stream().mapToLong(Standing::votes).sum();
        Optional<Standing> winner = ranked.isEmpty() || ranked.get(0).votes() == 0
                ? Optional.empty() : Optional.of(ranked.get(0));
        boolean tie = winner.isPresent() && ranked.size() > 1 && ranked.get(1).votes() == winner.get().votes();
        return new AwardTally(ranked, winner, total, tie);
    }
}
