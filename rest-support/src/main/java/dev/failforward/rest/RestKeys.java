package dev.failforward.rest;

import java.util.List;

/**
 * The i18n keys the shared REST code uses. Both plugins' i18n bundles carry every one of them, each in its own words
 * ({@code RestModuleContract}, which each plugin's {@code RestModuleTest} runs, and the jar verifier's i18n check hold
 * them to it), so the shared code names no plugin.
 */
public final class RestKeys {

    /** 400: "The request has invalid fields." — the message of every field-error answer. */
    public static final String INVALID = "failforward.rest.error.invalid";
    /** 401, nobody is logged in. */
    public static final String LOGIN = "failforward.rest.error.login";
    /** 403, the user lacks the permission. */
    public static final String FORBIDDEN = "failforward.rest.error.forbidden";
    /** A JAX-RS refusal below 500 (404, 405, 406, …): {0} status, {1} reason phrase. */
    public static final String HTTP = "failforward.rest.error.http";
    /** 500: {0} the reference that is also in the log. */
    public static final String INTERNAL = "failforward.rest.error.internal";

    public static final String BODY_REQUIRED = "failforward.rest.error.body.required";
    public static final String BODY_OBJECT = "failforward.rest.error.body.object";
    /** {0} line, {1} column. */
    public static final String BODY_MALFORMED = "failforward.rest.error.body.malformed";
    /** {0} line, {1} column. */
    public static final String BODY_TRAILING = "failforward.rest.error.body.trailing";
    /** {0} the key, {1} line, {2} column. */
    public static final String BODY_DUPLICATE = "failforward.rest.error.body.duplicate";
    /** {0} line, {1} column. */
    public static final String BODY_SURROGATE_KEY = "failforward.rest.error.body.surrogatekey";
    /** {0} the maximum depth. */
    public static final String BODY_DEEP = "failforward.rest.error.body.deep";
    /** {0} the maximum number length. */
    public static final String BODY_NUMBER = "failforward.rest.error.body.number";
    /** {0} the maximum number of characters. */
    public static final String BODY_TOO_LARGE = "failforward.rest.error.body.toolarge";
    /** {0} the maximum number of bytes. */
    public static final String BODY_TOO_LARGE_BYTES = "failforward.rest.error.body.toolargebytes";

    /** {0} the field. */
    public static final String FIELD_REQUIRED = "failforward.rest.error.field.required";
    /** {0} the field. */
    public static final String FIELD_STRING = "failforward.rest.error.field.string";
    /** {0} the field, {1} the maximum length, {2} the length sent. */
    public static final String FIELD_TOO_LONG = "failforward.rest.error.field.toolong";
    /** {0} the field, {1} the minimum, {2} the maximum. */
    public static final String FIELD_INTEGER = "failforward.rest.error.field.integer";
    /** {0} the field. */
    public static final String FIELD_CONTROL = "failforward.rest.error.field.control";
    /** {0} the field, {1} line, {2} column. */
    public static final String FIELD_SURROGATE = "failforward.rest.error.field.surrogate";

    /** 415, the message; the item says why. */
    public static final String CONTENT_TYPE = "failforward.rest.error.contenttype";
    public static final String CONTENT_TYPE_MISSING = "failforward.rest.error.contenttype.missing";
    public static final String CONTENT_TYPE_REPEATED = "failforward.rest.error.contenttype.repeated";
    /** {0} the type sent. */
    public static final String CONTENT_TYPE_UNSUPPORTED = "failforward.rest.error.contenttype.unsupported";
    /** {0} the charset sent. */
    public static final String CONTENT_TYPE_CHARSET = "failforward.rest.error.contenttype.charset";
    /** 413, the message. */
    public static final String TOO_LARGE = "failforward.rest.error.toolarge";

    /** Every key above. */
    public static final List<String> ALL = List.of(INVALID, LOGIN, FORBIDDEN, HTTP, INTERNAL,
            BODY_REQUIRED, BODY_OBJECT, BODY_MALFORMED, BODY_TRAILING, BODY_DUPLICATE, BODY_SURROGATE_KEY, BODY_DEEP,
            BODY_NUMBER, BODY_TOO_LARGE, BODY_TOO_LARGE_BYTES,
            FIELD_REQUIRED, FIELD_STRING, FIELD_TOO_LONG, FIELD_INTEGER, FIELD_CONTROL, FIELD_SURROGATE,
            CONTENT_TYPE, CONTENT_TYPE_MISSING, CONTENT_TYPE_REPEATED, CONTENT_TYPE_UNSUPPORTED, CONTENT_TYPE_CHARSET,
            TOO_LARGE);

    private RestKeys() {
    }
}
