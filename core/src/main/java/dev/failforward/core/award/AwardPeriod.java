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
 *
 * <p>The dates are the period the award is <i>for</i> (its name, "Q4 2026", and the quarter a showcase shows it in).
 * When the windows run as scheduled, {@code votingOpens} is {@code end} at midnight and {@code votingCloses} is
 * {@code votingEnds} at midnight. An administrator's "advance" ({@link AwardRules#advance}) moves them to an instant of
 * the day, earlier, never later: nominations end and voting opens <i>now</i>, or voting closes <i>now</i>. So the
 * windows are kept to the millisecond and an award can be advanced on any day of its period, its first included, while
 * its name stays that of its period. Equal instants make an empty window (an award advanced twice at one instant).
 *
 * @param votingOpens  when nominations close and voting opens; {@code null} for {@code end} at midnight
 * @param votingCloses when voting closes; {@code null} for {@code votingEnds} at midnight
 */
public record AwardPeriod(LocalDate start, LocalDate end, LocalDate votingEnds, ZoneId zone, Instant votingOpens,
                          Instant votingCloses) {

    public AwardPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(votingEnds, "votingEnds");
        Objects.requireNonNull(zone, "zone");
        if (!start.isBefore(end) || !end.isBefore(votingEnds)) {
            throw new IllegalArgumentException("need start < end < votingEnds: " + start + ", " + end + ", "
                    + votingEnds);
        }
        Instant scheduledOpen = end.atStartOfDay(zone).toInstant();
        Instant scheduledClose = votingEnds.atStartOfDay(zone).toInstant();
        votingOpens = votingOpens == null ? scheduledOpen : votingOpens;
        votingCloses = votingCloses == null ? scheduledClose : votingCloses;
        if (votingOpens.isBefore(start.atStartOfDay(zone).toInstant()) || votingOpens.isAfter(scheduledOpen)
                || votingCloses.isBefore(votingOpens) || votingCloses.isAfter(scheduledClose)) {
            throw new IllegalArgumentException("need nominations open <= voting opens <= voting closes, each no later"
                    + " than scheduled: " + start + ", " + votingOpens + ", " + votingCloses + " (" + end + ", "
                    + votingEnds + " in " + zone + ")");
        }
    }

    /** The windows as scheduled: each changes phase at midnight of its date in {@code zone}. */
    public AwardPeriod(LocalDate start, LocalDate end, LocalDate votingEnds, ZoneId zone) {
        this(start, end, votingEnds, zone, null, null);
    }

    /** The same period with its voting window moved (its dates, and so its name, stay). */
    public AwardPeriod withVoting(Instant opens, Instant closes) {
        return new AwardPeriod(start, end, votingEnds, zone, Objects.requireNonNull(opens, "opens"),
                Objects.requireNonNull(closes, "closes"));
    }

    public Instant nominationsOpen() {
        return start.atStartOfDay(zone).toInstant();
    }

    /** Whether voting opens when its dates say (midnight of {@code end}); false once an administrator moved it. */
    public boolean votingOpensAsScheduled() {
        return votingOpens.equals(end.atStartOfDay(zone).toInstant());
    }

    /** Whether voting closes when its dates say (midnight of {@code votingEnds}); false once an administrator moved it. */
    public boolean votingClosesAsScheduled() {
        return votingCloses.equals(votingEnds.atStartOfDay(zone).toInstant());
    }

    public AwardPhase phaseAt(Instant instant) {
        if (instant.isBefore(nominationsOpen())) {
            return AwardPhase.UPCOMING;
        }
        if (instant.isBefore(votingOpens)) {
            return AwardPhase.NOMINATING;
        }
        return instant.isBefore(votingCloses) ? AwardPhase.VOTING : AwardPhase.CLOSED;
    }
}
