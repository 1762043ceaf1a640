package dev.failforward.jira.reminder;

import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.mail.Mail;
import dev.failforward.jira.persistence.AoActionItemRepository;
import dev.failforward.jira.persistence.AoDigestSubscribers;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoFollowUps;
import dev.failforward.jira.persistence.AoLearningRepository;
import dev.failforward.jira.persistence.AoReminderClaims;
import dev.failforward.jira.persistence.FailureDbSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static dev.failforward.jira.reminder.ReminderFixture.NOW;
import static dev.failforward.jira.reminder.ReminderFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly digest: a subscriber gets last week's learnings and failures and this week's due follow-ups of the
 * projects they may browse, escaped and linked; once per week however often the job runs; nothing when there is
 * nothing to say; nobody who did not opt in.
 */
class WeeklyDigestJobTest {

    private static final Instant LAST_WEEK = TODAY.minusDays(4).atTime(10, 0).toInstant(ZoneOffset.UTC);
    private static final Instant TWO_WEEKS_AGO = TODAY.minusDays(10).atTime(10, 0).toInstant(ZoneOffset.UTC);

    private AoDatabase db;
    private final ReminderFixture.People people = new ReminderFixture.People();
    private final ReminderFixture.RecordingOutbox outbox = new ReminderFixture.RecordingOutbox();
    private AoDigestSubscribers subscribers;
    private WeeklyDigestJob job;
    private AoFailureRecordRepository records;
    private AoActionItemRepository actions;
    private AoLearningRepository learnings;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        subscribers = new AoDigestSubscribers(db.activeObjects());
        records = new AoFailureRecordRepository(db.activeObjects());
        actions = new AoActionItemRepository(db.activeObjects());
        learnings = new AoLearningRepository(db.activeObjects());
        job = new WeeklyDigestJob(subscribers, new AoFollowUps(db.activeObjects()), new AoReminderClaims(db.activeObjects()),
                people, ReminderFixture.mails(), outbox, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSubscriberGetsLastWeeksLearningsAndFailuresAndThisWeeksFollowUpsOfTheirProjectsOnce() {
        ReminderFixture.record(records, 1, "OPS-1", "Checkout <script>alert(1)</script> outage", LAST_WEEK);
        ReminderFixture.record(records, 2, "OPS-2", "An old failure", TWO_WEEKS_AGO);
        ReminderFixture.record(records, 3, "LAB-1", "Canary in the lab", LAST_WEEK);
        learnings.add(new Learning.Draft(2, "Alerts need owners & runbooks", LearningKind.INSIGHT, "anna", LAST_WEEK));
        learnings.add(new Learning.Draft(2, "An old learning", LearningKind.INSIGHT, "anna", TWO_WEEKS_AGO));
        learnings.add(new Learning.Draft(3, "Lab-only learning", LearningKind.INSIGHT, "kim", LAST_WEEK));
        ReminderFixture.open(actions, 1, 1, "anna", 3);   // due this week
        ReminderFixture.open(actions, 1, 2, "anna", 9);   // next week: not in
        ReminderFixture.open(actions, 3, 3, "kim", -2);   // overdue, but in LAB
        subscribers.set("ben", true, NOW);                // ben browses OPS only
        subscribers.set("kim", true, NOW);                // kim browses LAB only

        WeeklyDigestJob.Tally first = job.run(TODAY, NOW);
        WeeklyDigestJob.Tally again = job.run(TODAY.plusDays(3), NOW.plusSeconds(3 * 86_400));

        assertThat(first.sent).isEqualTo(2);
        assertThat(again.sent).as("once per week").isZero();
        assertThat(again.alreadySent).isEqualTo(2);
        assertThat(outbox.queued).extracting(Mail::recipientKey).containsExactly("ben", "kim");
        Mail ben = outbox.queued.get(0);
        assertThat(ben.to()).isEqualTo("ben@example.com");
        assertThat(ben.subject()).startsWith("[de] failforward.digest.mail.subject");
        assertThat(ben.htmlBody())
                .contains("Checkout &lt;script&gt;alert(1)&lt;/script&gt; outage", "Alerts need owners &amp; runbooks",
                        "desc-1 (", "href=\"https://jira.example.com/browse/OPS-1\"",
                        "failforward.digest.mail.learnings", "failforward.digest.mail.failures",
                        "failforward.digest.mail.followups")
                .doesNotContain("<script>", "An old failure", "An old learning", "Lab-only", "Canary", "desc-2", "desc-3");
        assertThat(outbox.queued.get(1).htmlBody()).contains("Lab-only learning", "Canary in the lab", "desc-3 (")
                .doesNotContain("Checkout", "desc-1");

        // the next week is a new digest
        job.run(TODAY.plusWeeks(1), NOW.plusSeconds(7 * 86_400));
        assertThat(outbox.queued).hasSize(4);
    }

    @Test
    void nothingToSayMeansNoMailAndNoClaimAndOptingOutStopsIt() {
        ReminderFixture.record(records, 1, "OPS-1", "Old news", TWO_WEEKS_AGO);
        subscribers.set("ben", true, NOW);
        subscribers.set("anna", true, NOW);
        subscribers.set("nomail", true, NOW);

        WeeklyDigestJob.Tally quiet = job.run(TODAY, NOW);
        assertThat(quiet.sent).isZero();
        assertThat(quiet.nothing).isEqualTo(3);
        assertThat(outbox.queued).isEmpty();

        // something happens later that week: the digest of that week still goes out (no claim was taken)
        learnings.add(new Learning.Draft(1, "Late learning", LearningKind.INSIGHT, "anna", LAST_WEEK));
        subscribers.set("anna", false, NOW);
        job.run(TODAY.plusDays(1), NOW.plusSeconds(86_400));
        assertThat(outbox.queued).extracting(Mail::recipientKey).containsExactly("ben");
    }

    @Test
    void aDigestThatCannotBeQueuedIsTriedAgainOnTheNextRun() {
        ReminderFixture.record(records, 1, "OPS-1", "New failure", LAST_WEEK);
        subscribers.set("ben", true, NOW);
        outbox.refuse = "ben";
        WeeklyDigestJob.Tally failed = job.run(TODAY, NOW);
        assertThat(failed.failed).isEqualTo(1);
        outbox.refuse = null;
        assertThat(job.run(TODAY, NOW).sent).isEqualTo(1);
        assertThat(outbox.queued).hasSize(1);
    }

    @Test
    void theWeekStartsOnMondayAndALongUserKeyStillMakesAValidClaim() {
        assertThat(WeeklyDigestJob.weekStart(LocalDate.of(2026, 12, 13))).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(WeeklyDigestJob.weekStart(LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(WeeklyDigestJob.claim("anna", TODAY).key()).isEqualTo("digest:2026-12-07:anna");
        String longKey = "u".repeat(300);
        assertThat(WeeklyDigestJob.claim(longKey, TODAY).key()).startsWith("digest:2026-12-07:sha256:").hasSize(25 + 64);
    }
}
