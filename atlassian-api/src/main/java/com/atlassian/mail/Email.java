package com.atlassian.mail;

/**
 * Stand-in for {@code com.atlassian.mail.Email} from {@code com.atlassian.mail:atlassian-mail} (mirrors atlassian-mail
 * 2.3.2's public source; the version in Jira 11.3 is [U], Atlassian's module-usage wiki lists 6.0.2 in Jira master): a
 * plain bean whose setters return the mail, {@code public Email setBody(String body)} etc., as in every published
 * atlassian-mail source. Only the members Fail Forward calls; compile-only.
 */
public class Email {

    /** A mail to {@code to} (comma-separated addresses). */
    public Email(String to) {
        throw new UnsupportedOperationException("compile-only stand-in for atlassian-mail's Email");
    }

    public Email setSubject(String subject) {
        throw new UnsupportedOperationException("compile-only stand-in for atlassian-mail's Email");
    }

    public Email setBody(String body) {
        throw new UnsupportedOperationException("compile-only stand-in for atlassian-mail's Email");
    }

    /** {@code text/plain} (the default) or {@code text/html}. */
    public Email setMimeType(String mimeType) {
        throw new UnsupportedOperationException("compile-only stand-in for atlassian-mail's Email");
    }

    public Email setEncoding(String encoding) {
        throw new UnsupportedOperationException("compile-only stand-in for atlassian-mail's Email");
    }
}
