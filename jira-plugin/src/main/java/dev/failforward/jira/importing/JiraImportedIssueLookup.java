package dev.failforward.jira.importing;

import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.jira.failuredb.FollowUpIssues.IssueRef;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ofbiz.core.entity.GenericEntityException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ImportedIssueLookup} in Jira: the project's issue ids from the database ({@link IssueManager#getIssueIdsForProject}),
 * newest id first, each issue read until {@value #OLDER_IN_A_ROW} in a row were created before the claim. Jira's issue
 * ids grow with time, but a Data Center node takes them in blocks, so an issue of another node can have a lower id than
 * an older one: the run of older issues, not the first, ends the walk. Only issues created since the claim (less
 * {@link #SKEW} for the nodes' clocks) are read for the marker, so a lookup reads about as many issues as were created
 * since the interrupted import began. No search index is asked: one may lag behind, or miss an issue whose node died
 * before indexing it.
 */
@Named
public class JiraImportedIssueLookup implements ImportedIssueLookup {

    static final int OLDER_IN_A_ROW = 1_000;
    static final Duration SKEW = Duration.ofMinutes(5);

    private final IssueManager issueManager;
    private final ProjectManager projects;

    @Inject
    public JiraImportedIssueLookup(@ComponentImport IssueManager issueManager,
                                   @ComponentImport ProjectManager projects) {
        this.issueManager = Objects.requireNonNull(issueManager, "issueManager");
        this.projects = Objects.requireNonNull(projects, "projects");
    }

    @Override
    public Optional<IssueRef> find(String projectKey, String marker, Instant since) {
        Project project = projects.getProjectByCurrentKey(projectKey.toUpperCase(Locale.ROOT));
        if (project == null) {
            return Optional.empty();
        }
        List<Long> ids;
        try {
            ids = new ArrayList<>(issueManager.getIssueIdsForProject(project.getId()));
        } catch (GenericEntityException e) {
            // the import must not guess: without an answer the source is not created again (a duplicate could follow)
            throw new IllegalStateException("Jira could not list the issues of " + projectKey, e);
        }
        ids.sort(Comparator.reverseOrder());
        Instant from = since.minus(SKEW);
        int older = 0;
        for (Long id : ids) {
            MutableIssue issue = issueManager.getIssueObject(id);
            if (issue == null) {
                continue;
            }
            if (issue.getCreated() != null && issue.getCreated().toInstant().isBefore(from)) {
                if (++older >= OLDER_IN_A_ROW) {
                    break;
                }
                continue;
            }
            older = 0;
            if (issue.getDescription() != null && issue.getDescription().contains(marker)) {
                return Optional.of(new IssueRef(issue.getId(), issue.getKey()));
            }
        }
        return Optional.empty();
    }
}
