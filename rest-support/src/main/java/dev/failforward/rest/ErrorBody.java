package dev.failforward.rest;

import java.util.List;

/**
 * The JSON body of every error response of both plugins' REST APIs (Jira's {@code /rest/failforward/1.0} and
 * Confluence's {@code /rest/failforward-confluence/1.0}):
 * {@code {"status":400,"message":"…","errors":[{"field":"text","code":"required","message":"…"}]}}. {@code errors} is
 * empty unless fields are named. Never carries a stack trace or an exception class name. Described as {@code Error} in
 * the Jira plugin's {@code openapi/failforward-openapi.json}.
 */
public record ErrorBody(int status, String message, List<Item> errors) {

    public ErrorBody {
        errors = List.copyOf(errors);
    }

    /** One problem with one request field ({@code body} for the request as a whole), in the user's language. */
    public record Item(String field, String code, String message) {
    }
}
