package dev.failforward.preview;

import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.preview.jira.PreviewIssue;
import dev.failforward.preview.jira.PreviewJira;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Between the issue screens' inputs and the values the preview's workflows store, for the user's time zone.
 *
 * <p>A date-time input ({@code <input type="datetime-local">}) takes {@code yyyy-MM-ddTHH:mm} in the user's zone; a
 * value with seconds' fractions beyond milliseconds (an ISO instant with nanoseconds) is rejected by the browser, which
 * then posts the field empty. So the screens show a stamp to the minute in the user's zone, and next to each date-time
 * input a hidden {@code shown.KEY} carries what the input showed.
 *
 * <p>What a save writes, as Jira's edit does (only what the user changed is written; a field not on the screen is left
 * alone):
 * <ul>
 *   <li>a field not posted is left as it is;</li>
 *   <li>a field posted as the screen showed it is left as it is, to the nanosecond: a stamp the workflow set (Started,
 *       Decided, Reported) survives an unchanged edit or transition screen exactly, so the KPIs do not move;</li>
 *   <li>a field posted empty clears the value only when the screen showed one (the user emptied the input: an explicit
 *       clear, which Jira allows on a field of the edit screen); posted empty by a screen that showed nothing, or by a
 *       client that sent no {@code shown.KEY}, it keeps the stored value;</li>
 *   <li>anything else is read in the user's zone (bad text becomes the field's error).</li>
 * </ul>
 */
final class IssueFormInput {

    /** The datetime-local input's value format. */
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
    static final String SHOWN_PREFIX = "shown.";

    private final PreviewJira jira;
    private final ZoneId zone;

    IssueFormInput(PreviewJira jira, ZoneId zone) {
        this.jira = jira;
        this.zone = zone;
    }

    /**
     * How the preview's pages show dates and times: the plugin's {@code JiraUserDates} over Jira's default formats
     * ({@code dd/MMM/yy h:mm a}, {@code dd/MMM/yy}) in the preview user's zone, as Jira would show them.
     */
    static dev.failforward.jira.panels.UserDates userDates(ZoneId zone) {
        return new dev.failforward.jira.panels.JiraUserDates(
                new dev.failforward.host.datetime.JiraDefaultDateTimeFormatters(zone, Locale.ENGLISH));
    }

    /** A date and time as the pages show it, in the user's zone ({@code ""} for none). */
    String display(Instant at) {
        return userDates(zone).dateTime(at);
    }

    /** A calendar date as the pages show it ({@code ""} for none). */
    String display(java.time.LocalDate date) {
        return date == null ? "" : userDates(zone).date(date);
    }

    /** A field's value as the issue view shows it: date-times formatted in the user's zone, others as the form holds them. */
    String display(PreviewIssue issue, FailForwardField field) {
        return field.kind() == FailForwardField.Kind.DATE_TIME ? display(instant(issue, field)) : jira.formValue(issue, field);
    }

    /** The values an issue's screen shows in its inputs (date-times to the minute, in the user's zone), and its summary. */
    Map<String, String> inputs(PreviewIssue issue, List<FailForwardField> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FailForwardField field : fields) {
            values.put(field.key(), field.kind() == FailForwardField.Kind.DATE_TIME ? input(instant(issue, field))
                    : jira.formValue(issue, field));
        }
        values.put("summary", issue.getSummary());
        return values;
    }

    /** What was posted, as typed: the fields, their {@code shown.KEY}, the summary and the project (to show it again). */
    static Map<String, String> posted(HttpServletRequest request) {
        Map<String, String> posted = new LinkedHashMap<>();
        for (String name : List.of("project", "summary")) {
            if (request.getParameter(name) != null) {
                posted.put(name, request.getParameter(name));
            }
        }
        for (FailForwardField field : FailForwardField.values()) {
            for (String name : List.of(field.key(), SHOWN_PREFIX + field.key())) {
                String value = request.getParameter(name);
                if (value != null) {
                    posted.put(name, value);
                }
            }
        }
        return posted;
    }

    /**
     * The field values a create ({@code issue} null), edit or transition writes, as the workflows read them (date-times
     * in UTC), by the rules of the class comment.
     */
    Map<String, String> toWrite(Map<String, String> posted, PreviewIssue issue) {
        Map<String, String> form = new LinkedHashMap<>();
        for (FailForwardField field : FailForwardField.values()) {
            String raw = posted.get(field.key());
            if (raw == null) {
                continue;
            }
            if (field.kind() != FailForwardField.Kind.DATE_TIME) {
                form.put(field.key(), raw);
                continue;
            }
            String typed = raw.strip();
            if (issue != null) {
                String shown = posted.get(SHOWN_PREFIX + field.key());
                String baseline = shown != null ? shown.strip() : input(instant(issue, field));
                if (typed.equals(baseline)) {
                    continue; // unchanged: the stored value stays, to the nanosecond
                }
                if (typed.isEmpty() && shown == null) {
                    continue; // not shown by our screen: not an explicit clear
                }
            }
            form.put(field.key(), typed.isEmpty() ? "" : utc(typed));
        }
        return form;
    }

    private String input(Instant at) {
        return at == null ? "" : INPUT.format(at.atZone(zone).truncatedTo(ChronoUnit.MINUTES));
    }

    /** A datetime-local value of the user's zone as the UTC local date-time the workflows store; bad text as it is. */
    private String utc(String typed) {
        try {
            Instant at = LocalDateTime.parse(typed).atZone(zone).toInstant();
            return LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return typed;
        }
    }

    private Instant instant(PreviewIssue issue, FailForwardField field) {
        Object value = issue.getCustomFieldValue(jira.registry().field(field).orElseThrow());
        return value instanceof java.util.Date date ? date.toInstant() : null;
    }
}
