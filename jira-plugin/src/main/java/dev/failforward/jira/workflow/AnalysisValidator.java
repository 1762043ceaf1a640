package dev.failforward.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.incident.IncidentTransition;
import dev.failforward.core.lifecycle.FieldProblem;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * Before an incident goes to Learning review: it is classified without blame (failure type, category, process or
 * outcome failure) and analysed to its causes (the 5 whys).
 */
public class AnalysisValidator extends FailForwardValidator {

    @Inject
    public AnalysisValidator(IssueSnapshots snapshots, WorkflowRules rules, ProblemReporter reporter) {
        super(snapshots, rules, reporter);
    }

    @Override
    protected List<FieldProblem> problems(Issue issue, Map<?, ?> args, IssueSnapshots snapshots, WorkflowRules rules) {
        return rules.incidents().check(IncidentTransition.REVIEW_LEARNINGS, snapshots.incident(issue));
    }

    /** Workflow editor support for {@link AnalysisValidator}. */
    public static class Factory extends WorkflowModuleFactory {
        @Inject
        public Factory(@ComponentImport I18nResolver i18n) {
            super(i18n, "failforward.workflow.analysis.summary", List.of());
        }
    }
}
