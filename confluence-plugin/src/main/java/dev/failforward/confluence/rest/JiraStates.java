package dev.failforward.confluence.rest;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.confluence.jira.FieldProblem;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.rest.ErrorBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/**
 * What our REST resources answer when Jira did not give what was asked: one mapping of every non-ok
 * {@link JiraResult} to the state the browser shows ({@code no-link}, {@code authorize}, {@code unavailable},
 * {@code not-found}, {@code forbidden}) with its message in the user's language and its link, shared by the retro
 * header ({@link RecordsResource}), the learnings archive ({@link LearningsResource}) and the similar past failures
 * ({@link SimilarResource}). Each resource names its own
 * texts for what differs ({@link Messages}); the diagnostic reason of {@code unavailable} is logged, never answered.
 */
final class JiraStates {

    private static final Logger log = LoggerFactory.getLogger(JiraStates.class);

    /** The i18n keys of one resource's state messages; {@code notFound} and {@code forbidden} get the subject as {0}. */
    record Messages(String noLink, String authorize, String unavailable, String notFound, String forbidden) {
    }

    /** The retro header's texts (about one issue). */
    static final Messages RECORD = new Messages("failforward.retro.state.nolink", "failforward.retro.state.authorize",
            "failforward.retro.state.unavailable", "failforward.retro.state.notfound", "failforward.retro.state.forbidden");

    /**
     * A state other than {@code ok}: its name, the message, the applinks admin page ({@code no-link} only, relative to
     * Confluence's base URL, null when the user may not use it) and the authorisation URI ({@code authorize} only).
     */
    record Failure(String state, String message, String adminUrl, String authorizeUri) {
    }

    private JiraStates() {
    }

    /**
     * The state of a result that is not {@link JiraResult.Ok}; an {@link JiraResult.Invalid} (which a read does not
     * expect) is reported as {@code unavailable}.
     *
     * @param subject    what was asked for, {0} of the not-found and forbidden messages, and named in the log
     * @param adminLinks whether to give the applinks admin page with {@code no-link}
     */
    static Failure failure(JiraResult<?> result, I18nResolver i18n, Messages messages, String subject,
                           boolean adminLinks) {
        Objects.requireNonNull(result, "result");
        if (result instanceof JiraResult.NoLink<?> noLink) {
            return new Failure("no-link", i18n.getText(messages.noLink()), adminLinks ? noLink.adminUrl() : null, null);
        }
        if (result instanceof JiraResult.AuthorizationRequired<?> authorize) {
            return new Failure("authorize", i18n.getText(messages.authorize()), null,
                    authorize.authorizeUri().toString());
        }
        if (result instanceof JiraResult.NotFound<?>) {
            return new Failure("not-found", i18n.getText(messages.notFound(), subject), null, null);
        }
        if (result instanceof JiraResult.Forbidden<?>) {
            return new Failure("forbidden", i18n.getText(messages.forbidden(), subject), null, null);
        }
        String reason = result instanceof JiraResult.Unavailable<?> unavailable ? unavailable.reason()
                : "unexpected answer from Jira: " + result;
        log.info("Jira's failure database is unavailable for {}: {}", subject, reason);
        return new Failure("unavailable", i18n.getText(messages.unavailable()), null, null);
    }

    /** Jira's 400 as ours: "Jira did not accept the input." with Jira's field problems as they came. */
    static ErrorBody jiraRefused(List<FieldProblem> problems, I18nResolver i18n) {
        return new ErrorBody(400, i18n.getText("failforward.confluence.rest.error.jira.invalid"),
                problems.stream().map(p -> new ErrorBody.Item(p.field(), p.code(), p.message())).toList());
    }
}
