package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.record.StaleEditException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** Someone else saved the action item since the user loaded it: 409, reload and re-apply. */
@Provider
public class StaleEditExceptionMapper implements ExceptionMapper<StaleEditException> {

    private final I18nResolver i18n;

    @Inject
    public StaleEditExceptionMapper(@ComponentImport I18nResolver i18n) {
        this.i18n = i18n;
    }

    @Override
    public Response toResponse(StaleEditException exception) {
        String message = i18n.getText("failforward.failuredb.error.stale", exception.expectedVersion());
        return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(409, message, List.of())).build();
    }
}
