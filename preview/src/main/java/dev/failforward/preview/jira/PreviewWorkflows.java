package dev.failforward.preview.jira;

import com.atlassian.sal.api.message.I18nResolver;
import com.opensymphony.workflow.Condition;
import com.opensymphony.workflow.FunctionProvider;
import com.opensymphony.workflow.InvalidInputException;
import com.opensymphony.workflow.Validator;
import com.opensymphony.workflow.WorkflowException;
import com.opensymphony.workflow.loader.AbstractDescriptor;
import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.ConditionDescriptor;
import com.opensymphony.workflow.loader.ConditionsDescriptor;
import com.opensymphony.workflow.loader.FunctionDescriptor;
import com.opensymphony.workflow.loader.StepDescriptor;
import com.opensymphony.workflow.loader.ValidatorDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import com.opensymphony.workflow.loader.WorkflowLoader;
import dev.failforward.core.experiment.ExperimentStatus;
import dev.failforward.core.incident.IncidentStatus;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.projection.JiraIssueProjection;
import dev.failforward.jira.setup.FailForwardScreens;
import dev.failforward.jira.workflow.WorkflowXml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the plugin's own workflow XML the way Jira does for the parts that are ours: the steps and transitions, the
 * transition screens, and our validators, conditions and post-functions, in the order the XML lists them. Jira's own
 * functions in the XML (store the issue, re-index, fire the event) are done by the preview itself: it saves the
 * issue, then runs the plugin's {@link JiraIssueProjection} for it, as the issue event makes the plugin do in Jira.
 */
public final class PreviewWorkflows {

    /** A transition offered on an issue. */
    public record Transition(int id, String name, String toStatus, boolean hasScreen) {
    }

    /** What a create, edit or transition did: the saved issue, or the errors Jira would show and nothing saved. */
    public record Result(PreviewIssue issue, Map<String, String> fieldErrors, List<String> errors) {
        public boolean ok() {
            return issue != null;
        }
    }

    static final String SCREEN_FIELDS = "dev.failforward.preview.screenFieldIds";

    private final Map<RecordKind, WorkflowDescriptor> workflows = new LinkedHashMap<>();
    private final Map<String, Object> modules;
    private final PreviewFieldRegistry registry;
    private final PreviewIssues issues;
    private final JiraIssueProjection projection;
    private final I18nResolver i18n;

    PreviewWorkflows(Map<String, Object> modules, PreviewFieldRegistry registry, PreviewIssues issues,
                     JiraIssueProjection projection, I18nResolver i18n) {
        this.modules = Map.copyOf(modules);
        this.registry = registry;
        this.issues = issues;
        this.projection = projection;
        this.i18n = i18n;
        workflows.put(RecordKind.EXPERIMENT, load(WorkflowXml.EXPERIMENT, ExperimentStatus.values()));
        workflows.put(RecordKind.INCIDENT, load(WorkflowXml.INCIDENT, IncidentStatus.values()));
        Set<String> missing = new java.util.TreeSet<>();
        for (WorkflowDescriptor workflow : workflows.values()) {
            for (String className : classNames(workflow)) {
                if (!this.modules.containsKey(className) && !DONE_BY_THE_PREVIEW.contains(className)) {
                    missing.add(className);
                }
            }
        }
        this.unhosted = List.copyOf(missing);
    }

    /**
     * Jira's own workflow classes in our XML, whose work the preview does itself: it creates and stores the issue, sets
     * its status, keeps no change history, comments or index, fires no event but runs the projection, and lets the demo
     * users create issues.
     */
    static final Set<String> DONE_BY_THE_PREVIEW = Set.of(
            "com.atlassian.jira.workflow.function.event.FireIssueEventFunction",
            "com.atlassian.jira.workflow.function.issue.GenerateChangeHistoryFunction",
            "com.atlassian.jira.workflow.function.issue.IssueCreateFunction",
            "com.atlassian.jira.workflow.function.issue.IssueReindexFunction",
            "com.atlassian.jira.workflow.function.issue.UpdateIssueStatusFunction",
            "com.atlassian.jira.workflow.function.misc.CreateCommentFunction",
            "com.atlassian.jira.workflow.validator.PermissionValidator");

