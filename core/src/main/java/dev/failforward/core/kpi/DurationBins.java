package dev.failforward.core.kpi;

/**
 * Histogram bins for durations in whole minutes, so stored aggregates can answer a median or a 90th percentile without
 * keeping every sample. Bins are exact below an hour and widen with the duration; each is represented by its middle:
 * <table>
 * <caption>bin widths</caption>
 * <tr><th>duration</th><th>bin width</th><th>largest error of a percentile</th></tr>
 * <tr><td>under 1 h</td><td>1 min</td><td>none (whole minutes)</td></tr>
 * <tr><td>1 h – 6 h</td><td>5 min</td><td>2.5 min</td></tr>
 * <tr><td>6 h – 48 h</td><td>30 min</td><td>15 min</td></tr>
 * <tr><td>2 – 30 days</td><td>6 h</td><td>3 h</td></tr>
 * <tr><td>30 days and more</td><td>1 day</td><td>12 h (capped at 10 years)</td></tr>
 * </table>
 * At the KPI's display precision (hours, one decimal) durations under six hours come out exact.
 */
public final class DurationBins {

    private static final long[] FROM = {0, 60, 360, 2_880, 43_200};
    private static final long[] WIDTH = {1, 5, 30, 360, 1_440};
    private static final int[] FIRST_BIN = new int[FROM.length];
    /** Ten years in minutes: anything longer falls into the last bin. */
    static final long MAX_MINUTES = 10L * 366 * 1_440;

    static {
        int bin = 0;
        for (int tier = 0; tier < FROM.length; tier++) {
            FIRST_BIN[tier] = bin;
            if (tier + 1 < FROM.length) {
                bin += (int) ((FROM[tier + 1] - FROM[tier]) / WIDTH[tier]);
            }
        }
    }

    private DurationBins() {
    }

    /** The bin of a duration of {@code minutes} (negative counts as zero). */
    public static int bin(long minutes) {
        long m = Math.min(Math.max(minutes, 0), MAX_MINUTES);
        int tier = FROM.length - 1;
        while (m < FROM[tier]) {
            tier--;
        }
        return FIRST_BIN[tier] + (int) ((m - FROM[tier]) / WIDTH[tier]);
    }

    /** The minutes that stand for every duration in {@code bin}: its lower bound plus half its width. */
    public static double representativeMinutes(int bin) {
        if (bin < 0 || bin > bin(MAX_MINUTES)) {
            throw new IllegalArgumentException("no such bin: " + bin);
        }
        int tier = FROM.length - 1;
        while (bin < FIRST_BIN[tier]) {
            tier--;
        }
        double lower = FROM[tier] + (bin - FIRST_BIN[tier]) * (double) WIDTH[tier];
        return WIDTH[tier] == 1 ? lower : lower + WIDTH[tier] / 2.0;
    }
}
