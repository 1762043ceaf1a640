package dev.failforward.jira.reminder;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the reminders and the digest need to know about people, for any user (the jobs run without a current user):
 * their address and language, which projects they may browse, who leads a project. {@link JiraRecipients} asks Jira.
 */
public interface Recipients {

    /** A user a mail can go to. */
    record Recipient(String key, String name, String email, Locale locale) {
    }

    /** The user with this key, if Jira knows them and they have an e-mail address. */
    Optional<Recipient> user(String userKey);

    /** Keys of the projects the user may browse (none for an unknown user). */
    Set<String> browsableProjects(String userKey);

    /** The project lead's user key, if the project exists and has a lead. */
    Optional<String> projectLead(String projectKey);
}
