package com.atlassian.mail.queue;

/**
 * Stand-in for {@code com.atlassian.mail.queue.MailQueue} (interface) from {@code com.atlassian.mail:atlassian-mail}
 * (mirrors the API of atlassian-mail 2.3.2, whose javadoc and source are public; Atlassian's module-usage wiki lists
 * atlassian-mail 6.0.2 in Jira master and 7.0.2 in Confluence master, the exact version in Jira 11.3 is [U] — the
 * members used here kept their signatures across those versions), the queue Jira's "Send mail" job flushes every
 * minute; Jira exposes it as a component, which the plugin receives by constructor injection ({@code @ComponentImport
 * MailQueue}). Only the member Fail Forward calls.
 */
public interface MailQueue {

    /** Queues a mail; it is sent on the next flush (and retried there when sending fails). */
    void addItem(MailQueueItem item);
}
