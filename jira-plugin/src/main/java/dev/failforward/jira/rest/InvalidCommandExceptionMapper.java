package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.jira.failuredb.InvalidCommandException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A learning or action item the core refused: 400 with one error per problem, named as the request's body fields. */
@Provider
public class InvalidCommandExceptionMapper implements ExceptionMapper<InvalidCommandException> {

    private final I18nResolver i18n;

    @Inject
    public InvalidCommandExceptionMapper(@ComponentImport I18nResolver i18n) {
        this.i18n = i18n;
    }

    @Override
    public Response toResponse(InvalidCommandException exception) {
        return new InvalidRequestExceptionMapper(i18n)
                .toResponse(FailureDbFields.invalid(exception.problems(), FailureDbFields.BODY));
    }
}