    /** The classes the workflow XML names that neither the plugin's modules nor the preview itself provide. */
    private final List<String> unhosted;

    /**
     * The workflow XML's validator, condition and function classes that nothing in the preview runs (empty when it
     * runs them all); a transition that reaches one fails with its name rather than skipping it.
     */
    public List<String> unhosted() {
        return unhosted;
    }

    private static Set<String> classNames(WorkflowDescriptor workflow) {
        Set<String> names = new java.util.LinkedHashSet<>();
        List<ActionDescriptor> actions = new ArrayList<>();
        for (Object a : workflow.getInitialActions()) {
            actions.add((ActionDescriptor) a);
        }
        for (Object s : workflow.getSteps()) {
            for (Object a : ((StepDescriptor) s).getActions()) {
                actions.add((ActionDescriptor) a);
            }
        }
        for (Object a : workflow.getGlobalActions()) {
            actions.add((ActionDescriptor) a);
        }
        for (ActionDescriptor action : actions) {
            for (Object v : action.getValidators()) {
                names.add(String.valueOf(((ValidatorDescriptor) v).getArgs().get("class.name")));
            }
            if (action.getRestriction() != null) {
                List<Object> conditions = new ArrayList<>();
                flatten(action.getRestriction().getConditions(), conditions);
                for (Object c : conditions) {
                    names.add(String.valueOf(((ConditionDescriptor) c).getArgs().get("class.name")));
                }
            }
            for (Object f : action.getPreFunctions()) {
                names.add(String.valueOf(((FunctionDescriptor) f).getArgs().get("class.name")));
            }
            if (action.getUnconditionalResult() != null) {
                for (Object f : action.getUnconditionalResult().getPostFunctions()) {
                    names.add(String.valueOf(((FunctionDescriptor) f).getArgs().get("class.name")));
                }
                for (Object f : action.getUnconditionalResult().getPreFunctions()) {
                    names.add(String.valueOf(((FunctionDescriptor) f).getArgs().get("class.name")));
                }
            }
            for (Object f : action.getPostFunctions()) {
                names.add(String.valueOf(((FunctionDescriptor) f).getArgs().get("class.name")));
            }
        }
        return names;
    }

