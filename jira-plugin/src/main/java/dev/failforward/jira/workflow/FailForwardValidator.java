package dev.failforward.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.opensymphony.module.propertyset.PropertySet;
import com.opensymphony.workflow.InvalidInputException;
import com.opensymphony.workflow.Validator;
import dev.failforward.core.lifecycle.FieldProblem;

import java.util.List;
import java.util.Map;

/**
 * Base of Fail Forward's workflow validators, which are shells: read the issue being transitioned and the module's
 * arguments, ask a core rule, and report its problems through {@link ProblemReporter} (STYLE.md habit 5).
 */
public abstract class FailForwardValidator implements Validator {

    private final IssueSnapshots snapshots;
    private final WorkflowRules rules;
    private final ProblemReporter reporter;

    protected FailForwardValidator(IssueSnapshots snapshots, WorkflowRules rules, ProblemReporter reporter) {
        this.snapshots = snapshots;
        this.rules = rules;
        this.reporter = reporter;
    }

    @Override
    public void validate(Map transientVars, Map args, PropertySet ps) throws InvalidInputException {
        Object issue = transientVars.get("issue");
        if (!(issue instanceof Issue jiraIssue)) {
            // Jira always passes the issue; without one there is nothing to judge
            return;
        }
        reporter.throwIfAny(problems(jiraIssue, args == null ? Map.of() : args, snapshots, rules), transientVars);
    }

    protected abstract List<FieldProblem> problems(Issue issue, Map<?, ?> args, IssueSnapshots snapshots, WorkflowRules rules);
}
