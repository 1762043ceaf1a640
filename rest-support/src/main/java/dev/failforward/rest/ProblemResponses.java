package dev.failforward.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one mapping from an exception to an answer, behind both exception mappers:
 * <ol>
 *   <li>a {@link RequestProblem}: its status, message and field errors in the user's language (and
 *       {@code Retry-After} when it has one);</li>
 *   <li>a JAX-RS error below 500 (404 no such path, 405, 406, …): its status, with our body;</li>
 *   <li>what the plugin knows ({@link RestPlugin#problem}): answered as that problem;</li>
 *   <li>anything else: logged with a random reference and answered 500 with only that reference.</li>
 * </ol>
 * Never a stack trace, an exception class or a message of an exception in the body.
 */
final class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    private ProblemResponses() {
    }

    static Response of(Throwable exception, RestPlugin plugin) {
        if (exception instanceof RequestProblem problem) {
            return of(problem, plugin);
        }
        if (exception instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            String reason = web.getResponse().getStatusInfo().getReasonPhrase();
            return json(status, new ErrorBody(status, plugin.text(RestKeys.HTTP, status, reason), List.of()));
        }
        Optional<RequestProblem> known = plugin.problem(exception);
        if (known.isPresent()) {
            return of(known.get(), plugin);
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error in a Fail Forward REST call (reference {})", reference, exception);
        return json(500, new ErrorBody(500, plugin.text(RestKeys.INTERNAL, reference), List.of()));
    }

    static Response of(RequestProblem problem, RestPlugin plugin) {
        ErrorBody body = new ErrorBody(problem.status(),
                plugin.text(problem.messageKey(), problem.arguments().toArray(Serializable[]::new)),
                problem.errors().stream()
                        .map(e -> new ErrorBody.Item(e.field(), e.code(),
                                plugin.text(e.i18nKey(), e.arguments().toArray(Serializable[]::new))))
                        .toList());
        Response.ResponseBuilder response = Response.status(problem.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body);
        problem.retryAfterSeconds().ifPresent(seconds -> response.header("Retry-After", seconds));
        return response.build();
    }

    private static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
