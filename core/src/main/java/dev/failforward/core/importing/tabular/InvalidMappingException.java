package dev.failforward.core.importing.tabular;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A saved or submitted column mapping that cannot be used; {@link #errors()} says what is wrong, per key. */
public final class InvalidMappingException extends IllegalArgumentException {

    private final Map<String, String> errors;

    InvalidMappingException(Map<String, String> errors) {
        super("invalid column mapping: " + errors);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** The mapping key ({@code "title"}, {@code "learnings.2"}, {@code "option.dates"}) → what is wrong with it. */
    public Map<String, String> errors() {
        return errors;
    }
}
