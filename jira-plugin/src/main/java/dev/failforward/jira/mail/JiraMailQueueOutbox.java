package dev.failforward.jira.mail;

import com.atlassian.mail.Email;
import com.atlassian.mail.queue.MailQueue;
import com.atlassian.mail.queue.SingleMailQueueItem;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Objects;

/**
 * {@link Outbox} over Jira's mail queue: an HTML {@link Email} (UTF-8) in a {@link SingleMailQueueItem}, which Jira's
 * "Send mail" job sends through the default SMTP server with the instance's "from" address, as Jira's own
 * notifications. No SMTP server configured: Jira keeps the mails queued (administration, "Mail queue").
 */
@Named
public class JiraMailQueueOutbox implements Outbox {

    static final String HTML = "text/html";
    static final String UTF_8 = "UTF-8";

    private final MailQueue queue;

    @Inject
    public JiraMailQueueOutbox(@ComponentImport MailQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    @Override
    public void queue(Mail mail) {
        Email email = new Email(mail.to()).setSubject(mail.subject()).setBody(mail.htmlBody()).setMimeType(HTML)
                .setEncoding(UTF_8);
        queue.addItem(new SingleMailQueueItem(email));
    }
}
