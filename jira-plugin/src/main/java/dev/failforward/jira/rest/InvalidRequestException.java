package dev.failforward.jira.rest;

import java.util.List;

/** Bad input: becomes a 400 with one entry per field error (see {@link InvalidRequestExceptionMapper}). */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.code()).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
