package dev.failforward.jira.kpi;

import dev.failforward.core.kpi.Kpi;
import dev.failforward.core.kpi.Period;
import dev.failforward.core.kpi.Periods;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.FieldRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The JQL behind each KPI chart: the experiments or incidents of the projects whose event date (started, decided,
 * discovered, reported, resolved) falls in the charted range. JQL dates are read in the user's zone, as the periods
 * are. Fields are named by id ({@code cf[10001]}), which survives renames; action items and pulse answers are not
 * issues, so their KPIs have no search.
 */
@Named
public class KpiSearchLinks {

    private final FieldRegistry fields;

    @Inject
    public KpiSearchLinks(FieldRegistry fields) {
        this.fields = Objects.requireNonNull(fields, "fields");
    }

    /** The JQL, or {@code null} when the KPI has no issue search. */
    public String jql(Kpi kpi, Collection<String> projects, Periods periods) {
        FailForwardField field = switch (kpi) {
            case EXPERIMENTS_STARTED -> FailForwardField.STARTED_AT;
            case HYPOTHESES_TESTED -> FailForwardField.DECIDED_AT;
            case REPORTING_TIME_MEDIAN, REPORTING_TIME_P90 -> FailForwardField.REPORTED_AT;
            case TIME_TO_RESOLVE -> FailForwardField.RESOLVED_AT;
            case RECURRENCE_RATE, TWENTY_FOUR_HOUR_COMPLIANCE, TIME_TO_INSIGHT, FAILURE_TYPE_MIX,
                 FAILURE_CATEGORY_MIX -> FailForwardField.DISCOVERED_AT;
            default -> null;
        };
        if (field == null || projects.isEmpty() || periods.size() == 0) {
            return null;
        }
        String type = field == FailForwardField.STARTED_AT || field == FailForwardField.DECIDED_AT
                ? "Experiment" : "Incident";
        String ref = fields.field(field).map(cf -> "cf[" + cf.getIdAsLong() + "]").orElse(null);
        if (ref == null) {
            return null;
        }
        List<Period> all = periods.all();
        String from = all.get(0).firstDay().toString();
        String to = all.get(all.size() - 1).end().toLocalDate().toString();
        String projectList = projects.stream().map(KpiSearchLinks::quoted).collect(Collectors.joining(", "));
        return "project in (" + projectList + ") AND issuetype = " + type + " AND " + ref + " >= \"" + from
                + "\" AND " + ref + " < \"" + to + "\" ORDER BY " + ref + " DESC";
    }

    private static String quoted(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
