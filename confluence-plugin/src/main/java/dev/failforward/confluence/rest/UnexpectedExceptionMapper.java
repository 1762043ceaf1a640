package dev.failforward.confluence.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Everything else. JAX-RS errors (404, 405, 415, …) keep their status and get our JSON body; anything unexpected is
 * logged with a reference and answered with a 500 that carries only that reference, never a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    private final I18nResolver i18n;

    @Inject
    public UnexpectedExceptionMapper(@ComponentImport I18nResolver i18n) {
        this.i18n = i18n;
    }

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            String reason = web.getResponse().getStatusInfo().getReasonPhrase();
            return json(status, new ErrorBody(status, i18n.getText("failforward.confluence.rest.error.http", status, reason), List.of()));
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error in a Fail Forward REST call (reference {})", reference, exception);
        return json(500, new ErrorBody(500, i18n.getText("failforward.confluence.rest.error.internal", reference), List.of()));
    }

    private static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
