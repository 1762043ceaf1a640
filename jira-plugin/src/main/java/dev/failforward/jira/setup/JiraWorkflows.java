package dev.failforward.jira.setup;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.scheme.Scheme;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.workflow.AssignableWorkflowScheme;
import com.atlassian.jira.workflow.ConfigurableJiraWorkflow;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.atlassian.jira.workflow.WorkflowManager;
import com.atlassian.jira.workflow.WorkflowSchemeManager;
import com.atlassian.jira.workflow.WorkflowUtil;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.opensymphony.workflow.FactoryException;
import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.StepDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Jira's workflows and workflow schemes, as setup needs them. Thin: no decisions here. Turning XML into a workflow
 * takes Jira's static {@code WorkflowUtil} and a constructor; both are wrapped once, in {@link #newWorkflow}.
 */
@Named
public class JiraWorkflows {

    private final WorkflowManager workflowManager;
    private final WorkflowSchemeManager workflowSchemeManager;
    private final JiraAuthenticationContext authenticationContext;

    @Inject
    public JiraWorkflows(@ComponentImport WorkflowManager workflowManager,
                         @ComponentImport WorkflowSchemeManager workflowSchemeManager,
                         @ComponentImport JiraAuthenticationContext authenticationContext) {
        this.workflowManager = Objects.requireNonNull(workflowManager, "workflowManager");
        this.workflowSchemeManager = Objects.requireNonNull(workflowSchemeManager, "workflowSchemeManager");
        this.authenticationContext = Objects.requireNonNull(authenticationContext, "authenticationContext");
    }

    // ------------------------------------------------------------------------------------------------ workflows

    /** Workflow names are unique in Jira: the name is the workflow's id. */
    Optional<JiraWorkflow> byName(String name) {
        return Optional.ofNullable(workflowManager.getWorkflow(name));
    }

    /** Creates the workflow from OSWorkflow XML, as the current user (none while the plugin starts). */
    JiraWorkflow create(String name, String xml, String resource) {
        JiraWorkflow workflow;
        try {
            workflow = newWorkflow(name, xml);
        } catch (FactoryException | RuntimeException e) {
            throw new SetupException("failforward.setup.error.workflow.invalid",
                    "The workflow " + resource + " could not be loaded: " + e.getMessage(), e,
                    resource, String.valueOf(e.getMessage()));
        }
        workflowManager.createWorkflow(authenticationContext.getLoggedInUser(), workflow);
        return workflow;
    }

    JiraWorkflow newWorkflow(String name, String xml) throws FactoryException {
        return new ConfigurableJiraWorkflow(name, WorkflowUtil.convertXMLtoWorkflowDescriptor(xml), workflowManager);
    }

    /** Jira's view and meta attribute of a transition that shows a screen. */
    static final String FIELD_SCREEN_VIEW = "fieldscreen";
    static final String FIELD_SCREEN_META = "jira.fieldscreen.id";

    /** Every transition of the workflow by id, with the id of the screen it shows, or {@code null} for none. */
    Map<Integer, String> transitionScreens(JiraWorkflow workflow) {
        Map<Integer, String> screens = new LinkedHashMap<>();
        for (ActionDescriptor action : actions(workflow.getDescriptor())) {
            Object screen = action.getMetaAttributes() == null ? null : action.getMetaAttributes().get(FIELD_SCREEN_META);
            screens.put(action.getId(), FIELD_SCREEN_VIEW.equals(action.getView()) && screen != null ? screen.toString().trim() : null);
        }
        return screens;
    }

