package dev.failforward.core.kpi;

/**
 * {@code hits} out of {@code total}: recurring failures out of all failures, 24-hour-rule MET out of decided, pulse
 * answers of 4 or 5 out of all answers. What a database hands over for a share KPI, per period.
 */
public record Share(long hits, long total) {

    public static final Share NONE = new Share(0, 0);

    public Share {
        if (hits < 0 || total < 0 || hits > total) {
            throw new IllegalArgumentException("need 0 <= hits <= total: " + hits + " of " + total);
        }
    }

    Share plus(boolean hit) {
        return new Share(hits + (hit ? 1 : 0), total + 1);
    }
}
