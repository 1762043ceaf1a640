package dev.failforward.jira.importing;

import java.util.function.Supplier;

/**
 * Runs work as a user, for a background import that imports as the user who started it (Jira checks Create Issues,
 * writes the reporter and fires the events as for that user). Implemented on Jira's authentication context
 * ({@link JiraImportRunAs}).
 */
public interface ImportRunAs {

    /** Runs {@code work} with {@code userKey} as the logged-in user, and restores whoever was logged in before. */
    <T> T as(String userKey, Supplier<T> work);
}
