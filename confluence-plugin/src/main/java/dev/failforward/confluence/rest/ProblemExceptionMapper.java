package dev.failforward.confluence.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.io.Serializable;

/** {@link RequestProblem}s as their status with an {@link ErrorBody} in the user's language; the rest as unexpected. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<RuntimeException> {

    private final I18nResolver i18n;
    private final UnexpectedExceptionMapper unexpected;

    @Inject
    public ProblemExceptionMapper(@ComponentImport I18nResolver i18n) {
        this.i18n = i18n;
        this.unexpected = new UnexpectedExceptionMapper(i18n);
    }

    @Override
    public Response toResponse(RuntimeException exception) {
        if (!(exception instanceof RequestProblem problem)) {
            return unexpected.toResponse(exception);
        }
        ErrorBody body = new ErrorBody(problem.status(), i18n.getText(problem.messageKey()),
                problem.errors().stream()
                        .map(e -> new ErrorBody.Item(e.field(), e.code(),
                                i18n.getText(e.i18nKey(), e.arguments().toArray(Serializable[]::new))))
                        .toList());
        return Response.status(problem.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
