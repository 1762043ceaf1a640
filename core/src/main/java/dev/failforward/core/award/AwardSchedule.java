package dev.failforward.core.award;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * How award periods are cut, as a Jira administrator configures it: periods of {@code months} calendar months aligned
 * on January 1st (3 = quarters, the default), each followed by {@code votingDays} days of voting, all in one time zone
 * (the instance's default zone, so a window opens at the same instant for everybody, wherever they are).
 *
 * <p>A period's nominations are open during the period itself; its voting starts when the period ends, at midnight
 * in {@code zone}; results are known when voting closes. So the voting of one award overlaps the nominations of the
 * next one, and each record competes in the period it is nominated in.
 */
public record AwardSchedule(int months, int votingDays, ZoneId zone) {

    public static final int DEFAULT_MONTHS = 3;
    public static final int DEFAULT_VOTING_DAYS = 14;
    public static final int MAX_VOTING_DAYS = 60;
    /** Lengths that divide the year, so periods line up with quarters and years. */
    public static final Set<Integer> MONTHS = Set.of(1, 2, 3, 4, 6, 12);

    public AwardSchedule {
        Objects.requireNonNull(zone, "zone");
        if (!MONTHS.contains(months)) {
            throw AwardProblem.PERIOD_MONTHS_INVALID.exception(String.valueOf(months));
        }
        if (votingDays < 1 || votingDays > MAX_VOTING_DAYS) {
            throw AwardProblem.PERIOD_VOTING_DAYS_INVALID.exception(String.valueOf(votingDays),
                    String.valueOf(MAX_VOTING_DAYS));
        }
    }

    /** Quarters, two weeks of voting, in {@code zone}. */
    public static AwardSchedule quarterly(ZoneId zone) {
        return new AwardSchedule(DEFAULT_MONTHS, DEFAULT_VOTING_DAYS, zone);
    }

    /** The period whose nominations are open at {@code instant} (read in {@link #zone()}). */
    public AwardPeriod periodAt(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        int index = (day.getMonthValue() - 1) / months;
        return periodStarting(LocalDate.of(day.getYear(), index * months + 1, 1));
    }

    /** The period before {@code period}: its voting may still be open. */
    public AwardPeriod previous(AwardPeriod period) {
        return periodStarting(period.start().minusMonths(months));
    }

    private AwardPeriod periodStarting(LocalDate start) {
        LocalDate end = start.plusMonths(months);
        return new AwardPeriod(start, end, end.plusDays(votingDays), zone);
    }
}
