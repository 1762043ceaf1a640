package dev.failforward.core.award;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One award's dates, frozen when the award is created (a later change of the {@link AwardSchedule} leaves it alone):
 * nominations from {@code start} until {@code end} (exclusive), voting from {@code end} until {@code votingEnds}
 * (exclusive), then closed. Each date begins at midnight in {@code zone}; {@link #phaseAt} compares instants, so the
 * answer is the same for a user in Tokyo and one in Los Angeles.
 */
public record AwardPeriod(LocalDate start, LocalDate end, LocalDate votingEnds, ZoneId zone) {

    public AwardPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(votingEnds, "votingEnds");
        Objects.requireNonNull(zone, "zone");
        if (!start.isBefore(end) || !end.isBefore(votingEnds)) {
            throw new IllegalArgumentException("need start < end < votingEnds: " + start + ", " + end + ", "
                    + votingEnds);
        }
    }

    public Instant nominationsOpen() {
        return start.atStartOfDay(zone).toInstant();
    }

    /** Nominations close and voting opens at this instant. */
    public Instant votingOpens() {
        return end.atStartOfDay(zone).toInstant();
    }

    public Instant votingCloses() {
        return votingEnds.atStartOfDay(zone).toInstant();
    }

    public AwardPhase phaseAt(Instant instant) {
        if (instant.isBefore(nominationsOpen())) {
            return AwardPhase.UPCOMING;
        }
        if (instant.isBefore(votingOpens())) {
            return AwardPhase.NOMINATING;
        }
        return instant.isBefore(votingCloses()) ? AwardPhase.VOTING : AwardPhase.CLOSED;
    }
}
