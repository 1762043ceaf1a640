package dev.failforward.core.importing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one source gave: the incident ({@code null} when the source could not be read at all: empty, binary, too
 * large) and the problems met.
 *
 * @param sourceName the file or page name as given, for the per-file report
 */
public record ImportResult(String sourceName, ImportedIncident incident, List<ImportProblem> problems) {

    public ImportResult {
        Objects.requireNonNull(sourceName, "sourceName");
        problems = List.copyOf(problems);
        if (incident == null && problems.isEmpty()) {
            throw new IllegalArgumentException("a source without an incident needs a problem saying why");
        }
    }

    public Optional<ImportedIncident> found() {
        return Optional.ofNullable(incident);
    }

    /** Whether the source can be imported: an incident was found. Problems may still be listed. */
    public boolean importable() {
        return incident != null;
    }
}
