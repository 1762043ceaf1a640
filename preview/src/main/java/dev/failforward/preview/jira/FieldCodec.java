package dev.failforward.preview.jira;

import com.atlassian.jira.issue.customfields.option.Option;
import dev.failforward.jira.fields.FailForwardField;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Field values between the preview's forms and storage (strings) and Jira's value types. Bad input becomes a field
 * error, as Jira's own field validation reports it before any workflow validator runs.
 */
final class FieldCodec {

    /** The Jira value for form text, or a field error message key. */
    record Parsed(Object value, String errorKey) {
        static Parsed ok(Object value) {
            return new Parsed(value, null);
        }

        static Parsed error(String key) {
            return new Parsed(null, key);
        }
    }

    private final PreviewFieldRegistry registry;

    FieldCodec(PreviewFieldRegistry registry) {
        this.registry = registry;
    }

    Parsed fromForm(FailForwardField field, String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return Parsed.ok(null);
        }
        return switch (field.kind()) {
            case TEXT_AREA -> text.length() > 32_000 ? Parsed.error("preview.error.toolong") : Parsed.ok(text);
            case SELECT -> registry.option(field, text).<Parsed>map(Parsed::ok).orElse(Parsed.error("preview.error.option"));
            case NUMBER, COUNT -> {
                try {
                    double number = Double.parseDouble(text.replace(",", ""));
                    yield Double.isFinite(number) ? Parsed.ok(number) : Parsed.error("preview.error.number");
                } catch (NumberFormatException e) {
                    yield Parsed.error("preview.error.number");
                }
            }
            case DATE_TIME -> {
                try {
                    yield Parsed.ok(Timestamp.from(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC)));
                } catch (DateTimeParseException e) {
                    yield Parsed.error("preview.error.datetime");
                }
            }
        };
    }

    /** The value as a form shows it (and storage keeps it): text, the option's stable value, a number, or yyyy-MM-ddTHH:mm. */
    String toForm(FailForwardField field, Object value) {
        if (value == null) {
            return "";
        }
        return switch (field.kind()) {
            case SELECT -> value instanceof Option option ? registry.optionValue(field, option).orElse("") : "";
            case NUMBER, COUNT -> {
                double number = ((Number) value).doubleValue();
                yield number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
            }
            case DATE_TIME -> LocalDateTime.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC).toString();
            case TEXT_AREA -> value.toString();
        };
    }

    /** Reads a stored string back (stored values were written by {@link #toForm}, so they parse). */
    Optional<Object> fromStored(FailForwardField field, String stored) {
        return Optional.ofNullable(fromForm(field, stored).value());
    }

    static Instant instant(Object value) {
        return value instanceof java.util.Date date ? date.toInstant() : null;
    }
}