    /** "LEARNING_REVIEW" → "Learning review": the status names the workflows' steps carry. */
    public static String statusName(String statusId) {
        String words = statusId.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public List<Transition> available(PreviewIssue issue) {
        List<Transition> transitions = new ArrayList<>();
        WorkflowDescriptor workflow = workflows.get(issue.kind());
        for (Object a : step(workflow, issue.status()).getActions()) {
            ActionDescriptor action = (ActionDescriptor) a;
            if (conditionsPass(action, vars(issue, issue))) {
                transitions.add(new Transition(action.getId(), action.getName(), target(workflow, action), "fieldscreen".equals(action.getView())));
            }
        }
        return transitions;
    }

    /** The fields of the issue type's edit and view screen (every field, tab by tab), as setup configures it in Jira. */
    public List<FailForwardField> screenFields(RecordKind kind) {
        return FailForwardScreens.editAndView(scope(kind));
    }

    /** The fields of the issue type's create screen: only what the first step needs, as setup configures it. */
    public List<FailForwardField> createFields(RecordKind kind) {
        return FailForwardScreens.create(scope(kind));
    }

    /**
     * The fields of a transition's screen: the screen the workflow XML names for it ({@code ${screen.KEY}}), with the
     * fields setup puts on that screen; none for a transition without a screen or one the issue's workflow lacks.
     */
    public List<FailForwardField> transitionFields(RecordKind kind, int actionId) {
        for (Object s : workflows.get(kind).getSteps()) {
            for (Object a : ((StepDescriptor) s).getActions()) {
                ActionDescriptor action = (ActionDescriptor) a;
                if (action.getId() == actionId) {
                    return screenOf(action);
                }
            }
        }
        return List.of();
    }

    private static List<FailForwardField> screenOf(ActionDescriptor action) {
        if (!"fieldscreen".equals(action.getView())) {
            return List.of();
        }
        Object key = action.getMetaAttributes().get("jira.fieldscreen.id");
        return key == null ? List.of() : FailForwardScreens.transition(key.toString()).orElse(List.of());
    }

    private static FailForwardField.Scope scope(RecordKind kind) {
        return kind == RecordKind.EXPERIMENT ? FailForwardField.Scope.EXPERIMENT : FailForwardField.Scope.INCIDENT;
    }

    public Result create(RecordKind kind, String projectKey, String summary, Map<String, String> form) {
        return create(kind, projectKey, summary, null, form);
    }

    /**
     * The create step with a description stored by the same save (Jira's issue service creates an issue with its
     * description in one call; the import's crash safety relies on the marker it carries being there from the start).
     */
    public Result create(RecordKind kind, String projectKey, String summary, String description,
                         Map<String, String> form) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        String title = summary == null ? "" : summary.strip();
        if (title.isEmpty()) {
            fieldErrors.put("summary", i18n.getText("preview.error.summary.required"));
        } else if (title.length() > 255) {
            fieldErrors.put("summary", i18n.getText("preview.error.summary.toolong", 255));
        }
        PreviewIssue issue = issues.draft(kind, projectKey, title);
        if (description != null) {
            issue.setDescription(description);
        }
        applyForm(issue, createFields(kind), form, fieldErrors);
        if (!fieldErrors.isEmpty()) {
            return new Result(null, fieldErrors, List.of());
        }
        ActionDescriptor create = (ActionDescriptor) workflows.get(kind).getInitialActions().get(0);
        return run(create, issue, issue, createFields(kind));
    }

    /** Jira's edit: field validation only; workflow validators judge on transitions. */
    public Result edit(String key, String summary, Map<String, String> form) {
        PreviewIssue original = issues.find(key).orElseThrow(() -> new IllegalArgumentException("No issue " + key));
        PreviewIssue working = original.copy();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        if (summary != null) {
            String title = summary.strip();
            if (title.isEmpty()) {
                fieldErrors.put("summary", i18n.getText("preview.error.summary.required"));
            } else if (title.length() > 255) {
                fieldErrors.put("summary", i18n.getText("preview.error.summary.toolong", 255));
            } else {
                working.setSummary(title);
            }
        }
        applyForm(working, screenFields(working.kind()), form, fieldErrors);
        if (!fieldErrors.isEmpty()) {
            return new Result(null, fieldErrors, List.of());
        }
        return new Result(saveAndProject(working), Map.of(), List.of());
    }

    /**
     * What Jira's issue service does for an import (the screen check skipped): the summary, the description and every
     * field of the issue's edit screen given in {@code form}, validated as the fields validate; no workflow step.
     */
    public Result importFields(String key, String summary, String description, Map<String, String> form) {
        PreviewIssue original = issues.find(key).orElseThrow(() -> new IllegalArgumentException("No issue " + key));
        PreviewIssue working = original.copy();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        String title = summary == null ? "" : summary.strip();
        if (title.isEmpty() || title.length() > 255) {
            fieldErrors.put("summary", i18n.getText(title.isEmpty() ? "preview.error.summary.required"
                    : "preview.error.summary.toolong", 255));
        } else {
            working.setSummary(title);
        }
        working.setDescription(description);
        applyForm(working, screenFields(working.kind()), form, fieldErrors);
        if (!fieldErrors.isEmpty()) {
            return new Result(null, fieldErrors, List.of());
        }
        return new Result(saveAndProject(working), Map.of(), List.of());
    }

