package dev.failforward.jira.setup;

import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.FailForwardField.Kind;
import dev.failforward.jira.fields.FailForwardField.Scope;
import dev.failforward.jira.workflow.WorkflowXml;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static dev.failforward.jira.fields.FailForwardField.*;

/**
 * What Fail Forward creates in Jira, declared once: issue types, field types, screens and their tabs, statuses,
 * workflows, link types and schemes. Every user-visible name is an i18n key written out in full (the jar verifier
 * checks each {@code failforward.*} constant against the bundle). {@link JiraSetupService} reads this and does it.
 */
final class SetupSpec {

    /** Prefix of Jira's built-in custom field type and searcher keys. */
    static final String SYSTEM_TYPES = "com.atlassian.jira.plugin.system.customfieldtypes:";
    /** Prefix of our own field type and searcher keys: the plugin key (atlassian-plugin.xml's module keys follow). */
    static final String OWN_TYPES = "dev.failforward.jira:";

    /** Jira's status categories, by key. */
    static final String TO_DO = "new";
    static final String IN_PROGRESS = "indeterminate";
    static final String DONE = "done";

    /** System fields on the first tab of each edit/view screen. */
    static final List<String> SYSTEM_FIELDS = List.of("summary", "issuetype", "description", "reporter", "assignee", "labels");

    /** System fields of a create screen: Jira cannot create an issue from a screen without a summary. */
    static final List<String> CREATE_SYSTEM_FIELDS = List.of("summary", "issuetype", "description");

    /**
     * Fields no screen shows any more: learnings and next steps are written on the issue's Fail Forward panel (the
     * failure database is their one home); the fields stay only for the legacy-text migration. Setup takes them off
     * our screens of an older installation.
     */
    static final List<FailForwardField> RETIRED_FROM_SCREENS = List.of(LEARNINGS, NEXT_STEPS);

    // ------------------------------------------------------------------------------------------------ issue types

    static final IssueTypeSpec EXPERIMENT = new IssueTypeSpec("experiment", Scope.EXPERIMENT,
            "failforward.setup.issuetype.experiment.name", "failforward.setup.issuetype.experiment.description",
            "images/issuetypes/experiment.png",
            new ScreenSpec("failforward.setup.screen.experiment.name", "failforward.setup.screen.experiment.description",
                    "failforward.setup.screenscheme.experiment.name", "failforward.setup.screenscheme.experiment.description",
                    List.of(
                            tab("failforward.setup.screen.tab.plan", SYSTEM_FIELDS,
                                    HYPOTHESIS, SUCCESS_CRITERIA, STOP_CRITERIA, LEARNING_GOALS, PHASE, BUDGET, TIME_BOX_DAYS),
                            tab("failforward.setup.screen.tab.run", List.of(), STARTED_AT, BUDGET_SPENT),
                            tab("failforward.setup.screen.tab.decision", List.of(),
                                    OUTCOME, DECISION, DECISION_RATIONALE, OBSERVED_RESULTS, DECIDED_AT))),
            // create: only what the first step needs, the plan
            new StepScreenSpec("experiment_create", "failforward.setup.screen.experiment.create.name",
                    "failforward.setup.screen.experiment.create.description",
                    tab("failforward.setup.screen.tab.plan", CREATE_SYSTEM_FIELDS,
                            HYPOTHESIS, SUCCESS_CRITERIA, STOP_CRITERIA, LEARNING_GOALS, PHASE, BUDGET, TIME_BOX_DAYS)),
            List.of(
                    // Mark ready: its validators judge the plan, so the plan can be completed on the way
                    new StepScreenSpec("experiment_plan", "failforward.setup.screen.experiment.plan.name",
                            "failforward.setup.screen.experiment.plan.description",
                            tab("failforward.setup.screen.tab.plan", List.of(),
                                    HYPOTHESIS, SUCCESS_CRITERIA, STOP_CRITERIA, LEARNING_GOALS, PHASE, BUDGET, TIME_BOX_DAYS)),
                    // Decide: the result against the plan, and the decision
                    new StepScreenSpec("experiment_decide", "failforward.setup.screen.experiment.decide.name",
                            "failforward.setup.screen.experiment.decide.description",
                            tab("failforward.setup.screen.tab.decision", List.of(),
                                    OUTCOME, DECISION, DECISION_RATIONALE, OBSERVED_RESULTS))),
            new WorkflowSpec(WorkflowXml.EXPERIMENT, "failforward.setup.workflow.experiment.name", List.of(
                    new StatusSpec("DRAFT", "failforward.setup.status.draft.name",
                            "failforward.setup.status.draft.description", TO_DO),
                    new StatusSpec("READY", "failforward.setup.status.ready.name",
                            "failforward.setup.status.ready.description", TO_DO),
                    new StatusSpec("RUNNING", "failforward.setup.status.running.name",
                            "failforward.setup.status.running.description", IN_PROGRESS),
                    new StatusSpec("EVALUATING", "failforward.setup.status.evaluating.name",
                            "failforward.setup.status.evaluating.description", IN_PROGRESS),
                    new StatusSpec("DECIDED", "failforward.setup.status.decided.name",
                            "failforward.setup.status.decided.description", DONE))));