    /**
     * Gives these transitions these screens ({@code null}: no screen), as the current user. An inactive workflow is
     * saved as it is; an active one (its scheme used by a project) through a draft that is then published, as Jira's
     * workflow editor does. An active workflow with a draft of an admin's is left alone: publishing would publish the
     * admin's unfinished edit too.
     *
     * @throws SetupException ({@code failforward.setup.error.workflow.draft}) when the workflow has a draft already
     */
    void setTransitionScreens(JiraWorkflow workflow, Map<Integer, String> screens) {
        String name = workflow.getName();
        ApplicationUser user = authenticationContext.getLoggedInUser();
        if (workflowManager.isActive(workflow)) {
            if (workflowManager.getDraftWorkflow(name) != null) {
                throw new SetupException("failforward.setup.error.workflow.draft",
                        "The workflow " + name + " has a draft; publish or discard it, then run the setup again", name);
            }
            JiraWorkflow draft = workflowManager.createDraftWorkflow(user, name);
            apply(draft.getDescriptor(), screens);
            workflowManager.updateWorkflow(user, draft);
            workflowManager.overwriteActiveWorkflow(user, name);
        } else {
            JiraWorkflow editable = workflowManager.getWorkflowClone(name);
            apply(editable.getDescriptor(), screens);
            workflowManager.updateWorkflow(user, editable);
        }
    }

    private static void apply(WorkflowDescriptor descriptor, Map<Integer, String> screens) {
        screens.forEach((actionId, screenId) -> {
            ActionDescriptor action = actions(descriptor).stream().filter(a -> a.getId() == actionId).findFirst().orElse(null);
            if (action == null) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> meta = action.getMetaAttributes();
            if (screenId == null) {
                action.setView(null);
                if (meta != null) {
                    meta.remove(FIELD_SCREEN_META);
                }
            } else {
                action.setView(FIELD_SCREEN_VIEW);
                if (meta == null) {
                    meta = new LinkedHashMap<>();
                    action.setMetaAttributes(meta);
                }
                meta.put(FIELD_SCREEN_META, screenId);
            }
        });
    }

    private static List<ActionDescriptor> actions(WorkflowDescriptor descriptor) {
        List<ActionDescriptor> actions = new ArrayList<>();
        for (Object action : descriptor.getInitialActions()) {
            actions.add((ActionDescriptor) action);
        }
        for (Object action : descriptor.getGlobalActions()) {
            actions.add((ActionDescriptor) action);
        }
        for (Object action : descriptor.getCommonActions().values()) {
            actions.add((ActionDescriptor) action);
        }
        for (Object step : descriptor.getSteps()) {
            for (Object action : ((StepDescriptor) step).getActions()) {
                if (!actions.contains(action)) {
                    actions.add((ActionDescriptor) action);
                }
            }
        }
        return actions;
    }

    // ------------------------------------------------------------------------------------------------ schemes

    Optional<AssignableWorkflowScheme> scheme(long id) {
        return Optional.ofNullable(workflowSchemeManager.getWorkflowSchemeObj(id));
    }

    /** A workflow scheme with these issue type id → workflow name mappings; other types use Jira's default workflow. */
    AssignableWorkflowScheme createScheme(String name, String description, Map<String, String> mappings) {
        AssignableWorkflowScheme.Builder builder = workflowSchemeManager.assignableBuilder()
                .setName(name)
                .setDescription(description);
        mappings.forEach(builder::setMapping);
        return workflowSchemeManager.createScheme(builder.build());
    }

    /** Issue type id → workflow name; the {@code null} key is the scheme's default. */
    Map<String, String> mappings(AssignableWorkflowScheme scheme) {
        Map<String, String> mappings = scheme.getMappings();
        return mappings == null ? Map.of() : mappings;
    }

    /** Sets these mappings on the scheme, keeping the others. */
    AssignableWorkflowScheme map(AssignableWorkflowScheme scheme, Map<String, String> mappings) {
        AssignableWorkflowScheme.Builder builder = scheme.builder();
        mappings.forEach(builder::setMapping);
        return workflowSchemeManager.updateWorkflowScheme(builder.build());
    }

    boolean usesDefaultScheme(Project project) {
        return workflowSchemeManager.isUsingDefaultScheme(project);
    }

    AssignableWorkflowScheme schemeOf(Project project) {
        return workflowSchemeManager.getWorkflowSchemeObj(project);
    }

    /** Gives a project that uses Jira's default workflow scheme (no association yet) this scheme. */
    void use(Project project, AssignableWorkflowScheme scheme) {
        Scheme asScheme = workflowSchemeManager.getSchemeObject(scheme.getId());
        workflowSchemeManager.addSchemeToProject(project, asScheme);
    }
}
