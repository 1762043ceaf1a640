package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.award.AwardException;
import dev.failforward.core.award.AwardProblem;
import dev.failforward.core.record.StaleEditException;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.InvalidCommandException;
import dev.failforward.jira.persistence.DatabaseErrors;
import dev.failforward.jira.search.QuerySyntaxException;
import dev.failforward.jira.setup.SetupException;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.RequestProblem;
import dev.failforward.rest.RestPlugin;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The Jira plugin's side of the shared REST code ({@code dev.failforward.rest} answers every error of
 * {@code /rest/failforward/1.0}): messages from the plugin's i18n bundle in the user's language, and the plugin's own
 * expected failures as the problem to answer:
 * <ul>
 *   <li>the failure-database service's refusals: 404 for what does not exist or lies in a project the user cannot
 *       browse (one message for both), 403 when the user may see but not edit (and for a hidden project or filter the
 *       request is about), 400 on {@code project} when the user must choose projects, 409 on {@code score} when the
 *       pulse was already answered;</li>
 *   <li>a learning or action item the core refused: 400 with one error per problem, named as the body's fields;</li>
 *   <li>someone else saved the action item since the user loaded it: 409, reload and re-apply;</li>
 *   <li>Jira's current state stops a setup (another node is setting up, a workflow cannot be created): 409;</li>
 *   <li>a database that refused the work for a passing reason ({@link DatabaseErrors#isTransient}) after the
 *       repositories' own retries: 503 with {@code Retry-After}; the transaction rolled back whole, so the client may
 *       simply send it again.</li>
 * </ul>
 */
@Named
public class JiraRestPlugin implements RestPlugin {

    private static final Logger log = LoggerFactory.getLogger(JiraRestPlugin.class);

    /** What a 503 asks the client to wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final I18nResolver i18n;

    @Inject
    public JiraRestPlugin(@ComponentImport I18nResolver i18n) {
        this.i18n = i18n;
    }

    @Override
    public String text(String i18nKey, Serializable... arguments) {
        return i18n.getText(i18nKey, arguments);
    }

    @Override
    public Optional<RequestProblem> problem(Throwable exception) {
        if (exception instanceof FailureDbException refusal) {
            return Optional.of(failureDb(refusal));
        }
        if (exception instanceof AwardException award) {
            return Optional.of(award(award));
        }
        if (exception instanceof InvalidCommandException invalid) {
            return Optional.of(FailureDbFields.invalid(invalid.problems(), FailureDbFields.BODY));
        }
        if (exception instanceof QuerySyntaxException syntax) {
            // the search text's query language (phrases, prefixes, field:value) refused it: 400 naming "query"
            return Optional.of(syntax.position() >= 0
                    ? RequestProblem.invalid("query", "syntax", "failforward.search.error.syntax.at",
                            syntax.getMessage(), syntax.position())
                    : RequestProblem.invalid("query", "syntax", "failforward.search.error.syntax", syntax.getMessage()));
        }
        if (exception instanceof StaleEditException stale) {
            return Optional.of(RequestProblem.of(409, "failforward.failuredb.error.stale", stale.expectedVersion()));
        }
        if (exception instanceof SetupException setup) {
            log.warn("Fail Forward setup stopped: {}", setup.getMessage(), setup);
            return Optional.of(RequestProblem.of(409, setup.i18nKey(), setup.arguments().toArray(Serializable[]::new)));
        }
        if (DatabaseErrors.isTransient(exception)) {
            log.info("Fail Forward REST call answered 503, the database was busy: {}", exception.toString());
            return Optional.of(RequestProblem.unavailable(RETRY_AFTER_SECONDS, "failforward.rest.error.busy",
                    RETRY_AFTER_SECONDS));
        }
        return Optional.empty();
    }

    /**
     * An award rule's refusal: 409 when the award's state refuses it (already voted or nominated, nominations or voting
     * closed or not open yet), else 400; always with the field error naming {@code record}, {@code reason},
     * {@code vote}, {@code scope} or {@code period}. A second vote says plainly "You already voted in this award.".
     */
    private static RequestProblem award(AwardException exception) {
        dev.failforward.core.lifecycle.FieldProblem problem = exception.problem();
        Serializable[] arguments = problem.arguments().toArray(Serializable[]::new);
        FieldError error = FieldError.of(problem.field(), problem.code(), problem.i18nKey(), arguments);
        String name = exception.kind().name();
        boolean conflict = name.contains("_ALREADY_") || name.endsWith("_CLOSED") || name.endsWith("_NOT_OPEN");
        if (!conflict) {
            return RequestProblem.invalid(error);
        }
        String message = exception.kind() == AwardProblem.VOTE_ALREADY_CAST ? "failforward.award.error.alreadyVoted"
                : problem.i18nKey();
        return RequestProblem.of(409, message, arguments).withErrors(List.of(error));
    }

    private static RequestProblem failureDb(FailureDbException exception) {
        Serializable[] arguments = exception.arguments().toArray(Serializable[]::new);
        if (exception instanceof FailureDbException.TooManyProjects) {
            return RequestProblem.invalid("project", "too-many", exception.i18nKey(), arguments);
        }
        if (exception instanceof FailureDbException.AlreadyAnswered) {
            return RequestProblem.of(409, exception.i18nKey(), arguments)
                    .withErrors(List.of(FieldError.of("score", "already-answered", exception.i18nKey(), arguments)));
        }
        if (exception instanceof FailureDbException.BadField bad) {
            return RequestProblem.invalid(bad.field(), bad.code(), exception.i18nKey(), arguments);
        }
        if (exception instanceof FailureDbException.FieldDenied denied) {
            return RequestProblem.of(403, exception.i18nKey(), arguments)
                    .withErrors(List.of(FieldError.of(denied.field(), "forbidden", exception.i18nKey(), arguments)));
        }
        if (exception instanceof FailureDbException.FollowUpExists) {
            return RequestProblem.of(409, exception.i18nKey(), arguments)
                    .withErrors(List.of(FieldError.of("followUp", "exists", exception.i18nKey(), arguments)));
        }
        int status = exception instanceof FailureDbException.EditDenied
                || exception instanceof FailureDbException.ProjectHidden
                || exception instanceof FailureDbException.FilterHidden ? 403 : 404;
        return RequestProblem.of(status, exception.i18nKey(), arguments);
    }
}
