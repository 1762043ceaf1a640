package dev.failforward.core.kpi;

/**
 * What one {@link KpiEvent} records, with a short stable code for storage (the roll-up tables key by it, so codes never
 * change). Each KPI reads one or two metrics:
 * <ul>
 * <li>{@link #EXPERIMENT_STARTED} / {@link #HYPOTHESIS_TESTED}: one event per experiment at its start / decision;</li>
 * <li>{@link #INCIDENT_DISCOVERED}: one per incident at discovery, value 1 when it repeats an earlier failure
 * (recurrence rate = sum / count);</li>
 * <li>{@link #TWENTY_FOUR_HOUR_RULE}: one per incident at discovery, value 1 when the rule was met (the rule is decided
 * once the deadline passed; see {@link KpiEvents});</li>
 * <li>{@link #FAILURE_TYPE} / {@link #FAILURE_CATEGORY}: one per classified incident at discovery, the type or category
 * as dimension;</li>
 * <li>{@link #REPORTED}: discovery to report, value in minutes, its {@link DurationBins} bin as dimension (so stored
 * aggregates keep a histogram for the median and the 90th percentile);</li>
 * <li>{@link #RESOLVED} / {@link #FIRST_LEARNING}: discovery to resolution / to the first learning, value in minutes
 * (their KPIs are means: sum / count);</li>
 * <li>{@link #ACTION_OPENED} / {@link #ACTION_CLOSED} / {@link #ACTION_EFFECTIVE}: one per action item when it was
 * opened, closed and verified effective.</li>
 * <li>{@link #ACTION_CHECK_IN}: one per action item with an effectiveness check-in date, at that date, value 1 when it
 * was verified effective by the end of that day (share = sum / count; a check-in whose day is not over and that is not
 * verified yet is undecided and left out, like the 24-hour rule).</li>
 * <li>{@link #LEARNINGS_REUSED}: one per failure (incident at discovery, experiment at its decision), value = how many
 * of its learnings were reused later (team learning index = sum / count).</li>
 * </ul>
 */
public enum Metric {
    EXPERIMENT_STARTED("exp_start"),
    HYPOTHESIS_TESTED("exp_decide"),
    INCIDENT_DISCOVERED("inc_disc"),
    TWENTY_FOUR_HOUR_RULE("inc_24h"),
    FAILURE_TYPE("inc_type"),
    FAILURE_CATEGORY("inc_cat"),
    REPORTED("inc_report"),
    RESOLVED("inc_resolve"),
    FIRST_LEARNING("inc_insight"),
    ACTION_OPENED("act_open"),
    ACTION_CLOSED("act_close"),
    ACTION_EFFECTIVE("act_effective"),
    ACTION_CHECK_IN("act_checkin"),
    LEARNINGS_REUSED("rec_reused");

    private final String code;

    Metric(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The metric with this storage code. */
    public static Metric ofCode(String code) {
        for (Metric metric : values()) {
            if (metric.code.equals(code)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("no metric with code " + code);
    }
}