    static final IssueTypeSpec INCIDENT = new IssueTypeSpec("incident", Scope.INCIDENT,
            "failforward.setup.issuetype.incident.name", "failforward.setup.issuetype.incident.description",
            "images/issuetypes/incident.png",
            new ScreenSpec("failforward.setup.screen.incident.name", "failforward.setup.screen.incident.description",
                    "failforward.setup.screenscheme.incident.name", "failforward.setup.screenscheme.incident.description",
                    List.of(
                            tab("failforward.setup.screen.tab.report", SYSTEM_FIELDS,
                                    DISCOVERED_AT, REPORTED_AT, RESOLVED_AT, IMPACT),
                            tab("failforward.setup.screen.tab.analysis", List.of(),
                                    FAILURE_TYPE, FAILURE_CATEGORY, FAILURE_MODE, FIVE_WHYS, CONTRIBUTING_FACTORS))),
            // create: what happened; "reported at" is stamped by the Report post-function
            new StepScreenSpec("incident_create", "failforward.setup.screen.incident.create.name",
                    "failforward.setup.screen.incident.create.description",
                    tab("failforward.setup.screen.tab.report", CREATE_SYSTEM_FIELDS, DISCOVERED_AT, IMPACT)),
            List.of(
                    // Review learnings: its validator needs the analysis
                    new StepScreenSpec("incident_analysis", "failforward.setup.screen.incident.analysis.name",
                            "failforward.setup.screen.incident.analysis.description",
                            tab("failforward.setup.screen.tab.analysis", List.of(),
                                    FAILURE_TYPE, FAILURE_CATEGORY, FAILURE_MODE, FIVE_WHYS, CONTRIBUTING_FACTORS))),
            new WorkflowSpec(WorkflowXml.INCIDENT, "failforward.setup.workflow.incident.name", List.of(
                    new StatusSpec("REPORTED", "failforward.setup.status.reported.name",
                            "failforward.setup.status.reported.description", TO_DO),
                    new StatusSpec("ANALYSING", "failforward.setup.status.analysing.name",
                            "failforward.setup.status.analysing.description", IN_PROGRESS),
                    new StatusSpec("LEARNING_REVIEW", "failforward.setup.status.learningreview.name",
                            "failforward.setup.status.learningreview.description", IN_PROGRESS),
                    new StatusSpec("CLOSED", "failforward.setup.status.closed.name",
                            "failforward.setup.status.closed.description", DONE))));

    static final List<IssueTypeSpec> ISSUE_TYPES = List.of(EXPERIMENT, INCIDENT);

    // ------------------------------------------------------------------------------------------------ link types

