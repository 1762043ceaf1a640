package dev.failforward.jira.setup;

import com.atlassian.beehive.ClusterLockService;
import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.config.FieldConfig;
import com.atlassian.jira.issue.fields.config.FieldConfigScheme;
import com.atlassian.jira.issue.fields.screen.FieldScreen;
import com.atlassian.jira.issue.fields.screen.FieldScreenScheme;
import com.atlassian.jira.issue.fields.screen.FieldScreenTab;
import com.atlassian.jira.issue.fields.screen.issuetype.IssueTypeScreenScheme;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.workflow.AssignableWorkflowScheme;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.setup.SetupReport.Kind;
import dev.failforward.jira.setup.SetupReport.Outcome;
import dev.failforward.jira.setup.SetupSpec.FieldTypeSpec;
import dev.failforward.jira.setup.SetupSpec.IssueTypeSpec;
import dev.failforward.jira.setup.SetupSpec.LinkTypeSpec;
import dev.failforward.jira.setup.SetupSpec.ScreenSpec;
import dev.failforward.jira.setup.SetupSpec.StatusSpec;
import dev.failforward.jira.setup.SetupSpec.StepScreenSpec;
import dev.failforward.jira.setup.SetupSpec.TabSpec;
import dev.failforward.jira.setup.SetupSpec.WorkflowSpec;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.failforward.jira.setup.SetupSpec.ISSUE_TYPES;
import static dev.failforward.jira.setup.SetupSpec.LINK_TYPES;

/**
 * Puts Fail Forward into Jira: the Experiment and Incident issue types with their icons, every
 * {@link FailForwardField} (type, searcher, a context limited to its issue type, select options), per issue type a
 * tabbed screen to edit and view, a create screen with only what the first step needs and a screen per transition that
 * asks for input (only that step's fields), screen schemes and an issue type screen scheme, the statuses and the two
 * workflows, the Pivots and Recurrence link types, an issue type scheme and a workflow scheme. {@link #addToProject}
 * then lets a project use them.
 *
 * <p><b>Upgrades.</b> A re-run brings an older installation up to date: fields retired from the screens
 * ({@link SetupSpec#RETIRED_FROM_SCREENS}) are taken off ours, the create screen is added to our screen schemes, and an
 * installed workflow whose transitions show other screens than its XML names (the old single screen on every
 * transition) gets the XML's transition screens; a transition showing a screen an admin chose is left alone.
 *
 * <p><b>Idempotent.</b> Everything is found or created by stable key: the Jira id recorded in {@link SetupRecords}
 * first; if Jira no longer knows that id, the thing is created again and the new id recorded. Things Jira names
 * uniquely (issue types, statuses, link types, workflows) are adopted by name when nothing valid is recorded, because
 * creating a second one would fail; things Jira identifies only by id (fields, options, screens, schemes) are never
 * looked up by name. Each id is recorded as soon as the thing exists, so a run that fails half-way continues there.
 *
 * <p><b>Cluster-safe.</b> Both operations run under one cluster-wide lock ({@value #LOCK_NAME}, beehive's
 * {@link ClusterLockService}, backed by Jira's database on Data Center), and read the records only once they hold it:
 * when two nodes start at once, the second waits, then finds everything the first created.
 *
 * <p>When it runs is the caller's business (a lifecycle launcher, an admin action); names and descriptions are
 * resolved through {@link I18nResolver} in the language of whoever runs it.
 */
@Named
public class JiraSetupService {

    /** The cluster lock's name: namespaced, plain ASCII, as beehive asks. */
    static final String LOCK_NAME = "dev.failforward.jira.setup";
    /** How long a node waits for another node's setup before giving up. */
    static final Duration LOCK_WAIT = Duration.ofMinutes(5);
    /** Report key of the things there is one of. */
    static final String ONE = "failforward";

    private static final Logger log = LoggerFactory.getLogger(JiraSetupService.class);

    private final ClusterLockService clusterLockService;
    private final PluginSettingsFactory pluginSettingsFactory;
    private final I18nResolver i18n;
    private final JiraIssueTypes issueTypes;
    private final JiraFields fields;
    private final JiraScreens screens;
    private final JiraStatuses statuses;
    private final JiraWorkflows workflows;
    private final JiraLinkTypes linkTypes;
    private final ClassLoader resources;
    private final Duration lockWait;

