package dev.failforward.core.record;

import java.util.Objects;

/** Constructor checks of the failure-database values; messages name the component. */
final class Checks {

    private Checks() {
    }

    static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    static String text(String value, int max, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        }
        return value;
    }

    static String optionalText(String value, int max, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, max, name);
    }

    static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, name + " is required");
    }
}
