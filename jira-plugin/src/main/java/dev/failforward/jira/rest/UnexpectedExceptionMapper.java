package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.jira.persistence.DatabaseErrors;
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
 * Everything else. JAX-RS errors (404, 405, 415, …) keep their status and get our JSON body; a database that refused
 * the work for a passing reason ({@link DatabaseErrors#isTransient}) is a 503 with {@code Retry-After}; anything
 * unexpected is logged with a reference and answered with a 500 that carries only that reference — never a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    /** What a 503 asks the client to wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final I18nResolver i18n;

    @Inject
    public UnexpectedExceptionMapper(@ComponentImport I18nResolver i18n) {
        this.i18n = i18n;
    }

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException web && web.getResponse() != null) {
            int status = web.getResponse().getStatus();
            if (status < 500) {
                String reason = web.getResponse().getStatusInfo().getReasonPhrase();
                return json(status, new ErrorBody(status, i18n.getText("failforward.rest.error.http", status, reason), List.of()));
            }
        }
        if (DatabaseErrors.isTransient(exception)) {
            // the database refused the work for a passing reason (a conflict, a lock or pool wait that ran out) after
            // the repositories' own retries; the transaction rolled back whole, so the client may simply send it again
            log.info("Fail Forward REST call answered 503, the database was busy: {}", exception.toString());
            return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(new ErrorBody(503, i18n.getText("failforward.rest.error.busy", RETRY_AFTER_SECONDS),
                            List.of())).build();
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error in a Fail Forward REST call (reference {})", reference, exception);
        return json(500, new ErrorBody(500, i18n.getText("failforward.rest.error.internal", reference), List.of()));
    }

    private static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
