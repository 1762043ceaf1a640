package dev.failforward.core.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to read one local {@link Period} from aggregates kept per <em>UTC</em> calendar month: the UTC months with the
 * same calendar dates ({@link #firstMonth()} to {@link #lastMonth()}, as {@code yyyymm}), corrected by up to two
 * {@link Window}s of individual events, because local midnight is not UTC midnight. For a zone east of UTC the period
 * starts before its UTC months (add the events from the local start to the UTC start) and ends before them (subtract
 * the events from the local end to the UTC end); west of UTC the other way round. Each window is shorter than a day
 * (the zone's offset), and there are none for UTC. Exact for every zone: nothing is rounded to hours.
 */
public record MonthSlices(int firstMonth, int lastMonth, List<Window> windows) {

    /** Events in {@code [from, to)} are added ({@code sign} +1) to or removed (-1) from the UTC months' totals. */
    public record Window(Instant from, Instant to, int sign) {

        public Window {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to) || (sign != 1 && sign != -1)) {
                throw new IllegalArgumentException("need from < to and sign +-1: " + from + " " + to + " " + sign);
            }
        }
    }

    public MonthSlices {
        windows = List.copyOf(windows);
    }

    public static MonthSlices of(Period period) {
        LocalDate first = period.firstDay();
        LocalDate next = first.plusMonths(period.granularity().months());
        Instant utcStart = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant utcEnd = next.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant start = period.startInstant();
        Instant end = period.endInstant();
        List<Window> windows = new ArrayList<>(2);
        if (start.isBefore(utcStart)) {
            windows.add(new Window(start, utcStart, 1));
        } else if (start.isAfter(utcStart)) {
            windows.add(new Window(utcStart, start, -1));
        }
        if (end.isBefore(utcEnd)) {
            windows.add(new Window(end, utcEnd, -1));
        } else if (end.isAfter(utcEnd)) {
            windows.add(new Window(utcEnd, end, 1));
        }
        return new MonthSlices(month(first), month(next.minusMonths(1)), windows);
    }

    /** {@code yyyymm} of the UTC calendar month holding {@code instant}: the key aggregates are stored under. */
    public static int utcMonth(Instant instant) {
        return month(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** How far east of UTC a zone can be: a local month may start up to this long before its UTC month. */
    static final java.time.Duration MAX_EAST = java.time.Duration.ofHours(14);
    /** How far west of UTC a zone can be: a local month may start up to this long after its UTC month. */
    static final java.time.Duration MAX_WEST = java.time.Duration.ofHours(12);

    /**
     * The UTC month ({@code yyyymm}) whose start lies close enough to {@code instant} that a window of some zone may
     * hold it — 14 hours before to 12 hours after the start — or {@code null} for an instant no window ever reads.
     * Stores keep it with each event, so one indexed query per project finds every event any window needs.
     */
    public static Integer edgeMonth(Instant instant) {
        LocalDate first = instant.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant next = first.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (instant.isBefore(start.plus(MAX_WEST))) {
            return month(first);
        }
        if (!instant.isBefore(next.minus(MAX_EAST))) {
            return month(first.plusMonths(1));
        }
        return null;
    }

    /** How many hours an edge spans (14 before a month start to 12 after it): the hour slices stores keep apart. */
    public static final int EDGE_HOURS = (int) (MAX_EAST.toHours() + MAX_WEST.toHours());

    /**
     * The hour slice (0 to {@value #EDGE_HOURS} - 1) of an edge that holds the minute {@code minuteFromBoundary}
     * (negative before the month start). A store that keeps each slice apart reads only the slices a zone's windows
     * touch: for Berlin one or two of the 26, instead of every minute of the edge.
     */
    public static int edgeHour(long minuteFromBoundary) {
        long hour = Math.floorDiv(minuteFromBoundary + MAX_EAST.toMinutes(), 60);
        if (hour < 0 || hour >= EDGE_HOURS) {
            throw new IllegalArgumentException("minute " + minuteFromBoundary + " is outside every edge");
        }
        return (int) hour;
    }

    /**
     * The hour slices ({@link #edgeHour}) whose minutes a window next to the month start {@code boundary} may hold,
     * in ascending order.
     */
    public static List<Integer> edgeHours(Window window, Instant boundary) {
        long first = Math.floorDiv(window.from().getEpochSecond() - boundary.getEpochSecond(), 60);
        long last = Math.floorDiv(window.to().getEpochSecond() - boundary.getEpochSecond() - 1, 60);
        List<Integer> hours = new ArrayList<>();
        for (int hour = edgeHour(Math.max(first, -MAX_EAST.toMinutes())); hour <= edgeHour(Math.min(last,
                MAX_WEST.toMinutes() - 1)); hour++) {
            hours.add(hour);
        }
        return hours;
    }

    /**
     * The month start ({@code yyyymm}) a window lies next to: every window runs from a local period boundary to the
     * UTC month start of the same date, or back.
     */
    public static int boundaryOf(Window window) {
        Instant to = window.to();
        java.time.ZonedDateTime utc = to.atZone(ZoneOffset.UTC);
        if (utc.getDayOfMonth() == 1 && utc.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return month(utc.toLocalDate());
        }
        return month(window.from().atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** The instant a boundary month ({@code yyyymm}) starts, 00:00 UTC on its first day. */
    public static Instant boundaryInstant(int yyyymm) {
        return LocalDate.of(yyyymm / 100, yyyymm % 100, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** {@code yyyymm} of the UTC month whose start is this period's boundary with the one before it. */
    public int startBoundary() {
        return firstMonth;
    }

    /** {@code yyyymm} of the UTC month whose start is this period's boundary with the next one. */
    public int endBoundary() {
        int year = lastMonth / 100;
        int month = lastMonth % 100;
        return month == 12 ? (year + 1) * 100 + 1 : lastMonth + 1;
    }

    static int month(LocalDate date) {
        return date.getYear() * 100 + date.getMonthValue();
    }

    public boolean holdsMonth(int yyyymm) {
        return yyyymm >= firstMonth && yyyymm <= lastMonth;
    }
}
