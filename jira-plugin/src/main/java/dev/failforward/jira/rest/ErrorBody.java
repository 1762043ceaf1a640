package dev.failforward.jira.rest;

import java.util.List;

/**
 * The JSON body of every error response: {@code {"status":400,"message":"…","errors":[{"field":"text",…}]}}.
 * Never carries a stack trace or an exception class name.
 */
public record ErrorBody(int status, String message, List<Item> errors) {

    public ErrorBody {
        errors = List.copyOf(errors);
    }

    public record Item(String field, String code, String message) {
    }
}
