package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.jira.failuredb.FailureDbException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.io.Serializable;
import java.util.List;

/**
 * The failure-database service's refusals: 404 for what does not exist or lies in a project the user cannot browse
 * (one message for both), 403 when the user may see but not edit, 400 on {@code project} when the user must choose
 * projects.
 */
@Provider
public class FailureDbExceptionMapper implements ExceptionMapper<FailureDbException> {

    private final I18nResolver i18n;

    @Inject
    public FailureDbExceptionMapper(@ComponentImport I18nResolver i18n) {
        this.i18n = i18n;
    }

    @Override
    public Response toResponse(FailureDbException exception) {
        if (exception instanceof FailureDbException.TooManyProjects) {
            return new InvalidRequestExceptionMapper(i18n).toResponse(new InvalidRequestException(new FieldError(
                    "project", "too-many", exception.i18nKey(), exception.arguments())));
        }
        String message = i18n.getText(exception.i18nKey(), exception.arguments().toArray(Serializable[]::new));
        if (exception instanceof FailureDbException.AlreadyAnswered) {
            return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(409, message,
                    List.of(new ErrorBody.Item("score", "already-answered", message)))).build();
        }
        int status = exception instanceof FailureDbException.EditDenied
                || exception instanceof FailureDbException.ProjectHidden
                || exception instanceof FailureDbException.FilterHidden ? 403 : 404;
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, message, List.of())).build();
    }
}
