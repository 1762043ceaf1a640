package dev.failforward.jira.archive;

import dev.failforward.jira.permissions.RecordPermissions;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Searches the learnings archive as the current user: exactly like the record search
 * ({@code FailureDbService.search}), the requested projects are intersected with the browsable ones <em>before</em>
 * the query runs, so a project the user cannot browse is silently dropped (answered like one that does not exist),
 * and neither the total nor any facet ever counts a hidden learning.
 */
@Named
public class LearningArchiveService {

    private final LearningArchive archive;
    private final RecordPermissions permissions;

    @Inject
    public LearningArchiveService(LearningArchive archive, RecordPermissions permissions) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
    }

    /**
     * @param requestedProjects project keys asked for (any case), or {@code null} for every browsable project
     * @param query             the filters; its own project keys are ignored
     */
    public LearningArchivePage search(Set<String> requestedProjects, LearningQuery query) {
        Objects.requireNonNull(query, "query");
        Set<String> browsable = permissions.browsableProjectKeys();
        Set<String> allowed = new TreeSet<>();
        if (requestedProjects == null) {
            allowed.addAll(browsable);
        } else {
            for (String key : requestedProjects) {
                String normalised = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
                if (browsable.contains(normalised)) {
                    allowed.add(normalised);
                }
            }
        }
        if (allowed.isEmpty()) {
            return LearningArchivePage.empty(query.page());
        }
        if (allowed.size() > LearningQuery.MAX_PROJECTS) {
            throw new dev.failforward.jira.failuredb.FailureDbException.TooManyProjects(LearningQuery.MAX_PROJECTS);
        }
        return archive.search(query.withProjects(allowed));
    }
}
