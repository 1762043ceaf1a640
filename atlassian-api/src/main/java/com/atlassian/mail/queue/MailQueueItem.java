package com.atlassian.mail.queue;

/**
 * Stand-in for {@code com.atlassian.mail.queue.MailQueueItem} (interface) from {@code
 * com.atlassian.mail:atlassian-mail} (mirrors the API of atlassian-mail 2.3.2, whose javadoc and source are public;
 * Atlassian's module-usage wiki lists atlassian-mail 6.0.2 in Jira master and 7.0.2 in Confluence master, the exact
 * version in Jira 11.3 is [U] — the members used here kept their signatures across those versions): a mail waiting in
 * Jira's mail queue. Fail Forward calls none of its members; it only hands {@link SingleMailQueueItem}s to {@link
 * MailQueue#addItem(MailQueueItem)}.
 */
public interface MailQueueItem {
}
