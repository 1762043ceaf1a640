package com.atlassian.jira.workflow;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.jira.workflow.WorkflowScheme} from {@code com.atlassian.jira:jira-api} 11.3
 * (reference atlassian-api.md §2.7: {@code getMappings()} issue type id → workflow name, the {@code null} key is the
 * default; {@code Builder.setMapping(String issueTypeId, String workflowName)}; the indexed jira-api source declares
 * {@code AssignableWorkflowScheme.Builder extends WorkflowScheme.Builder<Builder>}). Only the members Fail Forward calls.
 */
public interface WorkflowScheme {
    Long getId();

    Map<String, String> getMappings();

    interface Builder<T extends Builder<T>> {
        T setMapping(String issueTypeId, String workflowName);
    }
}