    @Inject
    public JiraSetupService(@ComponentImport ClusterLockService clusterLockService,
                            @ComponentImport PluginSettingsFactory pluginSettingsFactory,
                            @ComponentImport I18nResolver i18n,
                            JiraIssueTypes issueTypes, JiraFields fields, JiraScreens screens, JiraStatuses statuses,
                            JiraWorkflows workflows, JiraLinkTypes linkTypes) {
        this(clusterLockService, pluginSettingsFactory, i18n, issueTypes, fields, screens, statuses, workflows, linkTypes,
                JiraSetupService.class.getClassLoader(), LOCK_WAIT);
    }

    /** For tests: where the icon and workflow resources come from, and how long to wait for the lock. */
    JiraSetupService(ClusterLockService clusterLockService, PluginSettingsFactory pluginSettingsFactory,
                     I18nResolver i18n, JiraIssueTypes issueTypes, JiraFields fields, JiraScreens screens,
                     JiraStatuses statuses, JiraWorkflows workflows, JiraLinkTypes linkTypes,
                     ClassLoader resources, Duration lockWait) {
        this.clusterLockService = Objects.requireNonNull(clusterLockService, "clusterLockService");
        this.pluginSettingsFactory = Objects.requireNonNull(pluginSettingsFactory, "pluginSettingsFactory");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.issueTypes = Objects.requireNonNull(issueTypes, "issueTypes");
        this.fields = Objects.requireNonNull(fields, "fields");
        this.screens = Objects.requireNonNull(screens, "screens");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.workflows = Objects.requireNonNull(workflows, "workflows");
        this.linkTypes = Objects.requireNonNull(linkTypes, "linkTypes");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
    }

    /**
     * Makes sure everything Fail Forward needs exists in Jira, creating what is missing.
     *
     * @throws SetupException when Jira refuses something, a workflow resource is missing or invalid, or another node
     *                        holds the setup lock for longer than {@link #LOCK_WAIT}; any other failure is wrapped in
     *                        one too ({@code failforward.setup.error.unexpected}), after it was logged
     */
    public SetupReport ensureInstalled() {
        return underClusterLock(report -> new Run(report).install());
    }

    /**
     * Makes sure everything is installed, then lets the project use it, without taking away what the project has: our
     * issue types join its issue type scheme; its issue type screen scheme and workflow scheme get entries for our
     * issue types where they have none (a project on Jira's default schemes is switched to ours, whose defaults are
     * Jira's). An issue type the project already maps elsewhere is left alone, with a warning.
     */
    public SetupReport addToProject(Project project) {
        Objects.requireNonNull(project, "project");
        return underClusterLock(report -> {
            Run run = new Run(report);
            run.addTo(project, run.install());
        });
    }

