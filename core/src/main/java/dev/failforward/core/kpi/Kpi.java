package dev.failforward.core.kpi;

import java.util.Locale;

/** The culture KPIs, each with a stable key, a healthy direction, a unit and i18n keys for name and description. */
public enum Kpi {
    EXPERIMENTS_STARTED(Direction.UP, Unit.COUNT),
    REPORTING_TIME_MEDIAN(Direction.DOWN, Unit.HOURS),
    REPORTING_TIME_P90(Direction.DOWN, Unit.HOURS),
    RECURRENCE_RATE(Direction.DOWN, Unit.SHARE),
    SHARING_SCORE(Direction.UP, Unit.SHARE),
    TIME_TO_RESOLVE(Direction.DOWN, Unit.HOURS),
    TIME_TO_INSIGHT(Direction.DOWN, Unit.HOURS),
    TWENTY_FOUR_HOUR_COMPLIANCE(Direction.UP, Unit.SHARE),
    ACTIONS_OPENED(Direction.NEUTRAL, Unit.COUNT),
    ACTIONS_CLOSED(Direction.UP, Unit.COUNT),
    ACTIONS_VERIFIED_EFFECTIVE(Direction.UP, Unit.COUNT),
    HYPOTHESES_TESTED(Direction.UP, Unit.COUNT),
    FAILURE_TYPE_MIX(Direction.NEUTRAL, Unit.COUNT),
    FAILURE_CATEGORY_MIX(Direction.NEUTRAL, Unit.COUNT);

    private final Direction direction;
    private final Unit unit;

    Kpi(Direction direction, Unit unit) {
        this.direction = direction;
        this.unit = unit;
    }

    public Direction direction() {
        return direction;
    }

    public Unit unit() {
        return unit;
    }

    /** Stable key, e.g. {@code reporting_time_p90}; safe for URLs, storage and i18n. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String i18nKey() {
        return "failforward.kpi." + key() + ".name";
    }

    public String descriptionKey() {
        return "failforward.kpi." + key() + ".description";
    }
}
