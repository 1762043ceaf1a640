package dev.failforward.preview;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.text.Html;
import dev.failforward.jira.fields.FailForwardField;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the failure record page ({@code record.vm}) and a record's issue view ({@code record-issue.vm}) both show of a
 * record, as template values (text escaped, names ending in {@code Html}): its fields, labels and lineage
 * ({@code _record-fields.vm}), its learnings ({@code _learnings-list.vm}) and its action items ({@code _action-row.vm}).
 */
final class RecordModel {

    /**
     * Dates and times as the preview's pages show them: the plugin's own {@code UserDates} over Jira's default formats
     * in the user's time zone, as the issue-view panels show them in Jira (never an ISO string).
     */
    private final dev.failforward.jira.panels.UserDates dates;
    private final I18nResolver i18n;

    RecordModel(I18nResolver i18n, ZoneId zone) {
        this.i18n = i18n;
        this.dates = IssueFormInput.userDates(zone);
    }

    /** The header values: key, kind, summary, status, version. */
    void header(FailureRecord record, Map<String, Object> model) {
        model.put("keyHtml", Html.escape(record.issueKey()));
        model.put("kind", record.kind().name().toLowerCase(Locale.ROOT));
        model.put("summaryHtml", Html.escape(record.summary()));
        model.put("statusHtml", Html.escape(record.status()));
        model.put("statusCategory", dev.failforward.jira.setup.StatusCategories.of(record.status()));
        model.put("versionHtml", Html.escape(Long.toString(record.version())));
    }

    /**
     * The values {@code _record-fields.vm} shows: {@code fields}, {@code labels}, {@code pivotedFromHtml},
     * {@code recurrences}, and {@code lineageBase}, where the "pivoted from" and "recurrence of" links point
     * ({@code /jira/records/} or {@code /jira/issues/}).
     */
    void fields(FailureRecord record, String lineageBase, Map<String, Object> model) {
        model.put("fields", fieldRows(record));
        model.put("labels", record.labels().stream().map(Html::escape).toList());
        model.put("pivotedFromHtml", record.pivotedFrom() == null ? "" : Html.escape(record.pivotedFrom()));
        model.put("recurrences", record.recurrenceOf().stream().map(k -> Map.of("keyHtml", Html.escape(k))).toList());
        model.put("lineageBase", lineageBase);
    }

    /** {@code _learnings-list.vm}'s rows. */
    List<Map<String, Object>> learnings(List<Learning> learnings) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Learning learning : learnings) {
            rows.add(Map.of("id", learning.id(), "textHtml", Html.escape(learning.text()),
                    "kindHtml", Html.escape(i18n.getText(learning.kind().i18nKey())),
                    "authorHtml", Html.escape(learning.authorKey()),
                    "createdHtml", Html.escape(dates.dateTime(learning.createdAt()))));
        }
        return rows;
    }

    /** {@code _action-row.vm}'s values of one action item (the record page adds its check-in form's). */
    Map<String, Object> action(ActionItem action) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", action.id());
        a.put("descriptionHtml", Html.escape(action.description()));
        a.put("ownerHtml", Html.escape(action.ownerKey()));
        a.put("dueHtml", Html.escape(dates.date(action.dueDate())));
        a.put("typeHtml", Html.escape(i18n.getText(action.type().i18nKey())));
        a.put("statusHtml", Html.escape(i18n.getText(action.status().i18nKey())));
        a.put("checkInDateHtml", action.checkInDate() == null ? "" : Html.escape(dates.date(action.checkInDate())));
        a.put("resultHtml", action.checkInResult() == null ? "" : Html.escape(i18n.getText(action.checkInResult().i18nKey())));
        a.put("result", action.checkInResult() == null ? "" : action.checkInResult().name().toLowerCase(Locale.ROOT));
        a.put("noteHtml", action.checkInNote() == null ? "" : Html.escape(action.checkInNote()));
        a.put("followUpHtml", action.followUpKey() == null ? "" : Html.escape(action.followUpKey()));
        return a;
    }

    /** The record's fields as label / value rows: the ones of its kind, then the common ones. */
    private List<Map<String, Object>> fieldRows(FailureRecord r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        row(rows, "kind", "Type", typeName(r.kind()));
        row(rows, "status", "Status", r.status());
        if (r.kind() == RecordKind.EXPERIMENT) {
            row(rows, "phase", "Phase", option(FailForwardField.PHASE, r.phase()));
            row(rows, "hypothesis", "Hypothesis", r.hypothesis());
            row(rows, "hypothesisCondition", "If", r.hypothesisCondition());
            row(rows, "hypothesisOutcome", "Then", r.hypothesisOutcome());
            row(rows, "hypothesisRationale", "Because", r.hypothesisRationale());
            row(rows, "successCriteria", "Success criteria", r.successCriteria());
            row(rows, "stopCriteria", "Stop criteria", r.stopCriteria());
            row(rows, "outcome", "Outcome", option(FailForwardField.OUTCOME, r.outcome()));
            row(rows, "decision", "Decision", option(FailForwardField.DECISION, r.decision()));
            row(rows, "startedAt", "Started", time(r.startedAt()));
            row(rows, "decidedAt", "Decided", time(r.decidedAt()));
        } else {
            row(rows, "failureType", "Failure type", option(FailForwardField.FAILURE_TYPE, r.failureType()));
            row(rows, "failureCategory", "Failure category", option(FailForwardField.FAILURE_CATEGORY, r.failureCategory()));
            row(rows, "failureMode", "Process or outcome", option(FailForwardField.FAILURE_MODE, r.failureMode()));
            row(rows, "discoveredAt", "Discovered", time(r.discoveredAt()));
            row(rows, "reportedAt", "Reported", time(r.reportedAt()));
            row(rows, "resolvedAt", "Resolved", time(r.resolvedAt()));
        }
        row(rows, "team", "Team", r.team());
        row(rows, "component", "Component", r.component());
        row(rows, "createdAt", "Created", time(r.createdAt()));
        row(rows, "updatedAt", "Updated", time(r.updatedAt()));
        return rows;
    }

    /** The issue type's name, as Jira names the plugin's issue types. */
    static String typeName(RecordKind kind) {
        return kind == RecordKind.EXPERIMENT ? "Experiment" : "Incident";
    }

    private static void row(List<Map<String, Object>> rows, String key, String label, String value) {
        boolean empty = value == null || value.isBlank();
        rows.add(Map.of("key", key, "labelHtml", Html.escape(label), "valueHtml", empty ? "" : Html.escape(value),
                "empty", empty));
    }

    private String option(FailForwardField field, Enum<?> value) {
        return value == null ? null : i18n.getText(field.optionI18nKey(value.name()));
    }

    private String time(Instant at) {
        return at == null ? null : dates.dateTime(at);
    }
}
