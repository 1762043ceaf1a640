package dev.failforward.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.lifecycle.FieldProblem;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/** Before an experiment leaves Evaluating: an outcome, a decision (persevere, pivot, stop, scale up) and its rationale. */
public class DecisionValidator extends FailForwardValidator {

    @Inject
    public DecisionValidator(IssueSnapshots snapshots, WorkflowRules rules, ProblemReporter reporter) {
        super(snapshots, rules, reporter);
    }

    @Override
    protected List<FieldProblem> problems(Issue issue, Map<?, ?> args, IssueSnapshots snapshots, WorkflowRules rules) {
        return rules.experiments().decision(snapshots.experiment(issue));
    }

    /** Workflow editor support for {@link DecisionValidator}. */
    public static class Factory extends WorkflowModuleFactory {
        @Inject
        public Factory(@ComponentImport I18nResolver i18n) {
            super(i18n, "failforward.workflow.decision.summary", List.of());
        }
    }
}