    static final List<LinkTypeSpec> LINK_TYPES = List.of(
            new LinkTypeSpec("failforward-pivot", "failforward.setup.linktype.pivot.name",
                    "failforward.setup.linktype.pivot.outward", "failforward.setup.linktype.pivot.inward"),
            new LinkTypeSpec("failforward-recurrence", "failforward.setup.linktype.recurrence.name",
                    "failforward.setup.linktype.recurrence.outward", "failforward.setup.linktype.recurrence.inward"),
            // an action item handed to a Jira issue: the issue "is a follow-up of" the experiment or incident
            new LinkTypeSpec("failforward-followup", "failforward.setup.linktype.followup.name",
                    "failforward.setup.linktype.followup.outward", "failforward.setup.linktype.followup.inward"));

    // ------------------------------------------------------------------------------------------------ schemes

    static final NamedSpec ISSUE_TYPE_SCREEN_SCHEME = new NamedSpec("failforward.setup.issuetypescreenscheme.name",
            "failforward.setup.issuetypescreenscheme.description");
    static final NamedSpec ISSUE_TYPE_SCHEME = new NamedSpec("failforward.setup.issuetypescheme.name",
            "failforward.setup.issuetypescheme.description");
    static final NamedSpec WORKFLOW_SCHEME = new NamedSpec("failforward.setup.workflowscheme.name",
            "failforward.setup.workflowscheme.description");

    private SetupSpec() {
    }

    /** How the field is stored (or calculated) and searched. */
    static FieldTypeSpec fieldType(FailForwardField field) {
        return switch (field) {
            case LEARNING_COUNT -> new FieldTypeSpec(OWN_TYPES + "learning-count", OWN_TYPES + "count-searcher");
            case NEXT_STEP_COUNT -> new FieldTypeSpec(OWN_TYPES + "next-step-count", OWN_TYPES + "count-searcher");
            default -> fieldType(field.kind());
        };
    }

    /** How a field of each kind (but {@link Kind#COUNT}, whose type is per field) is stored and searched. */
    static FieldTypeSpec fieldType(Kind kind) {
        return switch (kind) {
            case TEXT_AREA -> new FieldTypeSpec(SYSTEM_TYPES + "textarea", SYSTEM_TYPES + "textsearcher");
            case SELECT -> new FieldTypeSpec(SYSTEM_TYPES + "select", SYSTEM_TYPES + "multiselectsearcher");
            case DATE_TIME -> new FieldTypeSpec(SYSTEM_TYPES + "datetime", SYSTEM_TYPES + "datetimerange");
            case NUMBER -> new FieldTypeSpec(SYSTEM_TYPES + "float", SYSTEM_TYPES + "exactnumber");
            case COUNT -> throw new IllegalArgumentException("a count's type is per field: fieldType(FailForwardField)");
        };
    }

    static IssueTypeSpec issueType(Scope scope) {
        return switch (scope) {
            case EXPERIMENT -> EXPERIMENT;
            case INCIDENT -> INCIDENT;
            case BOTH -> throw new IllegalArgumentException("two issue types: issueTypes(Scope)");
        };
    }

    /** The issue types a field of this scope belongs to (its one field context's issue types). */
    static List<IssueTypeSpec> issueTypes(Scope scope) {
        return scope == Scope.BOTH ? ISSUE_TYPES : List.of(issueType(scope));
    }

