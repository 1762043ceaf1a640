package dev.failforward.jira.kpi;

import dev.failforward.core.kpi.Kpi;
import dev.failforward.core.kpi.Period;
import dev.failforward.core.kpi.Periods;
import dev.failforward.core.record.RecordKind;
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
 * are. Which issues and which date field each KPI searches is the catalogue's ({@link Kpi#issueSearch()}); action
 * items and pulse answers are not issues, so their KPIs have no search. Fields are named by id ({@code cf[10001]}),
 * which survives renames.
 */
@Named
public class KpiSearchLinks {

    private final FieldRegistry fields;

    @Inject
    public KpiSearchLinks(FieldRegistry fields) {
        this.fields = Objects.requireNonNull(fields, "fields");
    }

    /** The JQL, or {@code null} when the KPI has no issue search ({@link Kpi#issueSearch()}). */
    public String jql(Kpi kpi, Collection<String> projects, Periods periods) {
        Kpi.IssueSearch search = kpi.issueSearch().orElse(null);
        if (search == null || projects.isEmpty() || periods.size() == 0) {
            return null;
        }
        FailForwardField field = FailForwardField.byKey(search.dateField()).orElseThrow(
                () -> new IllegalStateException(kpi + " searches " + search.dateField() + ", which is not a Jira field"));
        String type = issueType(search.kind());
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

    /** The name of the issue type Fail Forward's setup creates for records of this kind. */
    static String issueType(RecordKind kind) {
        return kind == RecordKind.EXPERIMENT ? "Experiment" : "Incident";
    }

    private static String quoted(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
