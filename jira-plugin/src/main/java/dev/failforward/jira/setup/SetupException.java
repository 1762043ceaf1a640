package dev.failforward.jira.setup;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Setup could not finish. The message is English, for the log; callers show {@link #i18nKey()} with
 * {@link #arguments()} in the admin's language. Whatever setup created before the failure stays recorded, so running
 * it again continues where it stopped.
 */
public class SetupException extends RuntimeException {

    private final String i18nKey;
    private final List<Serializable> arguments;

    public SetupException(String i18nKey, String message, Throwable cause, Serializable... arguments) {
        super(message, cause);
        this.i18nKey = Objects.requireNonNull(i18nKey, "i18nKey");
        this.arguments = List.of(arguments);
    }

    public SetupException(String i18nKey, String message, Serializable... arguments) {
        this(i18nKey, message, null, arguments);
    }

    public String i18nKey() {
        return i18nKey;
    }

    public List<Serializable> arguments() {
        return arguments;
    }
}
