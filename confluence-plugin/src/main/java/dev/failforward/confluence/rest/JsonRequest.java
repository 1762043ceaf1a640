package dev.failforward.confluence.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * A JSON request body read field by field, so every problem is a 400 naming the field the client sent (the same
 * contract on every host, whatever its JSON provider does with malformed input; see the Jira plugin's twin).
 * The body is read strictly ({@link StrictJson}) and text refuses control characters but tab, line feed and carriage
 * return, as Jira's side does, so Confluence refuses with the same codes before anything reaches Jira.
 */
final class JsonRequest {

    private final ObjectNode body;

    private JsonRequest(ObjectNode body) {
        this.body = body;
    }

    static JsonRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw RequestProblem.invalid("body", "required", "failforward.confluence.rest.error.body.required");
        }
        JsonNode node = StrictJson.read(body);
        if (!(node instanceof ObjectNode object)) {
            throw RequestProblem.invalid("body", "type", "failforward.confluence.rest.error.body.object");
        }
        return new JsonRequest(object);
    }

    /** A string field that must be present, not longer than {@code maxLength}; blank is passed on (Jira judges it). */
    String requiredString(String field, int maxLength) {
        return optionalString(field, maxLength).orElseThrow(() -> RequestProblem.invalid(field, "required",
                "failforward.confluence.rest.error.field.required", field));
    }

    Optional<String> optionalString(String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw RequestProblem.invalid(field, "type", "failforward.confluence.rest.error.field.string", field);
        }
        String text = value.textValue();
        if (hasControlCharacter(text)) {
            throw RequestProblem.invalid(field, "control-character", "failforward.confluence.rest.error.field.control", field);
        }
        if (text.length() > maxLength) {
            throw RequestProblem.invalid(field, "too-long", "failforward.confluence.rest.error.field.toolong", field, maxLength);
        }
        return Optional.of(text);
    }

    /** C0 controls and DEL other than tab, line feed and carriage return. */
    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
