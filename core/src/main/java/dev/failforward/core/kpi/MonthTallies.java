package dev.failforward.core.kpi;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every tally of one project and UTC month — count and sum per metric and dimension — in one value that a store keeps
 * as one row: a project's two years of KPIs are 24 rows, however many records it has and however many duration bins
 * its histogram uses. Text form ({@link #encode}, {@link #decode}): {@code code,dim,count,sum} entries joined by
 * {@code ;}, sorted, e.g. {@code exp_start,,3,3;inc_report,61,2,125}. Dimensions are enum names or bin numbers, so
 * they never hold {@code ,} or {@code ;}.
 */
public final class MonthTallies {

    private record Key(String code, String dim) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byCode = code.compareTo(other.code);
            return byCode != 0 ? byCode : dim.compareTo(other.dim);
        }
    }

    private final Map<Key, long[]> totals = new TreeMap<>();

    /** Adds {@code sign} times the event (sign -1 takes it away); a total that reaches zero disappears. */
    public void add(KpiEvent event, int sign) {
        add(event.metric().code(), event.dim(), sign, (long) sign * event.value());
    }

    /** Adds a count and sum under a metric and dimension (stores key edge tallies by minute: {@code "-125:BASIC"}). */
    public void add(Metric metric, String dim, long count, long sum) {
        requireSafe(dim);
        add(metric.code(), dim, count, sum);
    }

    private void add(String code, String dim, long count, long sum) {
        Key key = new Key(code, dim);
        long[] total = totals.computeIfAbsent(key, k -> new long[2]);
        total[0] += count;
        total[1] += sum;
        if (total[0] == 0 && total[1] == 0) {
            totals.remove(key);
        }
    }

    /** Adds every tally of {@code other}. */
    public void addAll(MonthTallies other) {
        other.totals.forEach((key, total) -> add(key.code(), key.dim(), total[0], total[1]));
    }

    public boolean isEmpty() {
        return totals.isEmpty();
    }

    /** Whether any total went below zero: the stored row and the stored events disagree. */
    public boolean hasNegative() {
        return totals.values().stream().anyMatch(t -> t[0] < 0 || t[1] < 0);
    }

    /** Each (metric, dimension, count, sum). */
    public void forEach(TallyConsumer consumer) {
        totals.forEach((key, total) -> consumer.accept(Metric.ofCode(key.code()), key.dim(), total[0], total[1]));
    }

    @FunctionalInterface
    public interface TallyConsumer {
        void accept(Metric metric, String dim, long count, long sum);
    }

    public String encode() {
        StringBuilder text = new StringBuilder();
        totals.forEach((key, total) -> {
            if (text.length() > 0) {
                text.append(';');
            }
            text.append(key.code()).append(',').append(key.dim()).append(',').append(total[0]).append(',')
                    .append(total[1]);
        });
        return text.toString();
    }

    public static MonthTallies decode(String text) {
        MonthTallies tallies = new MonthTallies();
        if (text == null || text.isEmpty()) {
            return tallies;
        }
        for (String entry : text.split(";")) {
            String[] fields = entry.split(",", -1);
            if (fields.length != 4) {
                throw new IllegalArgumentException("not a tally entry: " + entry);
            }
            tallies.add(fields[0], fields[1], Long.parseLong(fields[2]), Long.parseLong(fields[3]));
        }
        return tallies;
    }

    /** Reads only the entries of the given metric codes (what a store reads for the KPIs asked for). */
    public static void decode(String text, java.util.Set<String> codes, TallyConsumer consumer) {
        Objects.requireNonNull(consumer, "consumer");
        if (text == null || text.isEmpty()) {
            return;
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(';', start);
            if (end < 0) {
                end = text.length();
            }
            int c1 = text.indexOf(',', start);
            String code = text.substring(start, c1);
            if (codes.contains(code)) {
                int c2 = text.indexOf(',', c1 + 1);
                int c3 = text.indexOf(',', c2 + 1);
                consumer.accept(Metric.ofCode(code), text.substring(c1 + 1, c2),
                        Long.parseLong(text.substring(c2 + 1, c3)), Long.parseLong(text.substring(c3 + 1, end)));
            }
            start = end + 1;
        }
    }

    static void requireSafe(String dim) {
        if (dim.indexOf(',') >= 0 || dim.indexOf(';') >= 0) {
            throw new IllegalArgumentException("a dimension must not contain , or ;: " + dim);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MonthTallies that && encode().equals(that.encode());
    }

    @Override
    public int hashCode() {
        return encode().hashCode();
    }

    @Override
    public String toString() {
        return encode();
    }
}
