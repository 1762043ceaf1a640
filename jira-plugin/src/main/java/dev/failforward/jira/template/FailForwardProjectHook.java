package dev.failforward.jira.template;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.template.hook.AddProjectHook;
import com.atlassian.jira.project.template.hook.ConfigureData;
import com.atlassian.jira.project.template.hook.ConfigureResponse;
import com.atlassian.jira.project.template.hook.ValidateData;
import com.atlassian.jira.project.template.hook.ValidateResponse;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.jira.setup.JiraSetupService;
import dev.failforward.jira.setup.SetupException;
import dev.failforward.jira.setup.SetupReport;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.Objects;

/**
 * The hook of the project template "Intelligent failure: experiments &amp; incidents" ({@code <project-blueprint>}): a
 * project created from it gets Fail Forward's issue types, fields, screens, workflows and schemes. The template's JSON
 * descriptor ({@value #DESCRIPTOR}) only gives the project an issue type scheme of Experiment and Incident; everything
 * else is {@link JiraSetupService}'s, so a template project and a project set up from the admin page end up alike.
 *
 * <p><b>Failure.</b> Jira lets a hook refuse a project only in {@link #validate}: {@link ConfigureResponse} carries no
 * error (its one setter, a redirect, is deprecated and ignored), and by {@link #configure} the project exists. So:
 * <ul>
 *   <li>{@link #validate} runs the project-independent install ({@link JiraSetupService#ensureInstalled()}: additive,
 *       idempotent, the admin page's "Install"; it touches no project and deletes nothing). If that fails, the dialog
 *       shows why, in the user's language, and no project is created;</li>
 *   <li>{@link #configure} installs again (normally finding everything) and adds the project. If that fails, it logs
 *       what failed and how to finish, and returns normally: the project exists and works with Jira's defaults, an
 *       exception here would only turn into an error page, and {@link JiraSetupService} is idempotent, so an
 *       administrator finishes it on the admin page ({@value #ADMIN_PAGE}, "add to project").</li>
 * </ul>
 *
 * <p>Jira creates the hook through the plugin's Spring context (as it does REST resources), so it is not a component
 * itself; its constructor takes our setup service and SAL's {@link I18nResolver}.
 */
public class FailForwardProjectHook implements AddProjectHook {

    /** The message that refuses a project when setup cannot run; {0} is why, already translated. */
    static final String SETUP_FAILED = "failforward.template.error.setup";
    /** What an error that is not a {@link SetupException} is reported as; {0} is its message. */
    static final String UNEXPECTED = "failforward.setup.error.unexpected";
    /** Where an administrator installs Fail Forward and adds it to a project. */
    static final String ADMIN_PAGE = "/plugins/servlet/failforward/admin/setup";
    /** The template's JSON descriptor, as {@code <add-project><descriptor file="…"/>} names it. */
    static final String DESCRIPTOR = "/template/failforward-project-template.json";

    private static final Logger log = LoggerFactory.getLogger(FailForwardProjectHook.class);

    private final JiraSetupService setup;
    private final I18nResolver i18n;

    @Inject
    public FailForwardProjectHook(JiraSetupService setup, @ComponentImport I18nResolver i18n) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /** Installs Fail Forward (no project is touched); refuses the project, saying why, only if that fails. */
    @Override
    public ValidateResponse validate(ValidateData validateData) {
        ValidateResponse response = ValidateResponse.create();
        try {
            setup.ensureInstalled();
        } catch (SetupException e) {
            // JiraSetupService has logged it, with the cause
            response.addErrorMessage(i18n.getText(SETUP_FAILED, reason(e)));
        } catch (RuntimeException e) {
            log.error("Fail Forward could not be installed for a new project from the template", e);
            response.addErrorMessage(i18n.getText(SETUP_FAILED, i18n.getText(UNEXPECTED, String.valueOf(e.getMessage()))));
        }
        return response;
    }

    /** Installs Fail Forward, then lets the new project use it; a failure is logged, never thrown (see the class doc). */
    @Override
    public ConfigureResponse configure(ConfigureData configureData) {
        Project project = configureData.project();
        try {
            setup.ensureInstalled();
            SetupReport report = setup.addToProject(project);
            log.info("Fail Forward added to the new project {}: {} things created, {} warnings", project.getKey(),
                    report.created().size(), report.warnings().size());
            report.warnings().forEach(warning -> log.warn("Fail Forward, project {}: {}", project.getKey(),
                    i18n.getText(warning.i18nKey(), warning.arguments().toArray(Serializable[]::new))));
        } catch (SetupException e) {
            // JiraSetupService has logged the cause; say what it means for this project
            log.error("The project {} was created, but Fail Forward could not be added to it ({}: {}). An administrator can"
                            + " finish it on {}: \"add to project\" {}.", project.getKey(), e.i18nKey(), e.getMessage(),
                    ADMIN_PAGE, project.getKey());
        } catch (RuntimeException e) {
            log.error("The project {} was created, but Fail Forward could not be added to it. An administrator can finish"
                    + " it on {}: \"add to project\" {}.", project.getKey(), ADMIN_PAGE, project.getKey(), e);
        }
        return ConfigureResponse.create();
    }

    private String reason(SetupException e) {
        return i18n.getText(e.i18nKey(), e.arguments().toArray(Serializable[]::new));
    }
}
