package dev.failforward.jira.showcase;

import dev.failforward.core.kpi.Granularity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The months a showcase covers, {@code first} to {@code last} inclusive, and how its KPI snapshot is cut: one point per
 * quarter when the period is made of whole calendar quarters ({@code 2026-Q3}, a year), else one per month. The
 * instants are cut in the zone of whoever asks, as the KPIs are.
 *
 * @param key the period as asked for: {@code 2026-Q3}, {@code 2026-09}, {@code 2026} or {@code 2026-07..2026-09}
 */
public record ShowcasePeriod(String key, YearMonth first, YearMonth last) {

    /** Two years of months: a longer showcase is refused as a typing error. */
    public static final int MAX_MONTHS = 24;

    public ShowcasePeriod {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first) || count(first, last) > MAX_MONTHS) {
            throw new IllegalArgumentException("not a showcase period: " + first + ".." + last);
        }
    }

    public static ShowcasePeriod quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter 1..4: " + quarter);
        }
        YearMonth first = YearMonth.of(year, (quarter - 1) * 3 + 1);
        return new ShowcasePeriod(year + "-Q" + quarter, first, first.plusMonths(2));
    }

    public static ShowcasePeriod month(YearMonth month) {
        return new ShowcasePeriod(month.toString(), month, month);
    }

    public static ShowcasePeriod year(int year) {
        return new ShowcasePeriod(String.valueOf(year), YearMonth.of(year, 1), YearMonth.of(year, 12));
    }

    public static ShowcasePeriod months(YearMonth first, YearMonth last) {
        return new ShowcasePeriod(first + ".." + last, first, last);
    }

    /** The calendar quarter holding the day. */
    public static ShowcasePeriod quarterOf(LocalDate day) {
        return quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public int months() {
        return count(first, last);
    }

    public Granularity kpiGranularity() {
        return first.getMonthValue() % 3 == 1 && months() % 3 == 0 ? Granularity.QUARTER : Granularity.MONTH;
    }

    public LocalDate firstDay() {
        return first.atDay(1);
    }

    /** The day after the period (exclusive end). */
    public LocalDate endDay() {
        return last.plusMonths(1).atDay(1);
    }

    public Instant start(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return endDay().atStartOfDay(zone).toInstant();
    }

    private static int count(YearMonth first, YearMonth last) {
        return (last.getYear() - first.getYear()) * 12 + last.getMonthValue() - first.getMonthValue() + 1;
    }
}
