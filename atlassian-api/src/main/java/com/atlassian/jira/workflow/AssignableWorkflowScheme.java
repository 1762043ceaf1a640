package com.atlassian.jira.workflow;

/**
 * Stand-in for {@code com.atlassian.jira.workflow.AssignableWorkflowScheme} from {@code com.atlassian.jira:jira-api}
 * 11.3; checked against the indexed jira-api source ({@code Builder builder()};
 * {@code interface Builder extends WorkflowScheme.Builder<Builder>} with {@code setName}, {@code setDescription},
 * {@code build()}). Only the members Fail Forward calls.
 */
public interface AssignableWorkflowScheme extends WorkflowScheme {
    Builder builder();

    interface Builder extends WorkflowScheme.Builder<Builder> {
        Builder setName(String name);

        Builder setDescription(String description);

        AssignableWorkflowScheme build();
    }
}
