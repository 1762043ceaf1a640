package dev.failforward.jira.mail;

import java.util.Objects;

/**
 * A mail Fail Forward sends: one recipient address, a subject and an HTML body (already escaped, see
 * {@link MailHtml}). The user key is kept so that an outbox can say whom it was for.
 */
public record Mail(String recipientKey, String to, String subject, String htmlBody) {

    public Mail {
        Objects.requireNonNull(recipientKey, "recipientKey");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(htmlBody, "htmlBody");
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("a mail needs an address");
        }
        if (subject.contains("\n") || subject.contains("\r")) {
            throw new IllegalArgumentException("a subject is one line");
        }
    }
}
