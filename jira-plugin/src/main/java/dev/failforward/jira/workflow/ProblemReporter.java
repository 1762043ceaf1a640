package dev.failforward.jira.workflow;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.opensymphony.workflow.InvalidInputException;
import dev.failforward.core.lifecycle.FieldKeys;
import dev.failforward.core.lifecycle.FieldProblem;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.IssueFields;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the core's field problems into the {@link InvalidInputException} Jira shows on the transition screen. Each
 * message is translated and names its field. A problem whose field is on the transition's screen is reported against
 * that field, so Jira shows it under the field; any other problem is a general error at the top of the dialog,
 * because Jira does not show errors for fields that are not on the screen.
 */
@Named
public class ProblemReporter {

    private final I18nResolver i18n;
    private final IssueFields fields;
    private final TransitionScreens screens;

    @Inject
    public ProblemReporter(@ComponentImport I18nResolver i18n, IssueFields fields, TransitionScreens screens) {
        this.i18n = i18n;
        this.fields = fields;
        this.screens = screens;
    }

    /** Throws when there are problems; returns quietly when there are none. */
    public void throwIfAny(List<FieldProblem> problems, Map transientVars) throws InvalidInputException {
        if (problems.isEmpty()) {
            return;
        }
        InvalidInputException exception = new InvalidInputException();
        for (FieldProblem problem : problems) {
            String message = namingTheField(problem,
                    i18n.getText(problem.i18nKey(), problem.arguments().toArray(Serializable[]::new)));
            Optional<String> jiraField = FailForwardField.byKey(problem.field()).flatMap(fields::jiraFieldId)
                    .filter(id -> screens.shows(transientVars, id));
            if (jiraField.isPresent()) {
                exception.addError(jiraField.get(), message);
            } else {
                exception.addError(message);
            }
        }
        throw exception;
    }

    /**
     * Prefixes "Field name: " unless the message already starts with it: the core's own messages do, but the
     * hypothesis check's findings are written for the live check next to the field and do not.
     */
    private String namingTheField(FieldProblem problem, String message) {
        if (!FieldKeys.isKnown(problem.field())) {
            return message;
        }
        String name = i18n.getText(FieldKeys.i18nKey(problem.field()));
        return message.startsWith(name) ? message : name + ": " + message;
    }
}
