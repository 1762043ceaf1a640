package dev.failforward.core.lifecycle;

import java.util.List;
import java.util.Objects;

/**
 * One reason a transition or save is refused, against one field. A validator shows the message of {@link #i18nKey()}
 * (formatted with {@link #arguments()}) next to the field {@link #field()} names.
 *
 * @param field     the field key, one of {@link FieldKeys} (not enforced, so a host can report its own fields)
 * @param code      a stable identifier of the problem within the field, e.g. {@code "required"} or
 *                  {@code "tooFew"}; for hypothesis findings the finding's code, e.g. {@code "form.unrecognised"}
 * @param i18nKey   the message key, starting with {@code "failforward."}
 * @param arguments message arguments {@code {0}}, {@code {1}}…, already formatted as text; copied, never {@code null}
 */
public record FieldProblem(String field, String code, String i18nKey, List<String> arguments) {

    public static final String I18N_PREFIX = "failforward.";

    public FieldProblem {
        requireText(field, "field");
        requireText(code, "code");
        requireText(i18nKey, "i18nKey");
        if (!i18nKey.startsWith(I18N_PREFIX)) {
            throw new IllegalArgumentException("i18nKey must start with " + I18N_PREFIX + ": " + i18nKey);
        }
        arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
    }

    public static FieldProblem of(String field, String code, String i18nKey, String... arguments) {
        return new FieldProblem(field, code, i18nKey, List.of(arguments));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
