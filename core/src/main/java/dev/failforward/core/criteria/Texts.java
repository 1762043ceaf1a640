package dev.failforward.core.criteria;

/** Constructor checks shared by the criterion records. */
final class Texts {

    private Texts() {
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