    public Result transition(String key, int actionId, Map<String, String> form) {
        PreviewIssue original = issues.find(key).orElseThrow(() -> new IllegalArgumentException("No issue " + key));
        WorkflowDescriptor workflow = workflows.get(original.kind());
        Optional<ActionDescriptor> found = step(workflow, original.status()).getActions().stream()
                .map(ActionDescriptor.class::cast).filter(a -> ((ActionDescriptor) a).getId() == actionId).findFirst();
        PreviewIssue working = original.copy();
        if (found.isEmpty() || !conditionsPass(found.get(), vars(working, original))) {
            return new Result(null, Map.of(), List.of(i18n.getText("preview.error.transition.unavailable", actionId, statusName(original.status()))));
        }
        ActionDescriptor action = found.get();
        List<FailForwardField> screen = screenOf(action);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        if (!screen.isEmpty()) {
            applyForm(working, screen, form, fieldErrors);
        }
        if (!fieldErrors.isEmpty()) {
            return new Result(null, fieldErrors, List.of());
        }
        working.setStatus(statusId(step(workflow, action)));
        return run(action, working, original, screen);
    }

    private Result run(ActionDescriptor action, PreviewIssue working, PreviewIssue original, List<FailForwardField> screen) {
        Map<String, Object> vars = vars(working, original);
        vars.put(SCREEN_FIELDS, screen.stream().map(registry::id).collect(Collectors.toSet()));
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (Object v : action.getValidators()) {
            ValidatorDescriptor descriptor = (ValidatorDescriptor) v;
            Object module = module(descriptor);
            if (module instanceof Validator validator) {
                try {
                    validator.validate(vars, descriptor.getArgs(), null);
                } catch (InvalidInputException e) {
                    collect(e, fieldErrors, errors);
                } catch (WorkflowException e) {
                    errors.add(e.getMessage());
                }
            } else if (!DONE_BY_THE_PREVIEW.contains(className(descriptor))) {
                errors.add(unavailable(descriptor)); // never skipped: Jira too fails a transition it cannot validate
            }
        }
        if (!fieldErrors.isEmpty() || !errors.isEmpty()) {
            return new Result(null, fieldErrors, errors);
        }
        for (Object f : action.getUnconditionalResult().getPostFunctions()) {
            FunctionDescriptor descriptor = (FunctionDescriptor) f;
            if (module(descriptor) instanceof FunctionProvider function) {
                try {
                    function.execute(vars, descriptor.getArgs(), null);
                } catch (WorkflowException e) {
                    // post-functions never block a transition
                }
            } else if (!DONE_BY_THE_PREVIEW.contains(className(descriptor))) {
                // post-functions never block a transition; the start-up report names it (unhosted())
                System.err.println(unavailable(descriptor));
            }
        }
        return new Result(saveAndProject(working), Map.of(), List.of());
    }

    /** Jira stores the issue and fires its event; the plugin's listener then projects it into the failure database. */
    private PreviewIssue saveAndProject(PreviewIssue issue) {
        PreviewIssue saved = issues.save(issue);
        projection.project(saved.getId());
        return saved;
    }

    @SuppressWarnings("unchecked")
    private void collect(InvalidInputException e, Map<String, String> fieldErrors, List<String> errors) {
        ((Map<String, String>) e.getErrors()).forEach((jiraFieldId, message) ->
                fieldErrors.merge(registry.byId(jiraFieldId).map(FailForwardField::key).orElse(jiraFieldId), message, (a, b) -> a + " " + b));
        errors.addAll((List<String>) e.getGenericErrors());
    }

    private void applyForm(PreviewIssue issue, List<FailForwardField> fields, Map<String, String> form, Map<String, String> fieldErrors) {
        for (FailForwardField field : fields) {
            if (!form.containsKey(field.key())) {
                continue;
            }
            FieldCodec.Parsed parsed = issues.codec().fromForm(field, form.get(field.key()));
            if (parsed.errorKey() != null) {
                fieldErrors.put(field.key(), i18n.getText(parsed.errorKey(), i18n.getText(field.nameI18nKey())));
            } else {
                issue.setCustomFieldValue(registry.field(field).orElseThrow(), parsed.value());
            }
        }
    }