    /** Every i18n key above, for tests and for the bundle. */
    static Set<String> i18nKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (IssueTypeSpec type : ISSUE_TYPES) {
            keys.add(type.nameKey());
            keys.add(type.descriptionKey());
            keys.addAll(List.of(type.screen().nameKey(), type.screen().descriptionKey(),
                    type.screen().schemeNameKey(), type.screen().schemeDescriptionKey()));
            type.screen().tabs().forEach(tab -> keys.add(tab.nameKey()));
            for (StepScreenSpec step : type.stepScreens()) {
                keys.addAll(List.of(step.nameKey(), step.descriptionKey(), step.tab().nameKey()));
            }
            keys.add(type.workflow().nameKey());
            type.workflow().statuses().forEach(status -> keys.addAll(List.of(status.nameKey(), status.descriptionKey())));
        }
        LINK_TYPES.forEach(link -> keys.addAll(List.of(link.nameKey(), link.outwardKey(), link.inwardKey())));
        for (NamedSpec scheme : List.of(ISSUE_TYPE_SCREEN_SCHEME, ISSUE_TYPE_SCHEME, WORKFLOW_SCHEME)) {
            keys.add(scheme.nameKey());
            keys.add(scheme.descriptionKey());
        }
        return keys;
    }

    private static TabSpec tab(String nameKey, List<String> systemFields, FailForwardField... fields) {
        return new TabSpec(nameKey, systemFields, List.of(fields));
    }

    // ------------------------------------------------------------------------------------------------ the shapes

    /**
     * One of our issue types, with its screens and workflow: {@code screen} (tabbed, every field) to edit and view,
     * {@code createScreen} to create, and a screen per workflow transition that asks for input.
     */
    record IssueTypeSpec(String key, Scope scope, String nameKey, String descriptionKey, String iconResource,
                         ScreenSpec screen, StepScreenSpec createScreen, List<StepScreenSpec> transitionScreens,
                         WorkflowSpec workflow) {
        IssueTypeSpec {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(createScreen, "createScreen");
            transitionScreens = List.copyOf(transitionScreens);
        }

        /** The create screen, then the transition screens. */
        List<StepScreenSpec> stepScreens() {
            List<StepScreenSpec> all = new ArrayList<>();
            all.add(createScreen);
            all.addAll(transitionScreens);
            return all;
        }

        /** The file name of the icon, e.g. {@code experiment.png}. */
        String iconFileName() {
            return iconResource.substring(iconResource.lastIndexOf('/') + 1);
        }
    }

    /** The full screen of an issue type (edit and view) and the screen scheme that shows it (and the create screen). */
    record ScreenSpec(String nameKey, String descriptionKey, String schemeNameKey, String schemeDescriptionKey,
                      List<TabSpec> tabs) {
        ScreenSpec {
            tabs = List.copyOf(tabs);
        }

        /** Our fields in screen order. */
        List<FailForwardField> fields() {
            List<FailForwardField> fields = new ArrayList<>();
            tabs.forEach(tab -> fields.addAll(tab.fields()));
            return fields;
        }

        /** Position of the tab that holds the field. */
        int tabOf(FailForwardField field) {
            for (int i = 0; i < tabs.size(); i++) {
                if (tabs.get(i).fields().contains(field)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(field + " is not on this screen");
        }
    }

    /**
     * A one-tab screen for one step: creating the issue, or one workflow transition. {@code key} is its stable key:
     * the key its Jira id is recorded under and, for a transition screen, the {@code ${screen.KEY}} placeholder in the
     * workflow XML.
     */
    record StepScreenSpec(String key, String nameKey, String descriptionKey, TabSpec tab) {
        StepScreenSpec {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(tab, "tab");
        }

        List<FailForwardField> fields() {
            return tab.fields();
        }
    }

    /** A screen tab: Jira's system fields first, then ours. */
    record TabSpec(String nameKey, List<String> systemFields, List<FailForwardField> fields) {
        TabSpec {
            systemFields = List.copyOf(systemFields);
            fields = List.copyOf(fields);
        }
    }

    /** A workflow from an XML resource, and the statuses its {@code ${status.X}} placeholders name. */
    record WorkflowSpec(WorkflowXml xml, String nameKey, List<StatusSpec> statuses) {
        WorkflowSpec {
            statuses = List.copyOf(statuses);
        }
    }

    /** A status; {@code key} is the placeholder name in the workflow XML, {@code categoryKey} Jira's category key. */
    record StatusSpec(String key, String nameKey, String descriptionKey, String categoryKey) {
    }

    /** An issue link type; {@code key} is the stable key its Jira id is recorded under. */
    record LinkTypeSpec(String key, String nameKey, String outwardKey, String inwardKey) {
    }

    /** Jira's type and searcher keys for a custom field. */
    record FieldTypeSpec(String typeKey, String searcherKey) {
    }

    /** Something with only a name and a description. */
    record NamedSpec(String nameKey, String descriptionKey) {
    }
}
