package dev.failforward.preview.jira;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.buildtools.descriptor.PluginDescriptor;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.preview.plugin.PluginComponents;
import dev.failforward.jira.fields.IssueFields;
import dev.failforward.jira.projection.JiraIssueProjection;
import dev.failforward.jira.projection.ProjectionSetup;
import dev.failforward.jira.workflow.IssueSnapshots;
import dev.failforward.jira.workflow.ProblemReporter;

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
    private final PreviewIssueLinks links;
    /** The descriptor's workflow modules the preview could not create: "workflow-validator KEY" → why. */
    private final Map<String, String> notHostedModules;

    static final String PLUGIN_KEY = "dev.failforward.jira";

    public PreviewJira(ActiveObjects ao, FailureRecordRepository records, dev.failforward.jira.failuredb.RecordChanges changes,
                       com.atlassian.sal.api.pluginsettings.PluginSettingsFactory settings, I18nResolver pluginI18n,
                       I18nResolver previewI18n, Clock clock) {
        this(ao, records, changes, settings, pluginI18n, previewI18n, clock, id -> null);
    }

    /** @param otherIssues the issue of an id that is not one of the preview's own (a demo record's), or null */
    public PreviewJira(ActiveObjects ao, FailureRecordRepository records, dev.failforward.jira.failuredb.RecordChanges changes,
                       com.atlassian.sal.api.pluginsettings.PluginSettingsFactory settings, I18nResolver pluginI18n,
                       I18nResolver previewI18n, Clock clock,
                       java.util.function.LongFunction<com.atlassian.jira.issue.Issue> otherIssues) {
        this.issues = new PreviewIssues(ao, records, registry, clock);
        IssueFields fields = new IssueFields(registry);
        IssueSnapshots snapshots = new IssueSnapshots(fields);
        // the preview's issues carry one link type, "Recurrence", kept in the records themselves (PreviewIssueLinks)
        this.links = new PreviewIssueLinks(records, changes, id -> {
            com.atlassian.jira.issue.Issue issue = issues.getIssueObject(id);
            return issue != null ? issue : otherIssues.apply(id);
        });
        this.projection = new JiraIssueProjection(issues, links,
                new ProjectionSetup(settings), snapshots, fields, records,
                new dev.failforward.jira.persistence.AoWhyStepRepository(ao), changes,
                dev.failforward.jira.failuredb.CountsChanged.NONE,
                // the issue text the search index needs, as the plugin's projection keeps it
                new dev.failforward.jira.persistence.AoRecordTextStore(ao));
        // the workflow modules the descriptor declares (<workflow-validator|condition|function>), each created through
        // its constructor from what the plugin's Spring context would give it; one the preview cannot create is named
        ProblemReporter reporter = new ProblemReporter(pluginI18n, fields, new PreviewWorkflows.Screens());
        PluginComponents components = new PluginComponents(PLUGIN_KEY)
                .add(pluginI18n).add(fields).add(snapshots).add(reporter).add(registry)
                // the failure database, which the Close validator counts (learnings and action items of the issue)
                .add(new dev.failforward.jira.persistence.AoLearningRepository(ao))
                .add(new dev.failforward.jira.persistence.AoActionItemRepository(ao));
        Map<String, Object> modules = new LinkedHashMap<>();
        Map<String, String> notHosted = new LinkedHashMap<>();
        for (PluginDescriptor.WorkflowModule module : workflowModules()) {
            try {
                if (module.moduleClass() == null) {
                    throw new IllegalStateException("no <" + module.kind().substring("workflow-".length()) + "-class>");
                }
                Class<?> type = Class.forName(module.moduleClass(), true, PreviewJira.class.getClassLoader());
                modules.put(type.getName(), components.get(type));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                notHosted.put(module.kind() + " " + module.key(), e.toString());
            }
        }
        this.notHostedModules = Map.copyOf(notHosted);
        this.workflows = new PreviewWorkflows(modules, registry, issues, projection, previewI18n);
    }

    /** The Jira plugin's {@code <workflow-*>} modules, from its descriptor on the class path. */
    public static List<PluginDescriptor.WorkflowModule> workflowModules() {
        List<PluginDescriptor.WorkflowModule> found = new java.util.ArrayList<>();
        for (PluginDescriptor.Located located : PluginDescriptor.readAll(PreviewJira.class.getClassLoader(),
                PluginDescriptor.FILE)) {
            if (PLUGIN_KEY.equals(located.descriptor().key())) {
                found.addAll(located.descriptor().modules(PluginDescriptor.WorkflowModule.class));
            }
        }
        return found;
    }

    /** Workflow modules of the descriptor the preview cannot host, and why (empty when it hosts every one). */
    public Map<String, String> notHostedModules() {
        return notHostedModules;
    }

    /** The entity the preview's issue store needs migrated (Jira has its own issue tables). */
    public static Class<PreviewIssueEntity> entity() {
        return PreviewIssueEntity.class;
    }

    /** The entity of the preview's Task issues (the follow-ups of action items). */
    public static Class<PreviewTaskEntity> taskEntity() {
        return PreviewTaskEntity.class;
    }

    public PreviewWorkflows workflows() {
        return workflows;
    }

    public PreviewIssues issues() {
        return issues;
    }

    /** Jira's issue links in the preview (the "Recurrence" ones). */
    public PreviewIssueLinks links() {
        return links;
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
