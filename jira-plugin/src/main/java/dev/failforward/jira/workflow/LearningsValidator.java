package dev.failforward.jira.workflow;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.lifecycle.FieldProblem;
import dev.failforward.core.record.ActionItemRepository;
import dev.failforward.core.record.LearningRepository;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * Before an incident leaves Learning review: at least N learnings and M next steps (3 and 2 unless the workflow says
 * otherwise), so every failure is turned into something the team keeps.
 *
 * <p>Counts the failure database, the one home of learnings and next steps (the record page, retro header, archive and
 * KPIs count the same rows): the issue's learnings and its action items. The old "Learnings" / "Next steps" text
 * fields are not counted; their text was migrated into the failure database ({@code LegacyTextMigration}).
 */
public class LearningsValidator extends FailForwardValidator {

    static final ModuleArg MIN_LEARNINGS = ModuleArg.number("minLearnings", 3, 1, 20, "failforward.workflow.arg.minLearnings");
    static final ModuleArg MIN_NEXT_STEPS = ModuleArg.number("minNextSteps", 2, 1, 20, "failforward.workflow.arg.minNextSteps");

    private final LearningRepository learnings;
    private final ActionItemRepository actions;

    @Inject
    public LearningsValidator(IssueSnapshots snapshots, WorkflowRules rules, ProblemReporter reporter,
                              LearningRepository learnings, ActionItemRepository actions) {
        super(snapshots, rules, reporter);
        this.learnings = learnings;
        this.actions = actions;
    }

    @Override
    protected List<FieldProblem> problems(Issue issue, Map<?, ?> args, IssueSnapshots snapshots, WorkflowRules rules) {
        Long issueId = issue.getId();
        int learningCount = issueId == null ? 0 : learnings.countByRecord(issueId);
        int nextStepCount = issueId == null ? 0 : actions.findByRecord(issueId).size();
        return rules.incidents(MIN_LEARNINGS.intIn(args), MIN_NEXT_STEPS.intIn(args)).learnings(learningCount, nextStepCount);
    }

    /** Workflow editor support for {@link LearningsValidator}. */
    public static class Factory extends WorkflowModuleFactory {
        @Inject
        public Factory(@ComponentImport I18nResolver i18n) {
            super(i18n, "failforward.workflow.learnings.summary", List.of(MIN_LEARNINGS, MIN_NEXT_STEPS));
        }
    }
}
