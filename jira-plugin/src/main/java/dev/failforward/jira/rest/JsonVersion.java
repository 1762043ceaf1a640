package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;

/**
 * Reads the whole-number {@code version} field of a JSON body that {@link JsonRequest#parse} has already accepted
 * (a well-formed object): the version of an item the user's edit is based on, for optimistic locking.
 */
final class JsonVersion {

    static final String FIELD = "version";

    private JsonVersion() {
    }

    /** The version, or {@code null} when absent; 400 naming {@code version} when not a whole number ≥ 0. */
    static Long optional(JsonRequest body) {
        JsonNode value = body.field(FIELD);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw RequestProblem.invalid(FIELD, "type", "failforward.failuredb.error.field.version", FIELD);
        }
        return value.longValue();
    }

    static long required(JsonRequest body) {
        Long version = optional(body);
        if (version == null) {
            throw JsonRequest.required(FIELD);
        }
        return version;
    }
}
