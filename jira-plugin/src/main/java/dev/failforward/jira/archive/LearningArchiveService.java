package dev.failforward.jira.archive;

import dev.failforward.jira.failuredb.BrowsableProjects;
import dev.failforward.jira.permissions.RecordPermissions;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Objects;
import java.util.Set;

/**
 * Searches the learnings archive as the current user: exactly like the record search
 * ({@code FailureDbService.search}), the requested projects are intersected with the browsable ones <em>before</em>
 * the query runs, so a project the user cannot browse is silently dropped (answered like one that does not exist),
 * and neither the total nor any facet ever counts a hidden learning ({@link BrowsableProjects#forSearch}, shared with
 * that search). The narrowed query is answered by this node's search index when it is ready, else by SQL
 * ({@link LearningIndex}); both take the projects inside the query.
 */
@Named
public class LearningArchiveService {

    private final LearningArchive archive;
    private final BrowsableProjects projects;
    private final LearningIndex index;

    /** @param index answers from this node's search index when it is ready, else {@code archive} (SQL) does */
    @Inject
    public LearningArchiveService(LearningArchive archive, RecordPermissions permissions, LearningIndex index) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.projects = new BrowsableProjects(permissions);
        this.index = Objects.requireNonNull(index, "index");
    }

    /** Always from {@code archive}. */
    public LearningArchiveService(LearningArchive archive, RecordPermissions permissions) {
        this(archive, permissions, LearningIndex.NONE);
    }

    /**
     * @param requestedProjects project keys asked for (any case), or {@code null} for every browsable project
     * @param query             the filters; its own project keys are ignored
     */
    public LearningArchivePage search(Set<String> requestedProjects, LearningQuery query) {
        Objects.requireNonNull(query, "query");
        Set<String> allowed = projects.forSearch(requestedProjects, LearningQuery.MAX_PROJECTS);
        if (allowed.isEmpty()) {
            return LearningArchivePage.empty(query.page());
        }
        LearningQuery narrowed = query.withProjects(allowed);
        return index.searchLearnings(narrowed).orElseGet(() -> archive.search(narrowed));
    }
}
