package com.atlassian.jira.workflow.condition;

import com.atlassian.jira.exception.DataAccessException;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.workflow.WorkflowFunctionUtils;
import com.opensymphony.workflow.Condition;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.jira.workflow.condition.AbstractJiraCondition} from
 * {@code com.atlassian.jira:jira-api} 11.3 (reference atlassian-api.md §2.6). Like Jira's, it reads the issue from
 * {@code originalissueobject} when present, else from {@code issue}.
 */
public abstract class AbstractJiraCondition extends WorkflowFunctionUtils implements Condition {

    protected Issue getIssue(Map transientVars) throws DataAccessException {
        Object original = transientVars.get("originalissueobject");
        Object issue = original != null ? original : transientVars.get("issue");
        if (!(issue instanceof Issue found)) {
            throw new DataAccessException("No issue in the workflow's transient variables");
        }
        return found;
    }
}
