package dev.failforward.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.criteria.CriteriaParser;
import dev.failforward.core.experiment.ExperimentSnapshot;
import dev.failforward.core.lifecycle.FieldKeys;
import dev.failforward.core.lifecycle.FieldProblem;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Before Ready / Running: success and stop criteria are written in advance and each is measurable (a metric with a
 * comparator and threshold, a deadline or a budget cap); the workflow may ask for more than one of each.
 */
public class CriteriaValidator extends FailForwardValidator {

    static final ModuleArg MIN_SUCCESS = ModuleArg.number("minSuccessCriteria", 1, 1, 10, "failforward.workflow.arg.minSuccessCriteria");
    static final ModuleArg MIN_STOP = ModuleArg.number("minStopCriteria", 1, 1, 10, "failforward.workflow.arg.minStopCriteria");

    private final CriteriaParser parser = new CriteriaParser();

    @Inject
    public CriteriaValidator(IssueSnapshots snapshots, WorkflowRules rules, ProblemReporter reporter) {
        super(snapshots, rules, reporter);
    }

    @Override
    protected List<FieldProblem> problems(Issue issue, Map<?, ?> args, IssueSnapshots snapshots, WorkflowRules rules) {
        ExperimentSnapshot experiment = snapshots.experiment(issue);
        List<FieldProblem> problems = new ArrayList<>(rules.experiments().criteria(experiment.successCriteria(), experiment.stopCriteria()));
        atLeast(problems, FieldKeys.SUCCESS_CRITERIA, experiment.successCriteria(), MIN_SUCCESS.intIn(args));
        atLeast(problems, FieldKeys.STOP_CRITERIA, experiment.stopCriteria(), MIN_STOP.intIn(args));
        return problems;
    }

    private void atLeast(List<FieldProblem> problems, String field, String text, int minimum) {
        boolean alreadyReported = problems.stream().anyMatch(p -> p.field().equals(field));
        int found = parser.parse(text).criteria().size();
        if (!alreadyReported && found < minimum) {
            problems.add(new FieldProblem(field, "criteria.tooFew", "failforward.workflow.criteria.tooFew." + field,
                    List.of(Integer.toString(minimum), Integer.toString(found))));
        }
    }

    /** Workflow editor support for {@link CriteriaValidator}. */
    public static class Factory extends WorkflowModuleFactory {
        @Inject
        public Factory(@ComponentImport I18nResolver i18n) {
            super(i18n, "failforward.workflow.criteria.summary", List.of(MIN_SUCCESS, MIN_STOP));
        }
    }
}
