package com.atlassian.jira.workflow;

import com.atlassian.jira.user.ApplicationUser;

/**
 * Stand-in for {@code com.atlassian.jira.workflow.WorkflowManager} from {@code com.atlassian.jira:jira-api} 11.3
 * (reference atlassian-api.md §2.7; {@code createWorkflow(ApplicationUser, JiraWorkflow) throws WorkflowException} as in
 * the indexed source of Jira's {@code MockWorkflowManager}; the draft members as in the indexed jira-api source of
 * {@code WorkflowManager}: {@code isActive} throws {@code WorkflowException}, {@code createDraftWorkflow} throws
 * {@code IllegalStateException, IllegalArgumentException}, {@code getDraftWorkflow} throws
 * {@code IllegalArgumentException}). Only the members Fail Forward calls.
 */
public interface WorkflowManager {
    /** @return the workflow, or null when there is none with that name */
    JiraWorkflow getWorkflow(String name);

    /** @return the workflow with a mutable descriptor, or null when there is none with that name */
    JiraWorkflow getWorkflowClone(String name);

    void createWorkflow(ApplicationUser creator, JiraWorkflow workflow) throws WorkflowException;

    /** Active workflows are assigned to a scheme used by a project: they are edited through a draft. */
    boolean isActive(JiraWorkflow workflow) throws WorkflowException;

    /** @return the draft of the named active workflow, or null when it has none */
    JiraWorkflow getDraftWorkflow(String parentWorkflowName) throws IllegalArgumentException;

    JiraWorkflow createDraftWorkflow(ApplicationUser user, String parentWorkflowName)
            throws IllegalStateException, IllegalArgumentException;

    /** Saves a "live" (inactive) or draft workflow. */
    void updateWorkflow(ApplicationUser user, JiraWorkflow workflow);

    /** Saves the draft workflow into the active workflow. */
    void overwriteActiveWorkflow(ApplicationUser user, String workflowName);
}