    private SetupReport underClusterLock(Consumer<SetupReport.Builder> work) {
        Lock lock = clusterLockService.getLockForName(LOCK_NAME);
        boolean locked;
        try {
            locked = lock.tryLock(lockWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("failforward.setup.error.interrupted", "Interrupted waiting for the setup lock", e);
        }
        if (!locked) {
            throw new SetupException("failforward.setup.error.busy",
                    "Another node held the setup lock " + LOCK_NAME + " for more than " + lockWait);
        }
        try {
            SetupReport.Builder report = SetupReport.builder();
            work.accept(report);
            SetupReport done = report.build();
            log.info("Fail Forward setup: {} created, {} warnings", done.created().size(), done.warnings().size());
            log.debug("Fail Forward setup: {}", done);
            return done;
        } catch (SetupException e) {
            log.error("Fail Forward setup failed: {}", e.getMessage(), e);
            throw e;
        } catch (RuntimeException e) {
            log.error("Fail Forward setup failed", e);
            throw new SetupException("failforward.setup.error.unexpected", "Fail Forward setup failed: " + e, e,
                    String.valueOf(e.getMessage()));
        } finally {
            lock.unlock();
        }
    }

    /** What one run found or created, for {@link Run#addTo}. */
    private record Installed(Map<IssueTypeSpec, IssueType> issueTypes, Map<IssueTypeSpec, FieldScreenScheme> screenSchemes,
                             IssueTypeScreenScheme issueTypeScreenScheme, Map<IssueTypeSpec, JiraWorkflow> workflows,
                             AssignableWorkflowScheme workflowScheme) {
        String typeId(IssueTypeSpec spec) {
            return issueTypes.get(spec).getId();
        }
    }

    /** A thing and what this run did about it. */
    private record Ensured<T>(T thing, Outcome outcome) {
    }

    /** One run, under the lock: the records as they are now, and the report. */
    private final class Run {

        private final SetupRecords records = SetupRecords.in(pluginSettingsFactory);
        private final SetupReport.Builder report;

        Run(SetupReport.Builder report) {
            this.report = report;
        }

        Installed install() {
            Map<IssueTypeSpec, IssueType> types = new LinkedHashMap<>();
            ISSUE_TYPES.forEach(spec -> types.put(spec, issueType(spec)));

            Map<FailForwardField, CustomField> customFields = new EnumMap<>(FailForwardField.class);
            for (FailForwardField field : FailForwardField.values()) {
                customFields.put(field, fieldWithOptions(field,
                        SetupSpec.issueTypes(field.scope()).stream().map(types::get).toList()));
            }

            Map<IssueTypeSpec, FieldScreenScheme> screenSchemes = new LinkedHashMap<>();
            Map<String, String> stepScreenIds = new LinkedHashMap<>();
            Set<String> ourScreenIds = new LinkedHashSet<>();
            for (IssueTypeSpec spec : ISSUE_TYPES) {
                FieldScreen screen = screen(spec, customFields);
                ourScreenIds.add(String.valueOf(screen.getId()));
                Map<StepScreenSpec, FieldScreen> steps = new LinkedHashMap<>();
                for (StepScreenSpec step : spec.stepScreens()) {
                    FieldScreen stepScreen = stepScreen(step, customFields);
                    steps.put(step, stepScreen);
                    stepScreenIds.put(step.key(), String.valueOf(stepScreen.getId()));
                }
                screenSchemes.put(spec, screenScheme(spec, screen, steps.get(spec.createScreen())));
            }
            ourScreenIds.addAll(stepScreenIds.values());
            IssueTypeScreenScheme issueTypeScreenScheme = issueTypeScreenScheme(types, screenSchemes);

            Map<IssueTypeSpec, JiraWorkflow> typeWorkflows = new LinkedHashMap<>();
            for (IssueTypeSpec spec : ISSUE_TYPES) {
                typeWorkflows.put(spec, workflow(spec, statusIds(spec.workflow()), stepScreenIds, ourScreenIds));
            }

            LINK_TYPES.forEach(this::linkType);
            issueTypeScheme(types);
            AssignableWorkflowScheme workflowScheme = workflowScheme(types, typeWorkflows);
            return new Installed(types, screenSchemes, issueTypeScreenScheme, typeWorkflows, workflowScheme);
        }

        // -------------------------------------------------------------------------------------------- issue types

        private IssueType issueType(IssueTypeSpec spec) {
            String name = text(spec.nameKey());
            return ensure(Kind.ISSUE_TYPE, spec.key(), SetupRecords.issueTypeKey(spec.key()),
                    issueTypes::byId,
                    () -> issueTypes.byName(name),
                    () -> issueTypes.create(name, text(spec.descriptionKey()), icon(spec)),
                    IssueType::getId).thing();
        }

        /** Our icon, uploaded once; Jira's default icon if the upload fails (the type works without it). */
        private long icon(IssueTypeSpec spec) {
            String key = SetupRecords.iconKey(spec.key());
            Optional<Long> recorded = records.number(key);
            if (recorded.isPresent() && issueTypes.iconExists(recorded.get())) {
                return recorded.get();
            }
            try (InputStream png = resources.getResourceAsStream(spec.iconResource())) {
                if (png == null) {
                    throw new IOException(spec.iconResource() + " is not in the plugin");
                }
                long avatarId = issueTypes.uploadIcon(spec.iconFileName(), png);
                records.put(key, avatarId);
                return avatarId;
            } catch (IOException | RuntimeException e) {
                log.warn("Fail Forward setup: the {} icon could not be uploaded; using Jira's default icon", spec.key(), e);
                report.warn("failforward.setup.warning.icon", text(spec.nameKey()), String.valueOf(e.getMessage()));
                return issueTypes.defaultIcon();
            }
        }

        // -------------------------------------------------------------------------------------------- fields

        private CustomField fieldWithOptions(FailForwardField field, List<IssueType> onlyFor) {
            FieldTypeSpec type = SetupSpec.fieldType(field);
            Ensured<CustomField> customField = ensure(Kind.FIELD, field.key(), SetupRecords.fieldKey(field),
                    fields::byId,
                    Optional::empty,
                    () -> fields.create(text(field.nameI18nKey()), text(field.descriptionI18nKey()),
                            type.typeKey(), type.searcherKey(), onlyFor),
                    CustomField::getId);
            if (!field.options().isEmpty()) {
                options(field, customField.thing(), customField.outcome().created());
            }
            return customField.thing();
        }

        /** The select options, in {@link FailForwardField#options()} order, recorded as stable value → option id. */
        private void options(FailForwardField field, CustomField customField, boolean newField) {
            Optional<FieldConfig> config = fields.config(customField);
            if (config.isEmpty()) {
                report.warn("failforward.setup.warning.nocontext", text(field.nameI18nKey()), customField.getId());
                return;
            }
            Map<String, String> optionIds = newField ? new LinkedHashMap<>() : records.optionIds(field);
            long sequence = 0;
            for (String value : field.options()) {
                String reportKey = field.key() + "." + value;
                Optional<Long> recorded = Optional.ofNullable(optionIds.get(value)).flatMap(SetupRecords::parseLong);
                if (recorded.isPresent() && fields.option(recorded.get()).isPresent()) {
                    report.add(Kind.FIELD_OPTION, reportKey, Outcome.FOUND, recorded.get());
                } else {
                    Option option = fields.createOption(config.get(), sequence, text(field.optionI18nKey(value)));
                    optionIds.put(value, option.getOptionId().toString());
                    records.putMap(SetupRecords.optionsKey(field), optionIds);
                    report.add(Kind.FIELD_OPTION, reportKey, recorded.isPresent() ? Outcome.RECREATED : Outcome.CREATED,
                            option.getOptionId());
                }
                sequence++;
            }
        }

        // -------------------------------------------------------------------------------------------- screens

        private FieldScreen screen(IssueTypeSpec type, Map<FailForwardField, CustomField> customFields) {
            Ensured<FieldScreen> screen = ensure(Kind.SCREEN, type.key(), SetupRecords.screenKey(type.key()),
                    id -> SetupRecords.parseLong(id).flatMap(screens::screen),
                    Optional::empty,
                    () -> createScreen(type.screen(), customFields),
                    created -> String.valueOf(created.getId()));
            if (!screen.outcome().created()) {
                boolean added = addMissingFields(type.screen(), screen.thing(), customFields);
                if (removeRetiredFields(screen.thing(), customFields) | added) {
                    report.markUpdated(Kind.SCREEN, type.key());
                }
            }
            return screen.thing();
        }

        /** A one-tab screen for creating an issue or for one transition, found again by its key. */
        private FieldScreen stepScreen(StepScreenSpec spec, Map<FailForwardField, CustomField> customFields) {
            Ensured<FieldScreen> screen = ensure(Kind.SCREEN, spec.key(), SetupRecords.screenKey(spec.key()),
                    id -> SetupRecords.parseLong(id).flatMap(screens::screen),
                    Optional::empty,
                    () -> {
                        FieldScreen created = screens.createScreen(text(spec.nameKey()), text(spec.descriptionKey()));
                        FieldScreenTab tab = screens.addTab(created, text(spec.tab().nameKey()));
                        spec.tab().systemFields().forEach(fieldId -> screens.addField(tab, fieldId));
                        spec.fields().forEach(field -> screens.addField(tab, customFields.get(field).getId()));
                        return created;
                    },
                    created -> String.valueOf(created.getId()));
            if (!screen.outcome().created()) {
                boolean added = false;
                for (FailForwardField field : spec.fields()) {
                    String fieldId = customFields.get(field).getId();
                    if (!screens.contains(screen.thing(), fieldId)) {
                        List<FieldScreenTab> tabs = screens.tabs(screen.thing());
                        screens.addField(tabs.isEmpty() ? screens.addTab(screen.thing(), text(spec.tab().nameKey())) : tabs.get(0), fieldId);
                        added = true;
                    }
                }
                if (added) {
                    report.markUpdated(Kind.SCREEN, spec.key());
                }
            }
            return screen.thing();
        }

        /** Takes the fields no screen shows any more off a screen of an older installation; true if there were any. */
        private boolean removeRetiredFields(FieldScreen screen, Map<FailForwardField, CustomField> customFields) {
            boolean removed = false;
            for (FailForwardField field : SetupSpec.RETIRED_FROM_SCREENS) {
                String fieldId = customFields.get(field).getId();
                if (screens.contains(screen, fieldId)) {
                    screens.removeField(screen, fieldId);
                    removed = true;
                }
            }
            return removed;
        }

        private FieldScreen createScreen(ScreenSpec spec, Map<FailForwardField, CustomField> customFields) {
            FieldScreen screen = screens.createScreen(text(spec.nameKey()), text(spec.descriptionKey()));
            for (TabSpec tabSpec : spec.tabs()) {
                FieldScreenTab tab = screens.addTab(screen, text(tabSpec.nameKey()));
                tabSpec.systemFields().forEach(fieldId -> screens.addField(tab, fieldId));
                tabSpec.fields().forEach(field -> screens.addField(tab, customFields.get(field).getId()));
            }
            return screen;
        }

        /** A field created again after its screen (its old id gone from the screen) goes back onto its tab. */
        private boolean addMissingFields(ScreenSpec spec, FieldScreen screen, Map<FailForwardField, CustomField> customFields) {
            boolean added = false;
            for (FailForwardField field : spec.fields()) {
                String fieldId = customFields.get(field).getId();
                if (!screens.contains(screen, fieldId)) {
                    screens.addField(tabFor(spec, screen, field), fieldId);
                    added = true;
                }
            }
            return added;
        }

        /** The field's tab by position; the last tab if an admin removed tabs; a new first tab if none is left. */
        private FieldScreenTab tabFor(ScreenSpec spec, FieldScreen screen, FailForwardField field) {
            List<FieldScreenTab> tabs = screens.tabs(screen);
            int position = spec.tabOf(field);
            if (position < tabs.size()) {
                return tabs.get(position);
            }
            return tabs.isEmpty() ? screens.addTab(screen, text(spec.tabs().get(position).nameKey())) : tabs.get(tabs.size() - 1);
        }

        /** Our screen scheme: the create screen to create, the full screen for everything else. */
        private FieldScreenScheme screenScheme(IssueTypeSpec type, FieldScreen screen, FieldScreen createScreen) {
            Ensured<FieldScreenScheme> scheme = ensure(Kind.SCREEN_SCHEME, type.key(), SetupRecords.screenSchemeKey(type.key()),
                    id -> SetupRecords.parseLong(id).flatMap(screens::screenScheme),
                    Optional::empty,
                    () -> screens.createScreenScheme(text(type.screen().schemeNameKey()),
                            text(type.screen().schemeDescriptionKey()), screen),
                    created -> String.valueOf(created.getId()));
            boolean created = scheme.outcome().created();
            boolean everyOperation = !created && screens.showForEveryOperation(scheme.thing(), screen);
            boolean create = screens.showForCreate(scheme.thing(), createScreen); // a new scheme gets its create item here
            if (!created && (everyOperation || create)) {
                report.markUpdated(Kind.SCREEN_SCHEME, type.key());
            }
            return scheme.thing();
        }

        private IssueTypeScreenScheme issueTypeScreenScheme(Map<IssueTypeSpec, IssueType> types,
                                                            Map<IssueTypeSpec, FieldScreenScheme> screenSchemes) {
            Ensured<IssueTypeScreenScheme> scheme = ensure(Kind.ISSUE_TYPE_SCREEN_SCHEME, ONE,
                    SetupRecords.ISSUE_TYPE_SCREEN_SCHEME,
                    id -> SetupRecords.parseLong(id).flatMap(screens::issueTypeScreenScheme),
                    Optional::empty,
                    () -> screens.createIssueTypeScreenScheme(text(SetupSpec.ISSUE_TYPE_SCREEN_SCHEME.nameKey()),
                            text(SetupSpec.ISSUE_TYPE_SCREEN_SCHEME.descriptionKey())),
                    created -> String.valueOf(created.getId()));
            boolean changed = false;
            for (IssueTypeSpec spec : ISSUE_TYPES) {
                String typeId = types.get(spec).getId();
                FieldScreenScheme target = screenSchemes.get(spec);
                if (!screens.screenSchemeFor(scheme.thing(), typeId).equals(Optional.ofNullable(target.getId()))) {
                    screens.map(scheme.thing(), typeId, target);
                    changed = true;
                }
            }
            if (changed && !scheme.outcome().created()) {
                report.markUpdated(Kind.ISSUE_TYPE_SCREEN_SCHEME, ONE);
            }
            return scheme.thing();
        }

        // -------------------------------------------------------------------------------------------- workflows

        /** The workflow's statuses, as placeholder name → Jira status id. */
        private Map<String, String> statusIds(WorkflowSpec workflow) {
            Map<String, String> ids = new LinkedHashMap<>();
            for (StatusSpec spec : workflow.statuses()) {
                String name = text(spec.nameKey());
                Status status = ensure(Kind.STATUS, spec.key(), SetupRecords.statusKey(spec.key()),
                        statuses::byId,
                        () -> statuses.byName(name),
                        () -> statuses.create(name, text(spec.descriptionKey()), spec.categoryKey()),
                        Status::getId).thing();
                ids.put(spec.key(), status.getId());
            }
            return ids;
        }

        private JiraWorkflow workflow(IssueTypeSpec type, Map<String, String> statusIds, Map<String, String> screenIds,
                                      Set<String> ourScreenIds) {
            WorkflowSpec spec = type.workflow();
            String name = text(spec.nameKey());
            Ensured<JiraWorkflow> workflow = ensure(Kind.WORKFLOW, type.key(), SetupRecords.workflowKey(type.key()),
                    workflows::byName,
                    () -> workflows.byName(name),
                    () -> workflows.create(name, workflowXml(spec, statusIds, screenIds), spec.xml().resource()),
                    JiraWorkflow::getName);
            if (!workflow.outcome().created()) {
                upgradeTransitionScreens(type, workflow.thing(), screenIds, ourScreenIds);
            }
            return workflow.thing();
        }

        /**
         * Gives each transition of an installed workflow the screen its XML names now (or none), where it shows another
         * one of ours (an older version's single screen), a screen Jira no longer has, or none. A screen an admin chose
         * is kept. Never fails the setup: when Jira refuses (say, no user to author the draft while the plugin starts),
         * a warning asks to run the setup again from the admin page.
         */
        private void upgradeTransitionScreens(IssueTypeSpec type, JiraWorkflow workflow, Map<String, String> screenIds,
                                              Set<String> ourScreenIds) {
            Map<Integer, String> changes = new LinkedHashMap<>();
            try {
                Map<Integer, String> current = workflows.transitionScreens(workflow);
                type.workflow().xml().transitionScreens().forEach((action, screenKey) -> {
                    if (!current.containsKey(action)) {
                        return; // an admin removed the transition
                    }
                    String wanted = screenKey == null ? null : screenIds.get(screenKey);
                    String has = current.get(action);
                    if (Objects.equals(has, wanted)) {
                        return;
                    }
                    boolean adminsScreen = has != null && !ourScreenIds.contains(has)
                            && SetupRecords.parseLong(has).flatMap(screens::screen).isPresent();
                    if (!adminsScreen) {
                        changes.put(action, wanted);
                    }
                });
                if (!changes.isEmpty()) {
                    workflows.setTransitionScreens(workflow, changes);
                    report.markUpdated(Kind.WORKFLOW, type.key());
                }
            } catch (SetupException e) {
                log.warn("Fail Forward setup: the transition screens of {} were not updated: {}", workflow.getName(), e.getMessage());
                report.warn("failforward.setup.warning.transitionscreens", workflow.getName(), i18n.getText(e.i18nKey(), e.arguments().toArray(new java.io.Serializable[0])));
            } catch (RuntimeException e) {
                log.warn("Fail Forward setup: the transition screens of {} were not updated", workflow.getName(), e);
                report.warn("failforward.setup.warning.transitionscreens", workflow.getName(), String.valueOf(e.getMessage()));
            }
        }

        /** The workflow XML with this instance's status and screen ids in place of its placeholders. */
        private String workflowXml(WorkflowSpec spec, Map<String, String> statusIds, Map<String, String> screenIds) {
            String resource = spec.xml().resource();
            if (resources.getResource(resource) == null) {
                throw new SetupException("failforward.setup.error.workflow.missing",
                        "The workflow resource " + resource + " is missing from the plugin", resource);
            }
            try {
                return spec.xml().render(statusIds, screenIds);
            } catch (RuntimeException e) {
                throw new SetupException("failforward.setup.error.workflow.invalid",
                        "The workflow " + resource + " could not be loaded: " + e.getMessage(), e,
                        resource, String.valueOf(e.getMessage()));
            }
        }

        // -------------------------------------------------------------------------------------------- link types

        private void linkType(LinkTypeSpec spec) {
            String name = text(spec.nameKey());
            ensure(Kind.LINK_TYPE, spec.key(), SetupRecords.linkTypeKey(spec.key()),
                    id -> SetupRecords.parseLong(id).flatMap(linkTypes::byId),
                    () -> linkTypes.byName(name),
                    () -> linkTypes.create(name, text(spec.outwardKey()), text(spec.inwardKey())),
                    created -> String.valueOf(created.getId()));
        }

        // -------------------------------------------------------------------------------------------- schemes

        /** Our issue type scheme holds our two issue types (for projects made for Fail Forward). */
        private void issueTypeScheme(Map<IssueTypeSpec, IssueType> types) {
            List<String> typeIds = new ArrayList<>();
            types.values().forEach(type -> typeIds.add(type.getId()));
            Ensured<FieldConfigScheme> scheme = ensure(Kind.ISSUE_TYPE_SCHEME, ONE, SetupRecords.ISSUE_TYPE_SCHEME,
                    id -> SetupRecords.parseLong(id).flatMap(issueTypes::scheme),
                    Optional::empty,
                    () -> issueTypes.createScheme(text(SetupSpec.ISSUE_TYPE_SCHEME.nameKey()),
                            text(SetupSpec.ISSUE_TYPE_SCHEME.descriptionKey()), typeIds),
                    created -> String.valueOf(created.getId()));
            if (!scheme.outcome().created() && !records.list(SetupRecords.ISSUE_TYPE_SCHEME_TYPES).equals(typeIds)) {
                issueTypes.setTypes(scheme.thing(), typeIds); // an issue type was created again: its new id replaces the old
                report.markUpdated(Kind.ISSUE_TYPE_SCHEME, ONE);
            }
            records.putList(SetupRecords.ISSUE_TYPE_SCHEME_TYPES, typeIds);
        }

        private AssignableWorkflowScheme workflowScheme(Map<IssueTypeSpec, IssueType> types,
                                                        Map<IssueTypeSpec, JiraWorkflow> typeWorkflows) {
            Map<String, String> mappings = new LinkedHashMap<>();
            ISSUE_TYPES.forEach(spec -> mappings.put(types.get(spec).getId(), typeWorkflows.get(spec).getName()));
            Ensured<AssignableWorkflowScheme> scheme = ensure(Kind.WORKFLOW_SCHEME, ONE, SetupRecords.WORKFLOW_SCHEME,
                    id -> SetupRecords.parseLong(id).flatMap(workflows::scheme),
                    Optional::empty,
                    () -> workflows.createScheme(text(SetupSpec.WORKFLOW_SCHEME.nameKey()),
                            text(SetupSpec.WORKFLOW_SCHEME.descriptionKey()), mappings),
                    created -> String.valueOf(created.getId()));
            if (scheme.outcome().created()) {
                return scheme.thing();
            }
            Map<String, String> current = workflows.mappings(scheme.thing());
            Map<String, String> differing = new LinkedHashMap<>();
            mappings.forEach((typeId, workflow) -> {
                if (!workflow.equals(current.get(typeId))) {
                    differing.put(typeId, workflow);
                }
            });
            if (differing.isEmpty()) {
                return scheme.thing();
            }
            report.markUpdated(Kind.WORKFLOW_SCHEME, ONE);
            return workflows.map(scheme.thing(), differing);
        }

        // -------------------------------------------------------------------------------------------- a project

        void addTo(Project project, Installed installed) {
            addIssueTypes(project, installed);
            addScreens(project, installed);
            addWorkflows(project, installed);
        }

        private void addIssueTypes(Project project, Installed installed) {
            Set<String> has = issueTypes.typeIdsOf(project);
            List<String> missing = new ArrayList<>();
            ISSUE_TYPES.forEach(spec -> {
                if (!has.contains(installed.typeId(spec))) {
                    missing.add(installed.typeId(spec));
                }
            });
            FieldConfigScheme scheme = issueTypes.schemeOf(project);
            String schemeId = scheme == null ? null : String.valueOf(scheme.getId());
            if (missing.isEmpty()) {
                report.add(Kind.PROJECT_ISSUE_TYPES, project.getKey(), Outcome.FOUND, schemeId);
                return;
            }
            if (scheme == null || issueTypes.isDefault(scheme)) {
                missing.forEach(issueTypes::addToDefaultScheme); // the default scheme holds every issue type
            } else {
                Set<String> all = new LinkedHashSet<>(has);
                all.addAll(missing);
                issueTypes.setTypes(scheme, all);
            }
            report.add(Kind.PROJECT_ISSUE_TYPES, project.getKey(), Outcome.UPDATED, schemeId);
        }

        private void addScreens(Project project, Installed installed) {
            IssueTypeScreenScheme ours = installed.issueTypeScreenScheme();
            IssueTypeScreenScheme current = screens.schemeOf(project);
            if (current != null && Objects.equals(current.getId(), ours.getId())) {
                report.add(Kind.PROJECT_SCREENS, project.getKey(), Outcome.FOUND, ours.getId());
                return;
            }
            if (current == null || screens.isDefault(current)) {
                screens.use(project, current, ours); // ours shows Jira's default screens for every other type
                report.add(Kind.PROJECT_SCREENS, project.getKey(), Outcome.UPDATED, ours.getId());
                return;
            }
            boolean changed = false;
            for (IssueTypeSpec spec : ISSUE_TYPES) {
                FieldScreenScheme screenScheme = installed.screenSchemes().get(spec);
                Optional<Long> mapped = screens.screenSchemeFor(current, installed.typeId(spec));
                if (mapped.isEmpty()) {
                    screens.map(current, installed.typeId(spec), screenScheme);
                    changed = true;
                } else if (!mapped.get().equals(screenScheme.getId())) {
                    report.warn("failforward.setup.warning.screensmapped", project.getKey(),
                            installed.issueTypes().get(spec).getName());
                }
            }
            report.add(Kind.PROJECT_SCREENS, project.getKey(), changed ? Outcome.UPDATED : Outcome.FOUND, current.getId());
        }

        private void addWorkflows(Project project, Installed installed) {
            AssignableWorkflowScheme ours = installed.workflowScheme();
            if (workflows.usesDefaultScheme(project)) {
                workflows.use(project, ours); // ours sends every other type to Jira's default workflow
                report.add(Kind.PROJECT_WORKFLOWS, project.getKey(), Outcome.UPDATED, ours.getId());
                return;
            }
            AssignableWorkflowScheme current = workflows.schemeOf(project);
            if (Objects.equals(current.getId(), ours.getId())) {
                report.add(Kind.PROJECT_WORKFLOWS, project.getKey(), Outcome.FOUND, ours.getId());
                return;
            }
            Map<String, String> has = workflows.mappings(current);
            Map<String, String> missing = new LinkedHashMap<>();
            for (IssueTypeSpec spec : ISSUE_TYPES) {
                String typeId = installed.typeId(spec);
                String wanted = installed.workflows().get(spec).getName();
                String mapped = has.get(typeId);
                if (mapped == null) {
                    missing.put(typeId, wanted);
                } else if (!mapped.equals(wanted)) {
                    report.warn("failforward.setup.warning.workflowmapped", project.getKey(),
                            installed.issueTypes().get(spec).getName(), mapped);
                }
            }
            if (!missing.isEmpty()) {
                workflows.map(current, missing);
            }
            report.add(Kind.PROJECT_WORKFLOWS, project.getKey(), missing.isEmpty() ? Outcome.FOUND : Outcome.UPDATED,
                    current.getId());
        }

        // -------------------------------------------------------------------------------------------- find or create

        /**
         * The recorded thing if Jira still has it; else the one Jira has by its unique name (if the kind has unique
         * names); else a new one. Whatever is returned is recorded.
         */
        private <T> Ensured<T> ensure(Kind kind, String key, String recordKey,
                                      Function<String, Optional<T>> byRecordedId, Supplier<Optional<T>> byUniqueName,
                                      Supplier<T> create, Function<T, String> idOf) {
            Optional<String> recorded = records.string(recordKey);
            if (recorded.isPresent()) {
                Optional<T> found = byRecordedId.apply(recorded.get());
                if (found.isPresent()) {
                    report.add(kind, key, Outcome.FOUND, recorded.get());
                    return new Ensured<>(found.get(), Outcome.FOUND);
                }
                log.warn("Fail Forward setup: {} {} was recorded as {}, which Jira no longer has", kind, key, recorded.get());
            }
            Optional<T> adopted = byUniqueName.get();
            if (adopted.isPresent()) {
                String id = idOf.apply(adopted.get());
                records.put(recordKey, id);
                report.add(kind, key, Outcome.ADOPTED, id);
                return new Ensured<>(adopted.get(), Outcome.ADOPTED);
            }
            T created = create.get();
            String id = idOf.apply(created);
            records.put(recordKey, id);
            Outcome outcome = recorded.isPresent() ? Outcome.RECREATED : Outcome.CREATED;
            report.add(kind, key, outcome, id);
            return new Ensured<>(created, outcome);
        }

        private String text(String i18nKey) {
            return i18n.getText(i18nKey);
        }
    }
}
