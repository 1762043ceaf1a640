package dev.failforward.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every runtime exception of both plugins' REST APIs: {@link RequestProblem}s, JAX-RS errors, the plugin's own expected
 * failures and the unexpected, all answered by {@link ProblemResponses}. Typed {@code RuntimeException} (not
 * {@code Throwable}) so that JAX-RS, which picks the mapper of the nearest type, chooses it over any
 * {@code Throwable} mapper the host may register; {@link UnexpectedExceptionMapper} takes checked exceptions and
 * errors. Found by the REST module's scan of {@code dev.failforward.rest}, which each descriptor lists.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<RuntimeException> {

    private final RestPlugin plugin;

    @Inject
    public ProblemExceptionMapper(RestPlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public Response toResponse(RuntimeException exception) {
        return ProblemResponses.of(exception, plugin);
    }
}