    private boolean conditionsPass(ActionDescriptor action, Map<String, Object> vars) {
        if (action.getRestriction() == null) {
            return true;
        }
        // every condition of the transition's AND group (the only kind our workflows use)
        List<Object> all = new ArrayList<>();
        flatten(action.getRestriction().getConditions(), all);
        for (Object c : all) {
            ConditionDescriptor descriptor = (ConditionDescriptor) c;
            if (module(descriptor) instanceof Condition condition) {
                try {
                    if (!condition.passesCondition(vars, descriptor.getArgs(), null)) {
                        return false;
                    }
                } catch (WorkflowException e) {
                    return false;
                }
            } else if (!DONE_BY_THE_PREVIEW.contains(className(descriptor))) {
                return false; // a condition nothing can judge does not pass (the start-up report names it)
            }
        }
        return true;
    }

    private static void flatten(List<?> items, List<Object> into) {
        for (Object item : items) {
            if (item instanceof ConditionsDescriptor group) {
                flatten(group.getConditions(), into);
            } else {
                into.add(item);
            }
        }
    }

    private Object module(AbstractDescriptor descriptor) {
        return modules.get(className(descriptor));
    }

    private static String className(AbstractDescriptor descriptor) {
        Map<?, ?> args = descriptor instanceof ValidatorDescriptor v ? v.getArgs()
                : descriptor instanceof FunctionDescriptor f ? f.getArgs() : ((ConditionDescriptor) descriptor).getArgs();
        return String.valueOf(args.get("class.name"));
    }

    private static String unavailable(AbstractDescriptor descriptor) {
        return "The preview cannot run the workflow module " + className(descriptor) + ": the plugin's descriptor does"
                + " not declare it or the preview could not create it.";
    }

    private static Map<String, Object> vars(PreviewIssue issue, PreviewIssue original) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("issue", issue);
        vars.put("originalissueobject", original);
        return vars;
    }

    private static StepDescriptor step(WorkflowDescriptor workflow, String statusId) {
        for (Object s : workflow.getSteps()) {
            StepDescriptor step = (StepDescriptor) s;
            if (statusId.equals(step.getMetaAttributes().get("jira.status.id"))) {
                return step;
            }
        }
        throw new IllegalStateException("No step for status " + statusId);
    }

    private static StepDescriptor step(WorkflowDescriptor workflow, ActionDescriptor action) {
        return workflow.getStep(action.getUnconditionalResult().getStep());
    }

    private static String target(WorkflowDescriptor workflow, ActionDescriptor action) {
        return statusId(step(workflow, action));
    }

    private static String statusId(StepDescriptor step) {
        return (String) step.getMetaAttributes().get("jira.status.id");
    }

    /** The workflow with status names as status ids and screen keys as screen ids (the preview's screens are keys). */
    private static WorkflowDescriptor load(WorkflowXml xml, Enum<?>[] statuses) {
        Map<String, String> statusIds = new LinkedHashMap<>();
        for (Enum<?> status : statuses) {
            statusIds.put(status.name(), status.name());
        }
        Map<String, String> screenIds = new LinkedHashMap<>();
        FailForwardScreens.transitionScreenKeys().forEach(key -> screenIds.put(key, key));
        String rendered = xml.render(statusIds, screenIds);
        try {
            return WorkflowLoader.load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load the workflow " + xml.resource() + ": " + e.getMessage(), e);
        }
    }

    /** The transition screens of the preview: a field is shown when the running transition's screen has it. */
    public static final class Screens implements dev.failforward.jira.workflow.TransitionScreens {
        @Override
        public boolean shows(Map transientVars, String jiraFieldId) {
            Object ids = transientVars.get(SCREEN_FIELDS);
            return ids instanceof Set<?> set && set.contains(jiraFieldId);
        }
    }
}
