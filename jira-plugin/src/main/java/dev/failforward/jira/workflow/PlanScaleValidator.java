package dev.failforward.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.lifecycle.FieldKeys;
import dev.failforward.core.lifecycle.FieldProblem;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before Ready / Running: the rest of the plan — learning goals, a phase, and a budget and time-box within that
 * phase's limits, so the experiment stays small and non-catastrophic.
 */
public class PlanScaleValidator extends FailForwardValidator {

    private static final Set<String> FIELDS = Set.of(FieldKeys.LEARNING_GOALS, FieldKeys.PHASE, FieldKeys.BUDGET, FieldKeys.TIME_BOX_DAYS);

    @Inject
    public PlanScaleValidator(IssueSnapshots snapshots, WorkflowRules rules, ProblemReporter reporter) {
        super(snapshots, rules, reporter);
    }

    @Override
    protected List<FieldProblem> problems(Issue issue, Map<?, ?> args, IssueSnapshots snapshots, WorkflowRules rules) {
        return rules.experiments().plan(snapshots.experiment(issue)).stream().filter(p -> FIELDS.contains(p.field())).toList();
    }

    /** Workflow editor support for {@link PlanScaleValidator}. */
    public static class Factory extends WorkflowModuleFactory {
        @Inject
        public Factory(@ComponentImport I18nResolver i18n) {
            super(i18n, "failforward.workflow.planscale.summary", List.of());
        }
    }
}
