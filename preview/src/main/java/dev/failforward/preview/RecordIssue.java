package dev.failforward.preview;

import com.atlassian.jira.bc.project.component.ProjectComponent;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.Project;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.preview.jira.PreviewIssue;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The issue behind a demo failure record, for the web panels of its read-only issue view: the key, summary and issue
 * type (the preview's Experiment and Incident ids) and project key the record carries; no custom field values (the
 * preview has none for a record without a preview issue). Also what the preview's {@code IssueManager} answers for a
 * demo record's id ("Write the retro").
 */
final class RecordIssue implements com.atlassian.jira.issue.MutableIssue {

    private record Type(String getId, String getName) implements IssueType {
        @Override
        public boolean isSubTask() {
            return false;
        }
    }

    private final FailureRecord record;

    RecordIssue(FailureRecord record) {
        this.record = record;
    }

    @Override
    public Long getId() {
        return record.issueId();
    }

    @Override
    public String getKey() {
        return record.issueKey();
    }

    @Override
    public String getDescription() {
        return null;
    }

    @Override
    public String getSummary() {
        return record.summary();
    }

    @Override
    public IssueType getIssueType() {
        return record.kind() == RecordKind.EXPERIMENT ? new Type(PreviewIssue.EXPERIMENT_TYPE_ID, "Experiment")
                : new Type(PreviewIssue.INCIDENT_TYPE_ID, "Incident");
    }

    /** The record's project, by its key (the preview has no project objects of its own). */
    @Override
    public Project getProjectObject() {
        return new DemoProject(record.projectKey());
    }

    private record DemoProject(String getKey) implements Project {
        @Override
        public Long getId() {
            return null;
        }

        @Override
        public String getName() {
            return getKey;
        }

        @Override
        public com.atlassian.jira.user.ApplicationUser getProjectLead() {
            return null;
        }
    }

    /** Read-only: a demo record's issue is not edited through Jira's API. */
    @Override
    public void setCustomFieldValue(CustomField customField, Object value) {
        throw new UnsupportedOperationException("a demo record's issue is read-only");
    }

    /** A demo record names no reporter (Jira's {@code Issue.getReporter()} may return {@code null}). */
    @Override
    public com.atlassian.jira.user.ApplicationUser getReporter() {
        return null;
    }

    @Override
    public Timestamp getCreated() {
        return Timestamp.from(record.createdAt());
    }

    @Override
    public Object getCustomFieldValue(CustomField customField) {
        return null;
    }

    @Override
    public Status getStatus() {
        return null;
    }

    @Override
    public Timestamp getUpdated() {
        return Timestamp.from(record.updatedAt());
    }

    @Override
    public Set<Label> getLabels() {
        return Set.of();
    }

    @Override
    public com.atlassian.jira.issue.resolution.Resolution getResolution() {
        return null;
    }

    @Override
    public Collection<ProjectComponent> getComponents() {
        return List.of();
    }
}
