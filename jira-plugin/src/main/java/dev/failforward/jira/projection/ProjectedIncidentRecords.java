package dev.failforward.jira.projection;

import dev.failforward.jira.importing.IncidentRecords;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Objects;

/** {@link IncidentRecords} by the projection itself: reads the issue and writes its record (safe to repeat). */
@Named
public class ProjectedIncidentRecords implements IncidentRecords {

    private final JiraIssueProjection projection;

    @Inject
    public ProjectedIncidentRecords(JiraIssueProjection projection) {
        this.projection = Objects.requireNonNull(projection, "projection");
    }

    @Override
    public void refresh(long issueId) {
        projection.project(issueId);
    }
}
