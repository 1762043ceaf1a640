package dev.failforward.core.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One month or quarter in the user's time zone: from {@link #start()} (inclusive, local midnight of the first day) to
 * {@link #end()} (exclusive, local midnight of the first day of the next period). {@code partial} marks a period that
 * has not ended at the time the periods were cut (the current one, or one in the future).
 */
public record Period(LocalDate firstDay, Granularity granularity, ZoneId zone, boolean partial) {

    public Period {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(zone, "zone");
        if (firstDay.getDayOfMonth() != 1 || (firstDay.getMonthValue() - 1) % granularity.months() != 0) {
            throw new IllegalArgumentException("firstDay must open a " + granularity + ": " + firstDay);
        }
    }

    /** The period of {@code granularity} holding {@code instant} in {@code zone}, not partial. */
    public static Period containing(Instant instant, Granularity granularity, ZoneId zone) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        int firstMonth = (date.getMonthValue() - 1) / granularity.months() * granularity.months() + 1;
        return new Period(LocalDate.of(date.getYear(), firstMonth, 1), granularity, zone, false);
    }

    public ZonedDateTime start() {
        return firstDay.atStartOfDay(zone);
    }

    public ZonedDateTime end() {
        return firstDay.plusMonths(granularity.months()).atStartOfDay(zone);
    }

    public Instant startInstant() {
        return start().toInstant();
    }

    public Instant endInstant() {
        return end().toInstant();
    }

    /** Whether {@code instant} falls in {@code [start, end)}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(startInstant()) && instant.isBefore(endInstant());
    }

    /** "2026-03" for a month, "2026-Q1" for a quarter. */
    public String label() {
        return granularity == Granularity.MONTH
                ? String.format("%04d-%02d", firstDay.getYear(), firstDay.getMonthValue())
                : firstDay.getYear() + "-Q" + ((firstDay.getMonthValue() - 1) / 3 + 1);
    }

    Period next(Instant now) {
        LocalDate day = firstDay.plusMonths(granularity.months());
        boolean open = day.plusMonths(granularity.months()).atStartOfDay(zone).toInstant().isAfter(now);
        return new Period(day, granularity, zone, open);
    }

    @Override
    public String toString() {
        return label() + (partial ? " (partial)" : "");
    }
}
