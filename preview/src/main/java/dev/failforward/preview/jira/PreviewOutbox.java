package dev.failforward.preview.jira;

import dev.failforward.jira.mail.Mail;
import dev.failforward.jira.mail.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The preview's mail queue: it sends nothing, it keeps what the plugin queued (newest first, the last
 * {@value #KEPT}) so that {@code /jira/mail} can show the reminders and digests a user would have got. Stands in for
 * Jira's mail queue behind the plugin's {@link Outbox} (in Jira: {@code JiraMailQueueOutbox}).
 */
public final class PreviewOutbox implements Outbox {

    static final int KEPT = 200;

    /** A mail and when it was queued. */
    public record Queued(Mail mail, Instant at) {
    }

    private final List<Queued> mails = new ArrayList<>();
    private final Clock clock;

    public PreviewOutbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void queue(Mail mail) {
        mails.add(0, new Queued(mail, clock.instant()));
        if (mails.size() > KEPT) {
            mails.remove(mails.size() - 1);
        }
    }

    /** What was queued, newest first. */
    public synchronized List<Queued> mails() {
        return Collections.unmodifiableList(new ArrayList<>(mails));
    }
}
