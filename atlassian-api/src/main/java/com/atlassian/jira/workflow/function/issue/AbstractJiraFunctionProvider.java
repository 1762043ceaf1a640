package com.atlassian.jira.workflow.function.issue;

import com.atlassian.jira.exception.DataAccessException;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.workflow.WorkflowFunctionUtils;
import com.opensymphony.workflow.FunctionProvider;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.jira.workflow.function.issue.AbstractJiraFunctionProvider} from
 * {@code com.atlassian.jira:jira-api} 11.3 (reference atlassian-api.md §2.6, {@code @PublicSpi}). Like Jira's, it
 * reads the issue being transitioned from the transient variable {@code issue}.
 */
public abstract class AbstractJiraFunctionProvider extends WorkflowFunctionUtils implements FunctionProvider {

    protected MutableIssue getIssue(Map transientVars) throws DataAccessException {
        Object issue = transientVars.get("issue");
        if (!(issue instanceof MutableIssue mutable)) {
            throw new DataAccessException("No issue in the workflow's transient variables");
        }
        return mutable;
    }
}
