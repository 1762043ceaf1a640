package dev.failforward.core.kpi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every period from the one holding {@code from} to the one holding {@code to}, both included, in order; empty
 * periods are never skipped. A period whose end is after {@code now} is partial.
 */
public final class Periods {

    /** At most 100 years of months: a guard against a range typed wrong. */
    public static final int MAX_PERIODS = 1200;

    private final List<Period> all;

    private Periods(List<Period> all) {
        this.all = List.copyOf(all);
    }

    public static Periods between(Instant from, Instant to, Granularity granularity, ZoneId zone, Instant now) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from: " + from + " .. " + to);
        }
        Period first = Period.containing(from, granularity, zone);
        Period period = new Period(first.firstDay(), granularity, zone, first.endInstant().isAfter(now));
        Period last = Period.containing(to, granularity, zone);
        List<Period> periods = new ArrayList<>();
        while (!period.firstDay().isAfter(last.firstDay())) {
            if (periods.size() == MAX_PERIODS) {
                throw new IllegalArgumentException("more than " + MAX_PERIODS + " periods: " + from + " .. " + to);
            }
            periods.add(period);
            period = period.next(now);
        }
        return new Periods(periods);
    }

    public List<Period> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    /** The period holding {@code instant}, or {@code null} when it lies outside the range (or is null). */
    public Period periodOf(Instant instant) {
        if (instant == null || all.isEmpty() || instant.isBefore(all.get(0).startInstant())) {
            return null;
        }
        for (Period period : all) {
            if (period.contains(instant)) {
                return period;
            }
        }
        return null;
    }
}
