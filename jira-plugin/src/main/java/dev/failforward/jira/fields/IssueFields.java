package dev.failforward.jira.fields;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.fields.CustomField;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed reads and writes of Fail Forward's fields on a Jira issue, by stable key. Jira hands custom field values over
 * as {@code Object} (String, Double, Timestamp, Option); this is the one place that knows which is which.
 */
@Named
public class IssueFields {

    private final FieldRegistry registry;

    @Inject
    public IssueFields(FieldRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Trimmed text, or null when the field is empty, missing or not set up. */
    public String text(Issue issue, FailForwardField field) {
        Object value = value(issue, field);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** The stable option value (e.g. {@code EXPLORE}) of a select field, or empty. */
    public Optional<String> option(Issue issue, FailForwardField field) {
        return Optional.ofNullable(value(issue, field)).flatMap(value -> registry.optionValue(field, value));
    }

    /** A number field's value, or null. */
    public BigDecimal number(Issue issue, FailForwardField field) {
        Object value = value(issue, field);
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros();
        }
        return null;
    }

    /** A date-time field's value, or null. */
    public Instant instant(Issue issue, FailForwardField field) {
        Object value = value(issue, field);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return null;
    }

    /** Sets a date-time field (as the {@link Timestamp} Jira stores); returns false when the field is not set up. */
    public boolean setInstant(MutableIssue issue, FailForwardField field, Instant instant) {
        Optional<CustomField> customField = registry.field(field);
        customField.ifPresent(f -> issue.setCustomFieldValue(f, instant == null ? null : Timestamp.from(instant)));
        return customField.isPresent();
    }

    /** The Jira field id (e.g. {@code customfield_10100}) of one of our fields, if set up. */
    public Optional<String> jiraFieldId(FailForwardField field) {
        return registry.field(field).map(CustomField::getId);
    }

    private Object value(Issue issue, FailForwardField field) {
        return registry.field(field).map(issue::getCustomFieldValue).orElse(null);
    }
}
