package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.jira.setup.SetupException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.List;

/**
 * The domain's and host's expected failures, each with its status and a message in the user's language: 401/403 for
 * access, 404 for what does not exist, 409 when Jira's current state stops a setup (another node is setting up, a
 * workflow cannot be created). Never a stack trace.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionMapper.class);

    private final I18nResolver i18n;
    private final UnexpectedExceptionMapper unexpected;

    @Inject
    public ProblemExceptionMapper(@ComponentImport I18nResolver i18n) {
        this.i18n = i18n;
        this.unexpected = new UnexpectedExceptionMapper(i18n);
    }

    @Override
    public Response toResponse(RuntimeException exception) {
        if (exception instanceof InvalidRequestException invalid) {
            return new InvalidRequestExceptionMapper(i18n).toResponse(invalid);
        }
        if (exception instanceof AccessDeniedException denied) {
            int status = denied.anonymous() ? 401 : 403;
            return json(status, i18n.getText(denied.anonymous() ? "failforward.rest.error.login" : "failforward.rest.error.forbidden"));
        }
        if (exception instanceof NotFoundProblem notFound) {
            return json(404, i18n.getText(notFound.i18nKey(), notFound.arguments().toArray(Serializable[]::new)));
        }
        if (exception instanceof SetupException setup) {
            log.warn("Fail Forward setup stopped: {}", setup.getMessage(), setup);
            return json(409, i18n.getText(setup.i18nKey(), setup.arguments().toArray(Serializable[]::new)));
        }
        return unexpected.toResponse(exception);
    }

    private static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(status, message, List.of())).build();
    }
}
