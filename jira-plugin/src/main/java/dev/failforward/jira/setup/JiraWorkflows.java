package dev.failforward.jira.setup;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.scheme.Scheme;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.workflow.AssignableWorkflowScheme;
import com.atlassian.jira.workflow.ConfigurableJiraWorkflow;
import com.atlassian.jira.workflow.JiraWorkflow;
import com.atlassian.jira.workflow.WorkflowManager;
import com.atlassian.jira.workflow.WorkflowSchemeManager;
import com.atlassian.jira.workflow.WorkflowUtil;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.opensymphony.workflow.FactoryException;
import jakarta.inject.Inject;
import jakarta.inject.Named;

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
