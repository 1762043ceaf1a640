package dev.failforward.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.lifecycle.FieldProblem;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/** When an incident is reported: when it was discovered, and times that make sense (reported and resolved after discovery). */
public class IncidentReportValidator extends FailForwardValidator {

    @Inject
    public IncidentReportValidator(IssueSnapshots snapshots, WorkflowRules rules, ProblemReporter reporter) {
        super(snapshots, rules, reporter);
    }

    @Override
    protected List<FieldProblem> problems(Issue issue, Map<?, ?> args, IssueSnapshots snapshots, WorkflowRules rules) {
        return rules.incidents().report(snapshots.incident(issue));
    }

    /** Workflow editor support for {@link IncidentReportValidator}. */
    public static class Factory extends WorkflowModuleFactory {
        @Inject
        public Factory(@ComponentImport I18nResolver i18n) {
            super(i18n, "failforward.workflow.report.summary", List.of());
        }
    }
}
