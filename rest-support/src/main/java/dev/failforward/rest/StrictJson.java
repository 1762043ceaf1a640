package dev.failforward.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Reads one JSON value as RFC 8259 defines it and nothing more, into Jackson's tree — refusing what a lenient reader
 * lets through and a later layer would then interpret differently:
 * <ul>
 *   <li>anything after the value (trailing garbage, a second top-level value): {@code trailing};</li>
 *   <li>a key twice in one object ({@code {"text":"a","text":"b"}}: which one did the client mean?): {@code duplicate-key};</li>
 *   <li>an unpaired UTF-16 surrogate in a key or string ({@code "\ud800"}: not a character; databases and other
 *       JSON readers reject or mangle it): {@code lone-surrogate}, naming the top-level field it is in;</li>
 *   <li>more than {@value #MAX_DEPTH} levels of nesting, a number longer than {@value #MAX_NUMBER_LENGTH} characters or
 *       a body longer than {@value #MAX_BODY_CHARS} characters: {@code too-deep}, {@code number-too-long},
 *       {@code too-large};</li>
 *   <li>anything else that is not JSON: {@code malformed}, with the line and column.</li>
 * </ul>
 * Every refusal is a {@link RequestProblem} (400) whose field is {@code body}, or the top-level field of a bad string.
 *
 * <p>What it does not refuse: keys nobody reads. A body may carry fields this API version does not know (a client
 * written against a newer version, REST v2's {@code @JsonIgnoreProperties(ignoreUnknown = true)} habit); they are read
 * as strictly as the rest (a duplicate key or a lone surrogate in them is still a 400) and then ignored
 * ({@link JsonRequest}).
 */
final class StrictJson {

    /** Our bodies are flat objects; 32 levels is far beyond any of them, far below a stack overflow. */
    static final int MAX_DEPTH = 32;
    /** Digits, sign, point and exponent of one number: no field of ours needs more than a long. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** About 1 MB: ten times the longest text any endpoint accepts, escaped. */
    static final int MAX_BODY_CHARS = 1_000_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1)
                    .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_BODY_CHARS).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private StrictJson() {
    }

    /** The one JSON value of {@code body} (not blank), or a 400 naming the problem. */
    static JsonNode read(String body) {
        if (body.length() > MAX_BODY_CHARS) {
            throw problem("body", "too-large", RestKeys.BODY_TOO_LARGE, MAX_BODY_CHARS);
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonNode value = value(parser, parser.nextToken(), 0, null);
            JsonLocation after = parser.currentLocation();
            JsonToken trailing;
            try {
                trailing = parser.nextToken();
            } catch (JsonProcessingException e) {
                trailing = JsonToken.NOT_AVAILABLE;
            }
            if (trailing != null) {
                throw problem("body", "trailing", RestKeys.BODY_TRAILING, after.getLineNr(),
                        after.getColumnNr());
            }
            return value;
        } catch (StreamConstraintsException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.contains("Number")) {
                throw problem("body", "number-too-long", RestKeys.BODY_NUMBER, MAX_NUMBER_LENGTH);
            }
            if (message.contains("depth")) {
                throw problem("body", "too-deep", RestKeys.BODY_DEEP, MAX_DEPTH);
            }
            throw problem("body", "too-large", RestKeys.BODY_TOO_LARGE, MAX_BODY_CHARS);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw problem("body", "malformed", RestKeys.BODY_MALFORMED,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    /**
     * The value that starts at {@code token}.
     *
     * @param field the top-level field this value is in ({@code null} for the top level itself), named when a string
     *              in it is bad
     */
    private static JsonNode value(JsonParser parser, JsonToken token, int depth, String field) throws IOException {
        if (token == null) {
            JsonLocation at = parser.currentLocation();
            throw problem("body", "malformed", RestKeys.BODY_MALFORMED, at.getLineNr(), at.getColumnNr());
        }
        switch (token) {
            case START_OBJECT -> {
                nested(depth);
                ObjectNode object = NODES.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String key = parser.currentName();
                    JsonLocation at = parser.currentTokenLocation();
                    if (hasLoneSurrogate(key)) {
                        throw problem("body", "lone-surrogate", RestKeys.BODY_SURROGATE_KEY,
                                at.getLineNr(), at.getColumnNr());
                    }
                    if (object.has(key)) {
                        throw problem("body", "duplicate-key", RestKeys.BODY_DUPLICATE, shown(key),
                                at.getLineNr(), at.getColumnNr());
                    }
                    object.set(key, value(parser, parser.nextToken(), depth + 1, field == null ? key : field));
                }
                return object;
            }
            case START_ARRAY -> {
                nested(depth);
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next, depth + 1, field));
                }
                return array;
            }
            case VALUE_STRING -> {
                String text = parser.getText();
                if (hasLoneSurrogate(text)) {
                    JsonLocation at = parser.currentTokenLocation();
                    String named = field == null ? "body" : field;
                    throw problem(named, "lone-surrogate", RestKeys.FIELD_SURROGATE, named,
                            at.getLineNr(), at.getColumnNr());
                }
                return NODES.textNode(text);
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                JsonLocation at = parser.currentTokenLocation();
                throw problem("body", "malformed", RestKeys.BODY_MALFORMED, at.getLineNr(),
                        at.getColumnNr());
            }
        }
    }

    private static void nested(int depth) {
        if (depth >= MAX_DEPTH) {
            throw problem("body", "too-deep", RestKeys.BODY_DEEP, MAX_DEPTH);
        }
    }

    /** Whether the text has a high surrogate not followed by a low one, or a low one not preceded by a high one. */
    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String shown(String key) {
        return key.length() > 60 ? key.substring(0, 60) + "\u2026" : key;
    }

    private static RequestProblem problem(String field, String code, String i18nKey, Serializable... arguments) {
        return RequestProblem.invalid(field, code, i18nKey, arguments);
    }
}
