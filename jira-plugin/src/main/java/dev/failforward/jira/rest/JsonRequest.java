package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * A JSON request body read field by field, so that every problem is reported against the field the client sent.
 *
 * <p>Why not let the JAX-RS provider bind a DTO: the products' and the preview's Jackson providers answer malformed JSON
 * with their own error bodies (or a 500), and a wrong type would silently coerce. Reading the body ourselves keeps the
 * contract the same on every host: 400, {@code errors[].field} names the field.
 *
 * <p>The body is read strictly ({@link StrictJson}: no trailing tokens, no duplicate keys, no lone surrogates, bounded
 * depth and size), and a string field may hold no control character but tab, line feed and carriage return (a NUL
 * would be refused by PostgreSQL at insert, and none of them belongs in text people read).
 */
public final class JsonRequest {

    private final ObjectNode body;

    private JsonRequest(ObjectNode body) {
        this.body = body;
    }

    public static JsonRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException(FieldError.of("body", "required", "failforward.rest.error.body.required"));
        }
        JsonNode node = StrictJson.read(body);
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidRequestException(FieldError.of("body", "type", "failforward.rest.error.body.object"));
        }
        return new JsonRequest(object);
    }

    /** A string field that must be present and not longer than {@code maxLength}; blank is allowed. */
    public String requiredString(String field, int maxLength) {
        return optionalString(field, maxLength).orElseThrow(() ->
                new InvalidRequestException(FieldError.of(field, "required", "failforward.rest.error.field.required", field)));
    }

    public Optional<String> optionalString(String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(FieldError.of(field, "type", "failforward.rest.error.field.string", field));
        }
        String text = value.textValue();
        if (hasControlCharacter(text)) {
            throw new InvalidRequestException(FieldError.of(field, "control-character",
                    "failforward.rest.error.field.control", field));
        }
        if (text.length() > maxLength) {
            throw new InvalidRequestException(FieldError.of(field, "too-long", "failforward.rest.error.field.toolong",
                    field, maxLength, text.length()));
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
            throw new InvalidRequestException(FieldError.of(field, "out-of-range", "failforward.rest.error.field.integer",
                    field, min, max));
        }
        return Optional.of(value.intValue());
    }

    /** The field's value as sent ({@code null} when absent), for readers of other types ({@link JsonVersion}). */
    JsonNode field(String field) {
        return body.get(field);
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

    public int requiredInteger(String field, int min, int max) {
        return optionalInteger(field, min, max).orElseThrow(() ->
                new InvalidRequestException(FieldError.of(field, "required", "failforward.rest.error.field.required", field)));
    }
}
