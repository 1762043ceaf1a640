package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;

import java.util.Optional;

/** Boolean fields of a JSON body: {@code true} or {@code false}, nothing else (no {@code "yes"}, no 1). */
final class JsonBooleans {

    static final String KEY = "failforward.rest.error.field.boolean";

    private JsonBooleans() {
    }

    static Optional<Boolean> optional(JsonRequest request, String field) {
        JsonNode value = request.field(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw RequestProblem.invalid(field, "type", KEY, field);
        }
        return Optional.of(value.booleanValue());
    }

    static boolean required(JsonRequest request, String field) {
        return optional(request, field).orElseThrow(() -> JsonRequest.required(field));
    }
}
