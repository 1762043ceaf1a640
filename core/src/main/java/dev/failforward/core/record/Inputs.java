package dev.failforward.core.record;

import java.util.Locale;
import java.util.Optional;

/** Reading form input for the commands: trimmed text, enum names in any case (dates: {@link dev.failforward.core.text.IsoDate}). */
final class Inputs {

    private Inputs() {
    }

    /** Trimmed text, or {@code null} when absent or blank. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** The constant named by the text (case and surrounding blanks ignored; "-" or " " read as "_"). */
    static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String text) {
        String name = text(text);
        if (name == null) {
            return Optional.empty();
        }
        String normalised = name.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalised)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** For messages: the given text, shortened so a long bad value cannot flood the page. */
    static String shown(String text) {
        String value = text == null ? "" : text.strip();
        return value.length() > 60 ? value.substring(0, 60) + "\u2026" : value;
    }
}
