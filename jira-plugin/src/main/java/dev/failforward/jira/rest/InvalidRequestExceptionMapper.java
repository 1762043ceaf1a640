package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.io.Serializable;

/** 400 with the field errors in the user's language. */
@Provider
public class InvalidRequestExceptionMapper implements ExceptionMapper<InvalidRequestException> {

    private final I18nResolver i18n;

    @Inject
    public InvalidRequestExceptionMapper(@ComponentImport I18nResolver i18n) {
        this.i18n = i18n;
    }

    @Override
    public Response toResponse(InvalidRequestException exception) {
        ErrorBody body = new ErrorBody(400, i18n.getText("failforward.rest.error.invalid"),
                exception.errors().stream()
                        .map(e -> new ErrorBody.Item(e.field(), e.code(),
                                i18n.getText(e.i18nKey(), e.arguments().toArray(Serializable[]::new))))
                        .toList());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
