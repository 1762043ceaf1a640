package dev.failforward.rest;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An expected reason to refuse a request, thrown anywhere below a resource and answered by the shared exception mappers
 * as its status with an {@link ErrorBody} in the user's language: 400 with one entry per bad field, 401 nobody is logged
 * in, 403 not allowed, 404 not there, 409 the current state stops it, 503 try again later (with {@code Retry-After}).
 * Messages are i18n keys, translated by the plugin ({@link RestPlugin#text}). No stack trace is kept: it is an answer,
 * not a fault.
 */
public class RequestProblem extends RuntimeException {

    private final int status;
    private final String messageKey;
    private final List<Serializable> arguments;
    private final List<FieldError> errors;
    private final Integer retryAfterSeconds;

    private RequestProblem(int status, String messageKey, List<Serializable> arguments, List<FieldError> errors,
                           Integer retryAfterSeconds) {
        super(status + " " + messageKey + describe(errors), null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a request problem is a 4xx or 5xx, not " + status);
        }
        this.status = status;
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
        this.arguments = List.copyOf(arguments);
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400 naming every bad field at once (at least one). */
    public static RequestProblem invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one field error");
        }
        return new RequestProblem(400, RestKeys.INVALID, List.of(), errors, null);
    }

    /** 400 naming one bad field. */
    public static RequestProblem invalid(FieldError error) {
        return invalid(List.of(error));
    }

    /** 400 naming one bad field: its name as sent, a stable code, and the i18n key + arguments of its message. */
    public static RequestProblem invalid(String field, String code, String i18nKey, Serializable... arguments) {
        return invalid(FieldError.of(field, code, i18nKey, arguments));
    }

    /** 401: nobody is logged in. */
    public static RequestProblem loginRequired() {
        return new RequestProblem(401, RestKeys.LOGIN, List.of(), List.of(), null);
    }

    /** 403: the user may not do this. */
    public static RequestProblem forbidden() {
        return new RequestProblem(403, RestKeys.FORBIDDEN, List.of(), List.of(), null);
    }

    /** Any other status with a message (404 not found, 409 a conflict, …) and no field named. */
    public static RequestProblem of(int status, String messageKey, Serializable... arguments) {
        return new RequestProblem(status, messageKey, List.of(arguments), List.of(), null);
    }

    /** 503 with {@code Retry-After}: nothing was done, the client may send the same request again after the wait. */
    public static RequestProblem unavailable(int retryAfterSeconds, String messageKey, Serializable... arguments) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Retry-After is a number of seconds, not " + retryAfterSeconds);
        }
        return new RequestProblem(503, messageKey, List.of(arguments), List.of(), retryAfterSeconds);
    }

    /** The same problem naming these fields too (e.g. a 409 that says which field holds the conflicting value). */
    public RequestProblem withErrors(List<FieldError> fieldErrors) {
        return new RequestProblem(status, messageKey, arguments, fieldErrors, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Serializable> arguments() {
        return arguments;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The seconds a 503 asks the client to wait, when it asks. */
    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds == null ? OptionalInt.empty() : OptionalInt.of(retryAfterSeconds);
    }

    private static String describe(List<FieldError> errors) {
        return errors.isEmpty() ? "" : " " + errors.stream().map(e -> e.field() + ": " + e.code()).toList();
    }
}
