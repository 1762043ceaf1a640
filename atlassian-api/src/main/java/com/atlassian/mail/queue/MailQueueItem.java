package com.atlassian.mail.queue;

/**
 * Stand-in for {@code com.atlassian.mail.queue.MailQueueItem} (interface) from {@code com.atlassian.mail:atlassian-mail}
 * (the version Jira 11.3 ships): a mail waiting in Jira's mail queue. Fail Forward calls none of its members; it only
 * hands {@link SingleMailQueueItem}s to {@link MailQueue#addItem(MailQueueItem)}.
 */
public interface MailQueueItem {
}
