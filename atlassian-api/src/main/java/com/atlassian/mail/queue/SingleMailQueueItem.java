package com.atlassian.mail.queue;

import com.atlassian.mail.Email;

/**
 * Stand-in for {@code com.atlassian.mail.queue.SingleMailQueueItem} from {@code com.atlassian.mail:atlassian-mail}
 * (mirrors atlassian-mail 2.3.2's public source; the version in Jira 11.3 is [U]; {@code public
 * SingleMailQueueItem(Email email)}, sent through the default SMTP server when the queue is flushed). The real class
 * extends {@code AbstractMailQueueItem}; only the constructor Fail Forward calls is here; compile-only.
 */
public class SingleMailQueueItem implements MailQueueItem {

    public SingleMailQueueItem(Email email) {
        throw new UnsupportedOperationException("compile-only stand-in for atlassian-mail's SingleMailQueueItem");
    }
}
