package dev.failforward.host.templates;

import java.util.Objects;

/**
 * A value a template may print as it is: what an HTML-safe method returned ({@link HtmlSafePolicy}). The renderer's
 * uberspect boxes such values and unboxes them again wherever a template uses them (a method call on them, an
 * argument, {@code #foreach}); the escaping handler prints their content unescaped. Like velocity-htmlsafe's
 * annotated values, the mark survives {@code #set}: {@code #set($x = $page.titleHtml)} then {@code $x} is not escaped.
 */
final class HtmlSafeValue {

    private final Object value;

    private HtmlSafeValue(Object value) {
        this.value = value;
    }

    /** {@code null} stays {@code null} (a quiet reference prints nothing, a strict one fails as without the mark). */
    static Object box(Object value) {
        return value == null || value instanceof HtmlSafeValue ? value : new HtmlSafeValue(value);
    }

    static Object unbox(Object value) {
        return value instanceof HtmlSafeValue safe ? safe.value : value;
    }

    static Object[] unboxAll(Object[] values) {
        if (values == null) {
            return null;
        }
        Object[] plain = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            plain[i] = unbox(values[i]);
        }
        return plain;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HtmlSafeValue safe ? Objects.equals(value, safe.value) : Objects.equals(value, other);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
