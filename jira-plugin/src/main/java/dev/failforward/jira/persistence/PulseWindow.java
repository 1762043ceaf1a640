package dev.failforward.jira.persistence;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A pulse period as the pulse tables and the pulse's keys know it: its first day and the first day after it (UTC).
 * Stored as {@code YYYY-MM-DD} strings in {@link PulsePoolEntity}; named in the keys' names by {@link #suffix()}. It
 * lives here, beside the tables, so {@code persistence} needs nothing from the {@code pulse} package.
 */
public record PulseWindow(LocalDate start, LocalDate end) {

    public PulseWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a pulse period ends after it starts: " + start + " " + end);
        }
    }

    public static PulseWindow of(String start, String end) {
        return new PulseWindow(LocalDate.parse(start), LocalDate.parse(end));
    }

    public String suffix() {
        return start + "_" + end;
    }

    /** Whether the period has ended on {@code today} (UTC). */
    public boolean endedBy(LocalDate today) {
        return !end.isAfter(today);
    }
}
