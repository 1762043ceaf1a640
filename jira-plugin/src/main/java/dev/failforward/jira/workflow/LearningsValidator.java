package dev.failforward.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.lifecycle.FieldProblem;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * Before an incident leaves Learning review: at least N learnings and M next steps (3 and 2 unless the workflow says
 * otherwise), so every failure is turned into something the team keeps.
 */
public class LearningsValidator extends FailForwardValidator {

    static final ModuleArg MIN_LEARNINGS = ModuleArg.number("minLearnings", 3, 1, 20, "failforward.workflow.arg.minLearnings");
    static final ModuleArg MIN_NEXT_STEPS = ModuleArg.number("minNextSteps", 2, 1, 20, "failforward.workflow.arg.minNextSteps");

    @Inject
    public LearningsValidator(IssueSnapshots snapshots, WorkflowRules rules, ProblemReporter reporter) {
        super(snapshots, rules, reporter);
    }

    @Override
    protected List<FieldProblem> problems(Issue issue, Map<?, ?> args, IssueSnapshots snapshots, WorkflowRules rules) {
        return rules.incidents(MIN_LEARNINGS.intIn(args), MIN_NEXT_STEPS.intIn(args)).learnings(snapshots.incident(issue));
    }

    /** Workflow editor support for {@link LearningsValidator}. */
    public static class Factory extends WorkflowModuleFactory {
        @Inject
        public Factory(@ComponentImport I18nResolver i18n) {
            super(i18n, "failforward.workflow.learnings.summary", List.of(MIN_LEARNINGS, MIN_NEXT_STEPS));
        }
    }
}
