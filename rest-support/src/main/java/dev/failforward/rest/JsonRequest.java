package dev.failforward.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * A JSON request body read field by field, so that every problem is reported against the field the client sent.
 *
 * <p>Why not let the JAX-RS provider bind a DTO: the products' and the preview's Jackson providers answer malformed JSON
 * with their own error bodies (or a 500), and a wrong type would silently coerce. Reading the body ourselves keeps the
 * contract the same on every host and in both plugins: 400, {@code errors[].field} names the field.
 *
 * <p>The body is read strictly ({@link StrictJson}: no trailing tokens, no duplicate keys, no lone surrogates, bounded
 * depth and size), and a string field may hold no control character but tab, line feed and carriage return (a NUL
 * would be refused by PostgreSQL at insert, and none of them belongs in text people read).
 *
 * <p><b>Unknown fields are ignored</b>, as REST v2 clients expect of a bound type with
 * {@code @JsonIgnoreProperties(ignoreUnknown = true)}: a client that sends a field it knows from a newer version of
 * the API (or a field of the response it read and sends back) gets its request served, not a 400. Only the fields an
 * endpoint reads are checked for type and content; every field is still read by the strict reader.
 */
public final class JsonRequest {

    private final ObjectNode body;

    private JsonRequest(ObjectNode body) {
        this.body = body;
    }

    /** The body as one JSON object, or a 400 on {@code body}: missing, not JSON, not an object, or not strict JSON. */
    public static JsonRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw RequestProblem.invalid("body", "required", RestKeys.BODY_REQUIRED);
        }
        JsonNode node = StrictJson.read(body);
        if (!(node instanceof ObjectNode object)) {
            throw RequestProblem.invalid("body", "type", RestKeys.BODY_OBJECT);
        }
        return new JsonRequest(object);
    }

    /** A string field that must be present and not longer than {@code maxLength}; blank is allowed. */
    public String requiredString(String field, int maxLength) {
        return optionalString(field, maxLength).orElseThrow(() -> required(field));
    }

    /** A string field, when present and not {@code null}: no control characters, at most {@code maxLength} long. */
    public Optional<String> optionalString(String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw RequestProblem.invalid(field, "type", RestKeys.FIELD_STRING, field);
        }
        String text = value.textValue();
        if (hasControlCharacter(text)) {
            throw RequestProblem.invalid(field, "control-character", RestKeys.FIELD_CONTROL, field);
        }
        if (text.length() > maxLength) {
            throw RequestProblem.invalid(field, "too-long", RestKeys.FIELD_TOO_LONG, field, maxLength, text.length());
        }
        return Optional.of(text);
    }

    /** A whole-number field from {@code min} to {@code max}, when present; a string or fraction is refused. */
    public Optional<Integer> optionalInteger(String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < min || value.intValue() > max) {
            throw RequestProblem.invalid(field, "out-of-range", RestKeys.FIELD_INTEGER, field, min, max);
        }
        return Optional.of(value.intValue());
    }

    public int requiredInteger(String field, int min, int max) {
        return optionalInteger(field, min, max).orElseThrow(() -> required(field));
    }

    /** The field's value as sent ({@code null} when absent), for a plugin's readers of other types. */
    public JsonNode field(String field) {
        return body.get(field);
    }

    /** The 400 for a field that must be there. */
    public static RequestProblem required(String field) {
        return RequestProblem.invalid(field, "required", RestKeys.FIELD_REQUIRED, field);
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
