package dev.failforward.preview.jira;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.jira.fields.IssueFields;
import dev.failforward.jira.projection.JiraIssueProjection;
import dev.failforward.jira.projection.ProjectionSetup;
import dev.failforward.jira.workflow.AnalysisValidator;
import dev.failforward.jira.workflow.CriteriaValidator;
import dev.failforward.jira.workflow.DecisionValidator;
import dev.failforward.jira.workflow.HypothesisValidator;
import dev.failforward.jira.workflow.IncidentReportValidator;
import dev.failforward.jira.workflow.IssueSnapshots;
import dev.failforward.jira.workflow.LearningsValidator;
import dev.failforward.jira.workflow.PlanCompleteCondition;
import dev.failforward.jira.workflow.PlanScaleValidator;
import dev.failforward.jira.workflow.ProblemReporter;
import dev.failforward.jira.workflow.StampTimeFunction;
import dev.failforward.jira.workflow.WorkflowRules;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The preview's "Jira" for experiments and incidents: fields, issues and the plugin's workflows with the plugin's own
 * validators, condition and post-function, wired through their constructors as the plugin's Spring context does; and
 * the plugin's {@link JiraIssueProjection}, which every create, edit and transition runs (as Jira's issue events make
 * it run) to write the issue's failure record.
 */
public final class PreviewJira {

    private final PreviewFieldRegistry registry = new PreviewFieldRegistry();
    private final PreviewIssues issues;
    private final PreviewWorkflows workflows;
    private final JiraIssueProjection projection;

    public PreviewJira(ActiveObjects ao, FailureRecordRepository records, dev.failforward.jira.failuredb.RecordChanges changes,
                       com.atlassian.sal.api.pluginsettings.PluginSettingsFactory settings, I18nResolver pluginI18n,
                       I18nResolver previewI18n, Clock clock) {
        this.issues = new PreviewIssues(ao, records, registry, clock);
        IssueFields fields = new IssueFields(registry);
        IssueSnapshots snapshots = new IssueSnapshots(fields);
        // the preview's issues have no links: the link manager finds none, and setup recorded no link types
        this.projection = new JiraIssueProjection(issues, issueId -> List.of(),
                new ProjectionSetup(settings), snapshots, fields, records,
                new dev.failforward.jira.persistence.AoWhyStepRepository(ao), changes);
        WorkflowRules rules = new WorkflowRules();
        ProblemReporter reporter = new ProblemReporter(pluginI18n, fields, new PreviewWorkflows.Screens());
        Map<String, Object> modules = new LinkedHashMap<>();
        for (Object module : List.of(
                new HypothesisValidator(snapshots, rules, reporter),
                new CriteriaValidator(snapshots, rules, reporter),
                new PlanScaleValidator(snapshots, rules, reporter),
                new DecisionValidator(snapshots, rules, reporter),
                new IncidentReportValidator(snapshots, rules, reporter),
                new AnalysisValidator(snapshots, rules, reporter),
                new LearningsValidator(snapshots, rules, reporter),
                new PlanCompleteCondition(snapshots, rules),
                new StampTimeFunction(fields))) {
            modules.put(module.getClass().getName(), module);
        }
        this.workflows = new PreviewWorkflows(modules, registry, issues, projection, previewI18n);
    }

    /** The entity the preview's issue store needs migrated (Jira has its own issue tables). */
    public static Class<PreviewIssueEntity> entity() {
        return PreviewIssueEntity.class;
    }

    public PreviewWorkflows workflows() {
        return workflows;
    }

    public PreviewIssues issues() {
        return issues;
    }

    public JiraIssueProjection projection() {
        return projection;
    }

    public PreviewFieldRegistry registry() {
        return registry;
    }

    /** A field's value as a form shows it ({@code ""} when empty). */
    public String formValue(PreviewIssue issue, dev.failforward.jira.fields.FailForwardField field) {
        return issues.codec().toForm(field, issue.getCustomFieldValue(registry.field(field).orElseThrow()));
    }
}
