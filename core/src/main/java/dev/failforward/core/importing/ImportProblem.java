package dev.failforward.core.importing;

import java.util.Objects;

/**
 * Something an importer could not read, or read but did not trust.
 *
 * @param field   the field it concerns ({@link ImportField#FILE} for the whole source)
 * @param message what went wrong, in English, for the dry-run table
 * @param line    the 1-based line in the source, or 0 when it concerns no single line
 */
public record ImportProblem(ImportField field, String message, int line) {

    public ImportProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative: " + line);
        }
    }

    @Override
    public String toString() {
        return field + (line > 0 ? " (line " + line + ")" : "") + ": " + message;
    }
}
