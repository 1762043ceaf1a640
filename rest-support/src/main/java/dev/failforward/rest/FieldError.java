package dev.failforward.rest;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One problem with one field of a request: the field's name as the client sent it ({@code text}, a query parameter, or
 * {@code body} for the request as a whole), a stable code for programs, and an i18n key + arguments for people.
 */
public record FieldError(String field, String code, String i18nKey, List<Serializable> arguments) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(i18nKey, "i18nKey");
        arguments = List.copyOf(arguments);
    }

    public static FieldError of(String field, String code, String i18nKey, Serializable... arguments) {
        return new FieldError(field, code, i18nKey, List.of(arguments));
    }
}
