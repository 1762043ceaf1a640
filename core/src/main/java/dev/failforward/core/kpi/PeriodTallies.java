package dev.failforward.core.kpi;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Per-period totals of each metric and dimension, collected from stored monthly aggregates and the events of the
 * {@link MonthSlices.Window}s ({@link #add}, {@link #addEvent}). Intermediate sums may dip below zero while the windows
 * are applied; reading a total that ends up negative means the stored aggregates and events disagree, and fails.
 */
public final class PeriodTallies {

    private final Periods periods;
    private final List<MonthSlices> slices;
    /** Per period, metric and dimension: {count, sum}. */
    private final Map<Period, Map<Metric, Map<String, long[]>>> totals = new HashMap<>();
    /**
     * {@link #byDim} as read since the last change: the engine asks for the same metric of the same period several
     * times (series, totals, percentiles), and a large roll-up has hundreds of dimensions per metric.
     */
    private final Map<Period, Map<Metric, Map<String, Tally>>> readByDim = new HashMap<>();
    /** Which period reads a UTC month ({@code yyyymm}) from the monthly aggregates. */
    private final Map<Integer, Period> periodOfMonth = new HashMap<>();

    public PeriodTallies(Periods periods) {
        this.periods = Objects.requireNonNull(periods, "periods");
        this.slices = periods.all().stream().map(MonthSlices::of).toList();
        for (int i = 0; i < slices.size(); i++) {
            MonthSlices slice = slices.get(i);
            for (int month = slice.firstMonth(); month <= slice.lastMonth();
                 month = month % 100 == 12 ? month + 89 : month + 1) {
                periodOfMonth.put(month, periods.all().get(i));
            }
        }
    }

    public Periods periods() {
        return periods;
    }

    /** The slices of each period, in the order of {@link Periods#all()}. */
    public List<MonthSlices> slices() {
        return slices;
    }

    /** The first and last UTC month ({@code yyyymm}) any period reads from monthly aggregates. */
    public int firstMonth() {
        return slices.isEmpty() ? 0 : slices.get(0).firstMonth();
    }

    public int lastMonth() {
        return slices.isEmpty() ? 0 : slices.get(slices.size() - 1).lastMonth();
    }

    /** Adds a monthly aggregate to the period whose UTC months hold {@code yyyymm}; ignored outside the range. */
    public void addMonth(int yyyymm, Metric metric, String dim, long count, long sum) {
        Period period = periodOfMonth.get(yyyymm);
        if (period != null) {
            add(period, metric, dim, count, sum);
        }
    }

    /** Adds ({@code sign} 1) or removes (-1) one event of a window to or from {@code period}. */
    public void addEvent(Period period, KpiEvent event, int sign) {
        add(period, event.metric(), event.dim(), sign, sign * event.value());
    }

    public void add(Period period, Metric metric, String dim, long count, long sum) {
        Objects.requireNonNull(period, "period");
        long[] total = totals.computeIfAbsent(period, p -> new java.util.EnumMap<>(Metric.class))
                .computeIfAbsent(metric, m -> new HashMap<>()).computeIfAbsent(dim, d -> new long[2]);
        total[0] += count;
        total[1] += sum;
        if (!readByDim.isEmpty()) {
            readByDim.clear();
        }
    }

    /** Adds every total of {@code other}, which must cover the same periods. */
    public void addAll(PeriodTallies other) {
        if (!other.periods.all().equals(periods.all())) {
            throw new IllegalArgumentException("tallies of other periods cannot be added");
        }
        other.totals.forEach((period, metrics) -> metrics.forEach((metric, dims) -> dims.forEach((dim, total) ->
                add(period, metric, dim, total[0], total[1]))));
    }

    /** The total of a metric over all its dimensions in {@code period}. */
    public Tally total(Period period, Metric metric) {
        Tally sum = Tally.NONE;
        for (Tally tally : byDim(period, metric).values()) {
            sum = sum.plus(tally);
        }
        return sum;
    }

    /** The totals of a metric per dimension in {@code period}, sorted by dimension; empty dimensions left out. */
    public Map<String, Tally> byDim(Period period, Metric metric) {
        return readByDim.computeIfAbsent(period, p -> new java.util.EnumMap<>(Metric.class))
                .computeIfAbsent(metric, m -> collectByDim(period, metric));
    }

    private Map<String, Tally> collectByDim(Period period, Metric metric) {
        Map<String, Tally> byDim = new TreeMap<>();
        totals.getOrDefault(period, Map.of()).getOrDefault(metric, Map.of()).forEach((dim, total) -> {
            if (total[0] != 0 || total[1] != 0) {
                if (total[0] < 0 || total[1] < 0) {
                    throw new IllegalStateException("negative total for " + metric.code() + "/" + dim + " in "
                            + period + ": the stored aggregates disagree with the stored events");
                }
                byDim.put(dim, new Tally(total[0], total[1]));
            }
        });
        return Collections.unmodifiableMap(byDim);
    }
}
