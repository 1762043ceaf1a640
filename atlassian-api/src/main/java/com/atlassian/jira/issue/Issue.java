package com.atlassian.jira.issue;

import com.atlassian.jira.bc.project.component.ProjectComponent;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.Project;

import java.util.Collection;
import java.util.Set;

/**
 * Stand-in for {@code com.atlassian.jira.issue.Issue} from {@code com.atlassian.jira:jira-api} 11.3 (reference
 * atlassian-api.md §2.7); only the members Fail Forward calls. The real interface extends further Jira types.
 *
 * <p>{@link #getStatus()}, {@link #getUpdated()} (reference §2.7), {@link #getLabels()} (indexed jira source
 * {@code LabelsIndexer}: {@code Set<Label> labels = issue.getLabels()}) and {@link #getComponents()} (Jira 7+ code that
 * implements {@code Issue}: {@code Collection<ProjectComponent> getComponents()}) are abstract in the real interface.
 * Here they are {@code default} methods that throw, only so that implementations written before they were added (the
 * preview's issue, test fakes) still compile; a call site compiles to the same {@code invokeinterface} either way.
 */
public interface Issue {
    Long getId();

    String getKey();

    String getSummary();

    IssueType getIssueType();

    Project getProjectObject();

    java.sql.Timestamp getCreated();

    /** The value's type depends on the field: String for text fields, Timestamp for date-time, Option for selects, Double for numbers. */
    Object getCustomFieldValue(CustomField customField);

    default Status getStatus() {
        throw new UnsupportedOperationException("getStatus() is not implemented by " + getClass().getName());
    }

    default java.sql.Timestamp getUpdated() {
        throw new UnsupportedOperationException("getUpdated() is not implemented by " + getClass().getName());
    }

    default Set<Label> getLabels() {
        throw new UnsupportedOperationException("getLabels() is not implemented by " + getClass().getName());
    }

    default Collection<ProjectComponent> getComponents() {
        throw new UnsupportedOperationException("getComponents() is not implemented by " + getClass().getName());
    }
}
