package dev.failforward.confluence.rest;

import java.util.List;

/**
 * The JSON body of every error response, the same shape as the Jira plugin's:
 * {@code {"status":400,"message":"…","errors":[{"field":"text","code":"required","message":"…"}]}}. Never carries a
 * stack trace or an exception class name.
 */
public record ErrorBody(int status, String message, List<Item> errors) {

    public ErrorBody {
        errors = List.copyOf(errors);
    }

    /** One problem with one request field ({@code body} for the request as a whole). */
    public record Item(String field, String code, String message) {
    }
}
