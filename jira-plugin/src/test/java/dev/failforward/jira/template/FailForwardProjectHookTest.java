package dev.failforward.jira.template;

import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.template.hook.ConfigureData;
import com.atlassian.jira.project.template.hook.ConfigureResponse;
import com.atlassian.jira.project.template.hook.ValidateData;
import com.atlassian.jira.project.template.hook.ValidateResponse;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.jira.JiraI18n;
import dev.failforward.jira.setup.JiraSetupService;
import dev.failforward.jira.setup.SetupException;
import dev.failforward.jira.setup.SetupReport;
import dev.failforward.jira.setup.SetupReport.Item;
import dev.failforward.jira.setup.SetupReport.Kind;
import dev.failforward.jira.setup.SetupReport.Outcome;
import dev.failforward.jira.setup.SetupReport.Warning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.MockedStatic;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

class FailForwardProjectHookTest {

    private static final SetupReport NOTHING_TO_DO = SetupReport.of(List.of(), List.of());

    private final JiraSetupService setup = mock(JiraSetupService.class);
    private final BundleI18nResolver bundle = JiraI18n.english();
    /** Which keys the hook translated, in order. */
    private final List<String> translated = new ArrayList<>();
    /**
     * The plugin's English bundle; a key not yet in it (the template's own, until the descriptor and bundle get them)
     * reads as {@code key[arguments]}, so a test sees what the user would be told either way.
     */
    private final I18nResolver i18n = mock(I18nResolver.class, call -> {
        Object[] all = call.getArguments(); // the key, then the varargs, expanded
        String key = (String) all[0];
        Serializable[] arguments = Arrays.copyOfRange(all, 1, all.length, Serializable[].class);
        translated.add(key);
        return bundle.hasKey(key) ? bundle.getText(key, arguments) : key + Arrays.toString(arguments);
    });
    private final FailForwardProjectHook hook = new FailForwardProjectHook(setup, i18n);

    private final Project project = mock(Project.class);
    private final ConfigureData created = mock(ConfigureData.class);
    private final ValidateData form = mock(ValidateData.class);

    private MockedStatic<ValidateResponse> validateResponses;
    private final ValidateResponse validateResponse = mock(ValidateResponse.class);

    @BeforeEach
    void jira() {
        when(project.getKey()).thenReturn("LEARN");
        when(created.project()).thenReturn(project);
        when(setup.ensureInstalled()).thenReturn(NOTHING_TO_DO);
        when(setup.addToProject(project)).thenReturn(NOTHING_TO_DO);
        // the stand-in keeps no errors, so the test looks at what the hook adds to the response Jira's create() made
        validateResponses = mockStatic(ValidateResponse.class);
        validateResponses.when(ValidateResponse::create).thenReturn(validateResponse);
    }

    @AfterEach
    void close() {
        validateResponses.close();
    }

    // ------------------------------------------------------------------------------------------------ configure

    @Test
    void configureInstallsFailForwardThenAddsItToTheNewProject() {
        ConfigureResponse response = hook.configure(created);

        assertThat(response).isNotNull();
        InOrder order = inOrder(setup);
        order.verify(setup).ensureInstalled();
        order.verify(setup).addToProject(project);
        verifyNoMoreInteractions(setup);
    }

    @Test
    void configureTranslatesTheWarningsItLogs() {
        when(setup.addToProject(project)).thenReturn(SetupReport.of(
                List.of(new Item(Kind.PROJECT_WORKFLOWS, "LEARN", Outcome.FOUND, "10100")),
                List.of(new Warning("failforward.setup.warning.workflowmapped", List.of("LEARN", "Experiment", "Ops")))));

        hook.configure(created);

        assertThat(translated).containsExactly("failforward.setup.warning.workflowmapped");
    }

    @Test
    void whenAddingToTheProjectFailsConfigureReturnsNormallySoTheCreatedProjectOpens() {
        when(setup.addToProject(project)).thenThrow(new SetupException("failforward.setup.error.jira",
                "Jira refused the workflow scheme", "the workflow scheme", "name taken"));

        assertThatCode(() -> assertThat(hook.configure(created)).isNotNull()).doesNotThrowAnyException();
        verify(setup).addToProject(project);
    }

    @Test
    void whenTheInstallFailsConfigureDoesNotTouchTheProjectAndReturnsNormally() {
        when(setup.ensureInstalled()).thenThrow(new SetupException("failforward.setup.error.busy", "lock held"));

        assertThatCode(() -> assertThat(hook.configure(created)).isNotNull()).doesNotThrowAnyException();
        verify(setup, never()).addToProject(any());
    }

    @Test
    void anUnexpectedErrorInConfigureIsLoggedNotThrown() {
        when(setup.addToProject(project)).thenThrow(new IllegalStateException("no lock service"));

        assertThatCode(() -> assertThat(hook.configure(created)).isNotNull()).doesNotThrowAnyException();
    }

    // ------------------------------------------------------------------------------------------------ validate

    @Test
    void validateInstallsFailForwardAndAcceptsTheProject() {
        ValidateResponse response = hook.validate(form);

        assertThat(response).isSameAs(validateResponse);
        verify(setup).ensureInstalled();
        verifyNoMoreInteractions(setup); // no project yet: nothing project-specific runs before Jira creates it
        verify(validateResponse, never()).addErrorMessage(any());
    }

    @Test
    void validateRefusesTheProjectWithTheReasonInTheUsersLanguageWhenSetupCannotRun() {
        when(setup.ensureInstalled()).thenThrow(new SetupException("failforward.setup.error.busy",
                "Another node held the setup lock for more than PT5M"));

        assertThat(hook.validate(form)).isSameAs(validateResponse);

        String message = onlyErrorMessage();
        assertThat(message)
                .contains(bundle.getText("failforward.setup.error.busy"))
                .doesNotContain("PT5M"); // the log's English, not the user's message
        assertThat(translated).startsWith("failforward.setup.error.busy").contains(FailForwardProjectHook.SETUP_FAILED);
    }

    @Test
    void validateNamesTheFailingThingWithItsArguments() {
        when(setup.ensureInstalled()).thenThrow(new SetupException("failforward.setup.error.jira", "Jira refused it",
                "the Experiment issue type", "an issue type with that name is a sub-task"));

        hook.validate(form);

        assertThat(onlyErrorMessage()).contains(bundle.getText("failforward.setup.error.jira",
                "the Experiment issue type", "an issue type with that name is a sub-task"));
    }

    @Test
    void anUnexpectedErrorInValidateRefusesTheProjectWithItsMessageAndNoStackTrace() {
        when(setup.ensureInstalled()).thenThrow(new IllegalStateException("no lock service"));

        hook.validate(form);

        assertThat(onlyErrorMessage())
                .contains(bundle.getText(FailForwardProjectHook.UNEXPECTED, "no lock service"))
                .doesNotContain("IllegalStateException", "\tat ");
    }

    @Test
    void theHookNeedsItsCollaborators() {
        assertThatNullPointerException().isThrownBy(() -> new FailForwardProjectHook(null, i18n));
        assertThatNullPointerException().isThrownBy(() -> new FailForwardProjectHook(setup, null));
    }

    private String onlyErrorMessage() {
        ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
        verify(validateResponse).addErrorMessage(message.capture());
        return message.getValue();
    }
}
