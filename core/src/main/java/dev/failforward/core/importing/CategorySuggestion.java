package dev.failforward.core.importing;

import dev.failforward.core.incident.FailureCategory;
import java.util.Objects;

/**
 * A failure category for an imported incident: stated in the source, or suggested from its words.
 *
 * @param category  the category
 * @param toConfirm {@code true} when a person should confirm it before it counts (see {@link CategorySuggester})
 * @param reason    why: {@code stated} or the words that scored, for the dry-run table
 */
public record CategorySuggestion(FailureCategory category, boolean toConfirm, String reason) {

    public CategorySuggestion {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(reason, "reason");
    }

    public static CategorySuggestion stated(FailureCategory category) {
        return new CategorySuggestion(category, false, "stated");
    }
}
