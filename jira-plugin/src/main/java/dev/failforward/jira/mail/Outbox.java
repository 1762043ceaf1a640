package dev.failforward.jira.mail;

/**
 * Where Fail Forward's mails go: Jira's mail queue in the product ({@link JiraMailQueueOutbox}), an outbox page in the
 * preview. {@link #queue} returns once the mail is queued, not sent: Jira's "Send mail" job sends it (and retries).
 */
public interface Outbox {

    /**
     * Queues the mail.
     *
     * @throws RuntimeException when it could not be queued (the caller releases its claim so that the next run tries)
     */
    void queue(Mail mail);
}
