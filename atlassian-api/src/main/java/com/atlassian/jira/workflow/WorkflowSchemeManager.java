package com.atlassian.jira.workflow;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.scheme.SchemeManager;

/**
 * Stand-in for {@code com.atlassian.jira.workflow.WorkflowSchemeManager} from {@code com.atlassian.jira:jira-api} 11.3;
 * checked against the indexed jira-api source of the interface ({@code extends SchemeManager};
 * {@code getWorkflowSchemeObj(long id)} null when unknown, {@code getWorkflowSchemeObj(Project)} never null,
 * {@code isUsingDefaultScheme(Project)}, {@code assignableBuilder()}, {@code createScheme},
 * {@code updateWorkflowScheme}). Only the members Fail Forward calls.
 */
public interface WorkflowSchemeManager extends SchemeManager {
    AssignableWorkflowScheme getWorkflowSchemeObj(long id);

    AssignableWorkflowScheme getWorkflowSchemeObj(Project project);

    boolean isUsingDefaultScheme(Project project);

    AssignableWorkflowScheme.Builder assignableBuilder();

    AssignableWorkflowScheme createScheme(AssignableWorkflowScheme workflowScheme);

    AssignableWorkflowScheme updateWorkflowScheme(AssignableWorkflowScheme scheme);
}
