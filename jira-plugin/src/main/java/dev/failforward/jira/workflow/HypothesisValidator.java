package dev.failforward.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.hypothesis.HypothesisLinter;
import dev.failforward.core.lifecycle.FieldKeys;
import dev.failforward.core.lifecycle.FieldProblem;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Before Ready / Running: the hypothesis is present and well-formed ("If X, then Y", measurable). The linter's errors
 * block; its suggestions (missing rationale, vague wording) block only if the workflow says so.
 */
public class HypothesisValidator extends FailForwardValidator {

    static final ModuleArg BLOCK_ON_SUGGESTIONS =
            ModuleArg.flag("blockOnSuggestions", false, "failforward.workflow.arg.blockOnSuggestions");

    private final HypothesisLinter linter = new HypothesisLinter();

    @Inject
    public HypothesisValidator(IssueSnapshots snapshots, WorkflowRules rules, ProblemReporter reporter) {
        super(snapshots, rules, reporter);
    }

    @Override
    protected List<FieldProblem> problems(Issue issue, Map<?, ?> args, IssueSnapshots snapshots, WorkflowRules rules) {
        String hypothesis = snapshots.experiment(issue).hypothesis();
        List<FieldProblem> problems = new ArrayList<>(rules.experiments().hypothesis(hypothesis));
        if (problems.isEmpty() && BLOCK_ON_SUGGESTIONS.booleanIn(args)) {
            linter.check(hypothesis).warnings().forEach(warning -> problems.add(new FieldProblem(
                    FieldKeys.HYPOTHESIS, warning.code().code(), warning.i18nKey(), warning.arguments())));
        }
        return problems;
    }

    /** Workflow editor support for {@link HypothesisValidator}. */
    public static class Factory extends WorkflowModuleFactory {
        @Inject
        public Factory(@ComponentImport I18nResolver i18n) {
            super(i18n, "failforward.workflow.hypothesis.summary", List.of(BLOCK_ON_SUGGESTIONS));
        }
    }
}
