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
 * implements {@code Issue}: {@code Collection<ProjectComponent> getComponents()}) are abstract, as in the real
 * interface.
 */
public interface Issue {
    Long getId();

    String getKey();

    String getSummary();

    /** The description, or {@code null} (reference §2.7: {@code String getDescription()}). */
    String getDescription();

    /** The reporter, or {@code null} (reference §2.7: {@code ApplicationUser getReporter()}). */
    com.atlassian.jira.user.ApplicationUser getReporter();

    IssueType getIssueType();

    Project getProjectObject();

    java.sql.Timestamp getCreated();

    /** The value's type depends on the field: String for text fields, Timestamp for date-time, Option for selects, Double for numbers. */
    Object getCustomFieldValue(CustomField customField);

    Status getStatus();

    java.sql.Timestamp getUpdated();

    Set<Label> getLabels();

    Collection<ProjectComponent> getComponents();

    /**
     * The resolution, or null while the issue is unresolved (Jira 8 renamed {@code getResolutionObject()} to this;
     * checked against Jira 8.8 code implementing the interface, cures-hub/cures-condec-jira {@code MockIssue}).
     */
    com.atlassian.jira.issue.resolution.Resolution getResolution();
}
