package dev.failforward.core.incident;

import dev.failforward.core.text.Lines;
import java.util.List;

/**
 * Counts what people list in a text field: learnings, next steps, contributing factors. One item per non-blank line;
 * bullets ("-", "*", "•", "#"), numbering ("1.", "2)") and task boxes ("[ ]") are stripped, and headings
 * ("Learnings:", "h3. Next steps") are not items, so they never count towards a minimum.
 */
public final class TextItems {

    private TextItems() {
    }

    /** The items of {@code text}, trimmed, in order; empty for {@code null}. */
    public static List<String> items(String text) {
        return List.copyOf(Lines.items(text));
    }
}
