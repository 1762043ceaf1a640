package dev.failforward.confluence.jira;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a call to Jira's failure database gave: the value, or one of the expected ways it can fail. Nothing here is an
 * exception: a macro switches over the cases and shows a message for each (the texts are i18n keys of the macro, not
 * of this type; {@link Unavailable#reason()} is a short English diagnostic for logs and administrators).
 *
 * @param <T> the value of {@link Ok}
 */
public sealed interface JiraResult<T> {

    /** Jira answered with the value. */
    record Ok<T>(T value) implements JiraResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * No Jira application link is configured. {@code adminUrl} is where administrators add one, relative to
     * Confluence's base URL (prefix the context path when rendering it).
     */
    record NoLink<T>(String adminUrl) implements JiraResult<T> {
        public NoLink {
            Objects.requireNonNull(adminUrl, "adminUrl");
        }
    }

    /**
     * The current user has not authorised Confluence to read Jira as them (OAuth): show "Authenticate with Jira" linking
     * to {@code authorizeUri}, then load again.
     */
    record AuthorizationRequired<T>(URI authorizeUri) implements JiraResult<T> {
        public AuthorizationRequired {
            Objects.requireNonNull(authorizeUri, "authorizeUri");
        }
    }

    /** Jira could not be asked or did not answer usefully: down, timed out, a 5xx, a body that could not be read. */
    record Unavailable<T>(String reason) implements JiraResult<T> {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** No such record, or one in a project the user may not browse (Jira answers both with the same 404). */
    record NotFound<T>() implements JiraResult<T> {
    }

    /** The user may see the record but not do this to it (Jira's 403, e.g. no Edit Issues for a write). */
    record Forbidden<T>() implements JiraResult<T> {
    }

    /** Jira refused the input (400); each problem names the request field, as Jira reported it. */
    record Invalid<T>(List<FieldProblem> problems) implements JiraResult<T> {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value of {@link Ok}, empty for every other case. */
    default Optional<T> okValue() {
        return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
    }

    /**
     * The same result with the value mapped; the failure cases keep their data and only change their type (they hold no
     * {@code T}, so the cast is safe). Written without switch patterns: the plugin compiles with {@code release 17}.
     */
    @SuppressWarnings("unchecked")
    default <U> JiraResult<U> map(Function<? super T, ? extends U> mapper) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(mapper.apply(ok.value()));
        }
        return (JiraResult<U>) this;
    }
}
