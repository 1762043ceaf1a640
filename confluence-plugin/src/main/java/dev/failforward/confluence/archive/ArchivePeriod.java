package dev.failforward.confluence.archive;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * The time window of the learnings archive: learnings created on or after the period's first day, up to now. Days are
 * whole UTC days, as Jira's {@code from} and {@code to} are; each period counts today as its last day:
 * <ul>
 *   <li>{@code all}: no limit;</li>
 *   <li>{@code 30d}, {@code 90d}: today and the 29 (89) days before it;</li>
 *   <li>{@code 12m}: the day after the same day twelve months ago (on 2026-05-06: from 2025-05-07);</li>
 *   <li>{@code this-year}: from 1 January of this year.</li>
 * </ul>
 * Why on the server: the browser's day is local, Jira's is UTC; computing both on one clock in UTC cannot be a day off.
 */
public enum ArchivePeriod {
    ALL("all"),
    LAST_30_DAYS("30d"),
    LAST_90_DAYS("90d"),
    LAST_12_MONTHS("12m"),
    THIS_YEAR("this-year");

    public static final ArchivePeriod DEFAULT = ALL;

    private final String id;

    ArchivePeriod(String id) {
        this.id = id;
    }

    /** The parameter value: {@code all}, {@code 30d}, {@code 90d}, {@code 12m} or {@code this-year}. */
    public String id() {
        return id;
    }

    /** The period with this id (case-insensitive, surrounding blanks ignored). */
    public static Optional<ArchivePeriod> fromId(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String wanted = raw.strip().toLowerCase(Locale.ROOT);
        for (ArchivePeriod period : values()) {
            if (period.id.equals(wanted)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }

    /** The first day of the period (inclusive) when today is {@code today}; empty for {@link #ALL}. */
    public Optional<LocalDate> firstDay(LocalDate today) {
        return switch (this) {
            case ALL -> Optional.empty();
            case LAST_30_DAYS -> Optional.of(today.minusDays(29));
            case LAST_90_DAYS -> Optional.of(today.minusDays(89));
            case LAST_12_MONTHS -> Optional.of(today.minusMonths(12).plusDays(1));
            case THIS_YEAR -> Optional.of(today.withDayOfYear(1));
        };
    }

    /** Today in UTC on {@code clock}: the day Jira's date filters count in. */
    public static LocalDate todayUtc(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
