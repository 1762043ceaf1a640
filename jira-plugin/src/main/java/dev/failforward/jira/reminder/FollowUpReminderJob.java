package dev.failforward.jira.reminder;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import dev.failforward.jira.mail.Mail;
import dev.failforward.jira.mail.Outbox;
import dev.failforward.jira.persistence.AoFollowUps;
import dev.failforward.jira.persistence.AoReminderClaims;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The daily follow-up reminders (plan-do-<b>study</b>-act: an action is followed up until its effect is checked).
 * {@link FollowUpScheduler} runs it once a day on one node; it is just as correct when two nodes run it at once.
 *
 * <p>For the run's day (the scheduler's start time in the instance's zone): every open action item due within
 * {@link ReminderSettings.Values#daysAhead()} days tells its owner "due soon", every open item past its due date
 * "overdue", every done item whose effectiveness check-in date has come and that has no result yet "check-in due"; an
 * item overdue for {@link ReminderSettings.Values#leadAfterDays()} days or more also tells its project's lead (once
 * per due date). Nobody hears of an item in a project they may not browse.
 *
 * <p>Each person gets one mail listing their notices. Before a notice goes into a mail it is
 * {@linkplain AoReminderClaims#claim claimed} ({@code <item id>:<kind>:<day>}, unique, in a transaction of its own):
 * a notice another run claimed is left out, so however many nodes run the job at once, each item reaches each person
 * once per kind and day. When the mail cannot be queued its claims are released and the next run tries again.
 */
@Named
public class FollowUpReminderJob implements JobRunner {

    private static final Logger log = LoggerFactory.getLogger(FollowUpReminderJob.class);

    /** Claims are kept this many days (two weeks: a week's digest claim outlives its week). */
    static final int KEEP_CLAIMS_DAYS = 14;

    private final AoFollowUps followUps;
    private final AoReminderClaims claims;
    private final ReminderSettings settings;
    private final Recipients recipients;
    private final ReminderMails mails;
    private final Outbox outbox;
    private final ZoneId zone;

    @Inject
    public FollowUpReminderJob(AoFollowUps followUps, AoReminderClaims claims, ReminderSettings settings,
                               Recipients recipients, ReminderMails mails, Outbox outbox) {
        this(followUps, claims, settings, recipients, mails, outbox, ZoneId.systemDefault());
    }

    FollowUpReminderJob(AoFollowUps followUps, AoReminderClaims claims, ReminderSettings settings, Recipients recipients,
                        ReminderMails mails, Outbox outbox, ZoneId zone) {
        this.followUps = Objects.requireNonNull(followUps, "followUps");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.recipients = Objects.requireNonNull(recipients, "recipients");
        this.mails = Objects.requireNonNull(mails, "mails");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        ReminderSettings.Values values = settings.read();
        if (!values.enabled()) {
            return JobRunnerResponse.success("follow-up reminders are switched off");
        }
        Instant now = request.getStartTime().toInstant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Tally tally = run(today, now, values, request::isCancellationRequested);
        forgetOldClaims(today);
        log.info("Fail Forward follow-up reminders: {}", tally);
        return tally.failed == 0 ? JobRunnerResponse.success(tally.toString()) : JobRunnerResponse.failed(tally.toString());
    }

    /** One run for {@code today}; what it did. */
    Tally run(LocalDate today, Instant now, ReminderSettings.Values values, java.util.function.BooleanSupplier cancelled) {
        Tally tally = new Tally();
        Map<String, List<Notice>> byRecipient = new TreeMap<>();
        for (Notice notice : notices(today, values)) {
            byRecipient.computeIfAbsent(notice.recipientKey(), k -> new ArrayList<>()).add(notice);
        }
        Map<String, Set<String>> browsable = new HashMap<>();
        for (Map.Entry<String, List<Notice>> entry : byRecipient.entrySet()) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            try {
                send(entry.getKey(), entry.getValue(), today, now, browsable, tally);
            } catch (RuntimeException e) {
                log.warn("Fail Forward follow-up reminders: the mail to user {} failed", entry.getKey(), e);
                tally.failed++;
            }
        }
        return tally;
    }

    /**
     * Drops the claims of days more than {@value #KEEP_CLAIMS_DAYS} days ago (also the digest's, whose weeks are over),
     * but not the lead's, which are keyed by due date and must stay.
     */
    void forgetOldClaims(LocalDate today) {
        try {
            claims.forgetBefore(today.minusDays(KEEP_CLAIMS_DAYS), Notice.Kind.LEAD.key());
        } catch (RuntimeException e) {
            log.warn("Fail Forward follow-up reminders: old claims could not be removed (tried again tomorrow)", e);
        }
    }

    /** Every notice of the day, before claims and permissions. */
    List<Notice> notices(LocalDate today, ReminderSettings.Values values) {
        List<Notice> notices = new ArrayList<>();
        Map<String, Optional<String>> leads = new HashMap<>();
        for (AoFollowUps.Item item : followUps.openDueBy(today.plusDays(values.daysAhead()))) {
            boolean overdue = item.dueDate().isBefore(today);
            notices.add(new Notice(overdue ? Notice.Kind.OVERDUE : Notice.Kind.DUE, item, item.ownerKey()));
            if (overdue && ChronoUnit.DAYS.between(item.dueDate(), today) >= values.leadAfterDays()) {
                leads.computeIfAbsent(item.projectKey(), recipients::projectLead)
                        .filter(lead -> !lead.equals(item.ownerKey()))
                        .ifPresent(lead -> notices.add(new Notice(Notice.Kind.LEAD, item, lead)));
            }
        }
        for (AoFollowUps.Item item : followUps.checkInsDueBy(today)) {
            notices.add(new Notice(Notice.Kind.CHECKIN, item, item.ownerKey()));
        }
        return notices;
    }

    private void send(String userKey, List<Notice> notices, LocalDate today, Instant now,
                      Map<String, Set<String>> browsable, Tally tally) {
        Optional<Recipients.Recipient> recipient = recipients.user(userKey);
        if (recipient.isEmpty()) {
            tally.noAddress++;
            return;
        }
        Set<String> projects = browsable.computeIfAbsent(userKey, recipients::browsableProjects);
        List<Notice> mine = new ArrayList<>();
        List<String> claimed = new ArrayList<>();
        try {
            for (Notice notice : notices) {
                if (!projects.contains(notice.item().projectKey())) {
                    continue;
                }
                AoReminderClaims.Claim claim = AoReminderClaims.Claim.reminder(notice.item().id(), notice.kind().key(),
                        userKey, notice.claimDay(today));
                if (claims.claim(claim, now)) {
                    claimed.add(claim.key());
                    mine.add(notice);
                } else {
                    tally.alreadySent++;
                }
            }
            if (mine.isEmpty()) {
                return;
            }
            Mail mail = mails.reminder(recipient.get(), mine, today);
            outbox.queue(mail);
            tally.mails++;
            tally.notices += mine.size();
        } catch (RuntimeException e) {
            for (String key : claimed) {
                release(key);
            }
            throw e;
        }
    }

    private void release(String key) {
        try {
            claims.release(key);
        } catch (RuntimeException e) {
            // the reminder is then skipped today (at most once, never twice); tomorrow's has a new key
            log.warn("Fail Forward follow-up reminders: could not release claim {}", key, e);
        }
    }

    /** What one run did, as the scheduler's admin page shows it. */
    static final class Tally {
        int mails;
        int notices;
        int alreadySent;
        int noAddress;
        int failed;

        @Override
        public String toString() {
            String done = "queued " + mails + " mails with " + notices + " reminders; " + alreadySent
                    + " already sent today, " + noAddress + " owners without an address";
            return failed == 0 ? done : done + "; " + failed + " mails could not be queued (see the Jira log)";
        }
    }
}
