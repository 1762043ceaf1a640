package dev.failforward.core.kpi;

import dev.failforward.core.lifecycle.FieldKeys;
import dev.failforward.core.record.RecordKind;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalogue of culture KPIs: the one place that says which KPIs exist, in which order they are listed, and what
 * each consumer needs to know about them: the stable key (REST, storage, dashboard preferences), the i18n keys of name
 * and description, the unit, the healthy direction, whether a new dashboard item shows it, and which issues and date
 * field its "open in issue search" link searches.
 *
 * <p>Other lists of KPIs are checked against this one, because they cannot be generated from it: the dashboard item's
 * list in {@code js/kpi/kpi-dashboard-item.js} (Jira's jsI18n transformer only replaces literal keys), the enums of
 * {@code openapi/failforward-openapi.json} and the messages of the i18n bundle ({@code KpiCatalogueTest} in the Jira
 * plugin, {@code KpiI18nTest} here). The Jira plugin's issue-search links read {@link #issueSearch()}.
 */
public enum Kpi {
    // experiments
    EXPERIMENTS_STARTED(Direction.UP, Unit.COUNT, true, RecordKind.EXPERIMENT, FieldKeys.STARTED_AT),
    HYPOTHESES_TESTED(Direction.UP, Unit.COUNT, false, RecordKind.EXPERIMENT, FieldKeys.DECIDED_AT),
    // incidents: how fast, how often again
    REPORTING_TIME_MEDIAN(Direction.DOWN, Unit.HOURS, true, RecordKind.INCIDENT, FieldKeys.REPORTED_AT),
    REPORTING_TIME_P90(Direction.DOWN, Unit.HOURS, true, RecordKind.INCIDENT, FieldKeys.REPORTED_AT),
    TIME_TO_RESOLVE(Direction.DOWN, Unit.HOURS, false, RecordKind.INCIDENT, FieldKeys.RESOLVED_AT),
    TIME_TO_INSIGHT(Direction.DOWN, Unit.HOURS, false, RecordKind.INCIDENT, FieldKeys.DISCOVERED_AT),
    TWENTY_FOUR_HOUR_COMPLIANCE(Direction.UP, Unit.SHARE, false, RecordKind.INCIDENT, FieldKeys.DISCOVERED_AT),
    RECURRENCE_RATE(Direction.DOWN, Unit.SHARE, true, RecordKind.INCIDENT, FieldKeys.DISCOVERED_AT),
    // the pulse's answers are anonymous and action items are not issues: no issue search
    SHARING_SCORE(Direction.UP, Unit.SHARE, true, null, null),
    ACTIONS_OPENED(Direction.NEUTRAL, Unit.COUNT, false, null, null),
    ACTIONS_CLOSED(Direction.UP, Unit.COUNT, false, null, null),
    ACTIONS_VERIFIED_EFFECTIVE(Direction.UP, Unit.COUNT, false, null, null),
    // the rhythms: follow-ups studied on time, huddles, the award, learnings used again
    FOLLOW_UPS_EFFECTIVE_ON_TIME(Direction.UP, Unit.SHARE, false, null, null),
    HUDDLES_HELD(Direction.UP, Unit.COUNT, false, null, null),
    AWARD_NOMINATIONS(Direction.UP, Unit.COUNT, false, null, null),
    AWARD_VOTERS(Direction.UP, Unit.COUNT, false, null, null),
    TEAM_LEARNING_INDEX(Direction.UP, Unit.RATIO, false, null, null),
    // the mixes: one series per failure type / category
    FAILURE_TYPE_MIX(Direction.NEUTRAL, Unit.COUNT, false, RecordKind.INCIDENT, FieldKeys.DISCOVERED_AT),
    FAILURE_CATEGORY_MIX(Direction.NEUTRAL, Unit.COUNT, false, RecordKind.INCIDENT, FieldKeys.DISCOVERED_AT);

    /**
     * The issues behind a KPI's chart: experiments or incidents whose {@code dateField} (a {@link FieldKeys} date)
     * falls in the charted periods.
     */
    public record IssueSearch(RecordKind kind, String dateField) {
        public IssueSearch {
            Objects.requireNonNull(kind, "kind");
            if (!FieldKeys.isKnown(dateField)) {
                throw new IllegalArgumentException("not a field key: " + dateField);
            }
        }
    }

    private final Direction direction;
    private final Unit unit;
    private final boolean shownByDefault;
    private final IssueSearch issueSearch;

    Kpi(Direction direction, Unit unit, boolean shownByDefault, RecordKind searchKind, String searchDateField) {
        this.direction = direction;
        this.unit = unit;
        this.shownByDefault = shownByDefault;
        this.issueSearch = searchKind == null ? null : new IssueSearch(searchKind, searchDateField);
    }

    public Direction direction() {
        return direction;
    }

    public Unit unit() {
        return unit;
    }

    /** Whether a dashboard item that nobody configured yet shows this KPI ({@code DEFAULT_KPIS} of the item's script). */
    public boolean shownByDefault() {
        return shownByDefault;
    }

    /** The issue search behind the chart; empty when the KPI does not count issues (pulse answers, action items). */
    public Optional<IssueSearch> issueSearch() {
        return Optional.ofNullable(issueSearch);
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

    /** The KPI with this {@link #key()}; empty when there is none. */
    public static Optional<Kpi> ofKey(String key) {
        for (Kpi kpi : values()) {
            if (kpi.key().equals(key)) {
                return Optional.of(kpi);
            }
        }
        return Optional.empty();
    }
}
