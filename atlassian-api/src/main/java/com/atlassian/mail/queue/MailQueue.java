package com.atlassian.mail.queue;

/**
 * Stand-in for {@code com.atlassian.mail.queue.MailQueue} (interface) from {@code com.atlassian.mail:atlassian-mail}
 * (the version Jira 11.3 ships), the queue Jira's "Send mail" job flushes every minute; Jira exposes it as a component
 * ({@code ComponentAccessor.getMailQueue()} is the static way, a {@code @ComponentImport MailQueue} the injected one).
 * Only the member Fail Forward calls.
 */
public interface MailQueue {

    /** Queues a mail; it is sent on the next flush (and retried there when sending fails). */
    void addItem(MailQueueItem item);
}
