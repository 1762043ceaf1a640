package dev.failforward.jira.workflow;

import com.atlassian.jira.workflow.condition.AbstractJiraCondition;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.opensymphony.module.propertyset.PropertySet;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * Hides "Start" until the experiment's plan is complete (hypothesis, measurable success and stop criteria, learning
 * goals, phase, budget and time-box within limits), so nobody is offered a button that can only fail.
 */
public class PlanCompleteCondition extends AbstractJiraCondition {

    private final IssueSnapshots snapshots;
    private final WorkflowRules rules;

    @Inject
    public PlanCompleteCondition(IssueSnapshots snapshots, WorkflowRules rules) {
        this.snapshots = snapshots;
        this.rules = rules;
    }

    @Override
    public boolean passesCondition(Map transientVars, Map args, PropertySet ps) {
        return rules.experiments().planComplete(snapshots.experiment(getIssue(transientVars)));
    }

    /** Workflow editor support for {@link PlanCompleteCondition}. */
    public static class Factory extends WorkflowModuleFactory {
        @Inject
        public Factory(@ComponentImport I18nResolver i18n) {
            super(i18n, "failforward.workflow.plancomplete.summary", List.of());
        }
    }
}
