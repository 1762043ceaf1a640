package dev.failforward.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What {@link ProblemExceptionMapper} does not take: checked exceptions and errors, answered the same way
 * ({@link ProblemResponses}): the plugin's known failures as their problem, anything else logged with a reference and
 * answered 500 with only that reference, never a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private final RestPlugin plugin;

    @Inject
    public UnexpectedExceptionMapper(RestPlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public Response toResponse(Throwable exception) {
        return ProblemResponses.of(exception, plugin);
    }
}
