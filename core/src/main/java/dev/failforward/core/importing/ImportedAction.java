package dev.failforward.core.importing;

import dev.failforward.core.record.ActionItem;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An action item found in a source. The owner is kept as written (a name, "@handle" or e-mail): matching it to a Jira
 * user is the host's work.
 *
 * @param description what is to be done, at most {@link ActionItem#DESCRIPTION_MAX_LENGTH} characters
 * @param owner       who owns it as written, or {@code null}
 * @param dueDate     when it is due, or {@code null}
 * @param done        whether the source marks it done ("[x]", a "Done" status)
 * @param source      where it was found, e.g. {@code section "Action Items" table row line 40}
 */
public record ImportedAction(String description, String owner, LocalDate dueDate, boolean done, String source) {

    public ImportedAction {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description is required");
        }
        if (description.length() > ActionItem.DESCRIPTION_MAX_LENGTH) {
            throw new IllegalArgumentException("description is longer than " + ActionItem.DESCRIPTION_MAX_LENGTH
                    + " characters");
        }
        if (owner != null && owner.isBlank()) {
            owner = null;
        }
        Objects.requireNonNull(source, "source");
    }
}
