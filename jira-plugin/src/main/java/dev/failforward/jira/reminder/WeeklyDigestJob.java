package dev.failforward.jira.reminder;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import dev.failforward.jira.persistence.AoDigestSubscribers;
import dev.failforward.jira.persistence.AoFollowUps;
import dev.failforward.jira.persistence.AoReminderClaims;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The opt-in weekly digest: each subscriber gets, once a week, the learnings recorded and the failures reported in the
 * previous calendar week (Monday to Sunday, instance zone) and the follow-ups due this week or overdue, all of the
 * projects they may browse. Nothing is sent when there is nothing to say. {@link FollowUpScheduler} runs it on Monday
 * mornings on one node; the claim {@code digest:<this Monday>:<user key>} (same table as the reminders) keeps it to one
 * digest per person and week however many nodes run it, and however often it runs that week.
 */
@Named
public class WeeklyDigestJob implements JobRunner {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigestJob.class);

    /** At most this many entries per list; the mail links to Jira for the rest. */
    static final int LIMIT = 20;

    private final AoDigestSubscribers subscribers;
    private final AoFollowUps followUps;
    private final AoReminderClaims claims;
    private final Recipients recipients;
    private final ReminderMails mails;
    private final dev.failforward.jira.mail.Outbox outbox;
    private final ZoneId zone;

    @Inject
    public WeeklyDigestJob(AoDigestSubscribers subscribers, AoFollowUps followUps, AoReminderClaims claims,
                           Recipients recipients, ReminderMails mails, dev.failforward.jira.mail.Outbox outbox) {
        this(subscribers, followUps, claims, recipients, mails, outbox, ZoneId.systemDefault());
    }

    WeeklyDigestJob(AoDigestSubscribers subscribers, AoFollowUps followUps, AoReminderClaims claims,
                    Recipients recipients, ReminderMails mails, dev.failforward.jira.mail.Outbox outbox, ZoneId zone) {
        this.subscribers = Objects.requireNonNull(subscribers, "subscribers");
        this.followUps = Objects.requireNonNull(followUps, "followUps");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.recipients = Objects.requireNonNull(recipients, "recipients");
        this.mails = Objects.requireNonNull(mails, "mails");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        Instant now = request.getStartTime().toInstant();
        Tally tally = run(LocalDate.ofInstant(now, zone), now);
        log.info("Fail Forward weekly digest: {}", tally);
        return tally.failed == 0 ? JobRunnerResponse.success(tally.toString()) : JobRunnerResponse.failed(tally.toString());
    }

    /** The Monday of {@code day}'s week. */
    static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** One run on {@code today}: the digest of the week before {@code today}'s week. */
    Tally run(LocalDate today, Instant now) {
        Tally tally = new Tally();
        LocalDate monday = weekStart(today);
        Instant from = monday.minusWeeks(1).atStartOfDay(zone).toInstant();
        Instant to = monday.atStartOfDay(zone).toInstant();
        List<AoFollowUps.Item> dueThisWeek = followUps.openDueBy(monday.plusDays(6));
        for (String userKey : subscribers.all()) {
            try {
                send(userKey, monday, from, to, dueThisWeek, today, now, tally);
            } catch (RuntimeException e) {
                log.warn("Fail Forward weekly digest: the digest of user {} failed", userKey, e);
                tally.failed++;
            }
        }
        return tally;
    }

    private void send(String userKey, LocalDate monday, Instant from, Instant to, List<AoFollowUps.Item> dueThisWeek,
                      LocalDate today, Instant now, Tally tally) {
        Optional<Recipients.Recipient> recipient = recipients.user(userKey);
        Set<String> projects = recipient.isEmpty() ? Set.of() : recipients.browsableProjects(userKey);
        if (projects.isEmpty()) {
            tally.nothing++;
            return;
        }
        List<AoFollowUps.Learning> learnings = followUps.learningsCreated(projects, from, to, LIMIT);
        List<AoFollowUps.Record> failures = followUps.recordsCreated(projects, from, to, LIMIT);
        List<AoFollowUps.Item> due = dueThisWeek.stream().filter(item -> projects.contains(item.projectKey()))
                .limit(LIMIT).toList();
        if (learnings.isEmpty() && failures.isEmpty() && due.isEmpty()) {
            tally.nothing++;
            return;
        }
        AoReminderClaims.Claim claim = claim(userKey, monday);
        if (!claims.claim(claim, now)) {
            tally.alreadySent++;
            return;
        }
        try {
            outbox.queue(mails.digest(recipient.get(), monday, learnings, failures, due, today));
            tally.sent++;
        } catch (RuntimeException e) {
            claims.release(claim.key());
            throw e;
        }
    }

    /** {@code digest:<monday>:<user key>}; a user key too long for the column is replaced by its SHA-256. */
    static AoReminderClaims.Claim claim(String userKey, LocalDate monday) {
        String key = "digest:" + monday + ":" + userKey;
        if (key.length() > 255) {
            key = "digest:" + monday + ":sha256:" + sha256(userKey);
        }
        return new AoReminderClaims.Claim(key, 0, "digest", userKey.length() > 255 ? userKey.substring(0, 255) : userKey,
                monday);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What one run did. */
    static final class Tally {
        int sent;
        int nothing;
        int alreadySent;
        int failed;

        @Override
        public String toString() {
            String done = "queued " + sent + " digests; " + nothing + " subscribers had nothing new, " + alreadySent
                    + " had this week's already";
            return failed == 0 ? done : done + "; " + failed + " could not be queued (see the Jira log)";
        }
    }
}
