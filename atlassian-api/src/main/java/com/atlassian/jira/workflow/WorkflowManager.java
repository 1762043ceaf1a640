package com.atlassian.jira.workflow;

import com.atlassian.jira.user.ApplicationUser;

/**
 * Stand-in for {@code com.atlassian.jira.workflow.WorkflowManager} from {@code com.atlassian.jira:jira-api} 11.3
 * (reference atlassian-api.md §2.7; {@code createWorkflow(ApplicationUser, JiraWorkflow) throws WorkflowException} as in
 * the indexed source of Jira's {@code MockWorkflowManager}). Only the members Fail Forward calls.
 */
public interface WorkflowManager {
    /** @return the workflow, or null when there is none with that name */
    JiraWorkflow getWorkflow(String name);

    void createWorkflow(ApplicationUser creator, JiraWorkflow workflow) throws WorkflowException;
}
