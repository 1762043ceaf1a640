package dev.failforward.jira.testing;

import com.atlassian.jira.bc.project.component.ProjectComponent;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.Project;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An issue that really holds custom field values, as Jira's does between a transition's screen and its store. Its
 * system fields are fixed: status "Open", updated when created, no labels, no components.
 */
public final class FakeIssue implements MutableIssue {

    private final Map<String, Object> values = new HashMap<>();
    private final String key;
    private com.atlassian.jira.user.ApplicationUser reporter;

    public FakeIssue(String key) {
        this.key = key;
    }

    @Override
    public Long getId() {
        return 10_000L + Math.abs(key.hashCode() % 1000);
    }

    @Override
    public com.atlassian.jira.user.ApplicationUser getReporter() {
        return reporter;
    }

    /** Sets the reporter (none unless set). */
    public void setReporter(com.atlassian.jira.user.ApplicationUser reporter) {
        this.reporter = reporter;
    }

    @Override
    public String getKey() {
        return key;
    }

    @Override
    public String getDescription() {
        return null;
    }

    @Override
    public String getSummary() {
        return "Summary of " + key;
    }

    @Override
    public IssueType getIssueType() {
        return null;
    }

    @Override
    public Project getProjectObject() {
        return null;
    }

    @Override
    public Timestamp getCreated() {
        return Timestamp.valueOf("2026-11-01 09:00:00");
    }

    @Override
    public Object getCustomFieldValue(CustomField customField) {
        return values.get(customField.getId());
    }

    @Override
    public void setCustomFieldValue(CustomField customField, Object value) {
        values.put(customField.getId(), value);
    }

    @Override
    public Status getStatus() {
        return OPEN;
    }

    @Override
    public Timestamp getUpdated() {
        return getCreated();
    }

    @Override
    public Set<Label> getLabels() {
        return Set.of();
    }

    @Override
    public Collection<ProjectComponent> getComponents() {
        return List.of();
    }

    @Override
    public com.atlassian.jira.issue.resolution.Resolution getResolution() {
        return null;
    }

    private static final Status OPEN = new Status() {
        @Override
        public String getId() {
            return "1";
        }

        @Override
        public String getName() {
            return "Open";
        }
    };
}
