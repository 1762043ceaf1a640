package dev.failforward.confluence.rest;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * An expected reason to refuse a request, before anything reaches Jira: 401 nobody is logged in, 400 a malformed issue
 * key, body or query parameter. Messages are i18n keys, translated by {@link ProblemExceptionMapper} in the user's
 * language.
 */
public class RequestProblem extends RuntimeException {

    private final int status;
    private final String messageKey;
    private final List<FieldError> errors;

    private RequestProblem(int status, String messageKey, List<FieldError> errors) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.errors = List.copyOf(errors);
    }

    public static RequestProblem loginRequired() {
        return new RequestProblem(401, "failforward.confluence.rest.error.login", List.of());
    }

    public static RequestProblem invalid(String field, String code, String i18nKey, Serializable... arguments) {
        return new RequestProblem(400, "failforward.confluence.rest.error.invalid",
                List.of(new FieldError(field, code, i18nKey, List.of(arguments))));
    }

    /** A 400 naming every bad field at once (at least one). */
    public static RequestProblem invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request has at least one field error");
        }
        return new RequestProblem(400, "failforward.confluence.rest.error.invalid", errors);
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** A problem with one field: its name as sent, a stable code, and an i18n key + arguments for people. */
    public record FieldError(String field, String code, String i18nKey, List<Serializable> arguments) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(i18nKey, "i18nKey");
            arguments = List.copyOf(arguments);
        }
    }
}
