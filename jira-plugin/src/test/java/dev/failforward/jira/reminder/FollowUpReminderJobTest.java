package dev.failforward.jira.reminder;

import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.mail.Mail;
import dev.failforward.jira.persistence.AoActionItemRepository;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.FailureDbSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Date;

import static dev.failforward.jira.reminder.ReminderFixture.NOW;
import static dev.failforward.jira.reminder.ReminderFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily reminders on one node: what one person's mail says (grouped, in their language, escaped, linked), the
 * settings (days ahead, when the lead is told, switched off), and a mail that could not be queued is tried again.
 */
class FollowUpReminderJobTest {

    private AoDatabase db;
    private final ReminderFixture.People people = new ReminderFixture.People();
    private final ReminderFixture.RecordingOutbox outbox = new ReminderFixture.RecordingOutbox();
    private ReminderSettings settings;
    private FollowUpReminderJob job;
    private AoActionItemRepository actions;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        settings = new ReminderSettings(ReminderFixture.settings());
        job = ReminderFixture.reminderJob(db.activeObjects(), people, outbox, settings);
        actions = new AoActionItemRepository(db.activeObjects());
        AoFailureRecordRepository records = new AoFailureRecordRepository(db.activeObjects());
        ReminderFixture.record(records, 1, "OPS-1", "Checkout outage", NOW);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void onePersonGetsOneMailGroupedByKindInTheirLanguage() {
        ReminderFixture.open(actions, 1, 1, "ben", -2);
        ReminderFixture.open(actions, 1, 2, "ben", 1);
        ReminderFixture.doneAwaitingCheckIn(actions, 1, 3, "ben", 0);
        actions.add(new dev.failforward.core.record.ActionItem.Draft(1, "Fix <b>alerts</b> & \"pager\"", "ben",
                TODAY, dev.failforward.core.record.ActionType.DETECT, null, NOW));

        FollowUpReminderJob.Tally tally = job.run(TODAY, NOW, settings.read(), () -> false);

        assertThat(tally.mails).isEqualTo(1);
        assertThat(tally.notices).isEqualTo(4);
        Mail mail = outbox.queued.get(0);
        assertThat(mail.to()).isEqualTo("ben@example.com");
        assertThat(mail.subject()).isEqualTo("[de] failforward.reminder.mail.subject 4");
        String html = mail.htmlBody();
        assertThat(html).contains("[de] failforward.reminder.mail.greeting Name of ben",
                "<a href=\"https://jira.example.com/browse/OPS-1\">OPS-1</a> desc-1 ([de] failforward.reminder.mail.overdueby",
                "desc-2 ([de] failforward.reminder.mail.dueon", "desc-3 ([de] failforward.reminder.mail.checkinsince",
                "Fix &lt;b&gt;alerts&lt;/b&gt; &amp; &quot;pager&quot;",
                "href=\"https://jira.example.com/secure/Dashboard.jspa\"")
                .doesNotContain("<b>alerts");
        assertThat(html.indexOf("failforward.reminder.mail.overdue<"))
                .isLessThan(html.indexOf("failforward.reminder.mail.due<"))
                .isLessThan(html.indexOf("failforward.reminder.mail.checkin<"));
    }

    @Test
    void theSettingsDecideHowFarAheadWhenTheLeadHearsAndWhetherAnythingIsSent() {
        ReminderFixture.open(actions, 1, 1, "anna", 5);
        ReminderFixture.open(actions, 1, 2, "anna", -3);
        settings.write(new ReminderSettings.Values(true, 5, 3));
        job.run(TODAY, NOW, settings.read(), () -> false);
        assertThat(outbox.itemsMailedTo("anna")).containsOnlyKeys("desc-1", "desc-2");
        assertThat(outbox.itemsMailedTo("lead-ops")).containsOnlyKeys("desc-2");

        // old claims go, except the lead's (keyed by due date): three weeks later the lead hears of desc-1 (now long
        // overdue too) but not again of desc-2
        job.forgetOldClaims(TODAY.plusDays(21));
        outbox.queued.clear();
        job.run(TODAY.plusDays(21), NOW.plusSeconds(21 * 86_400L), settings.read(), () -> false);
        assertThat(outbox.itemsMailedTo("lead-ops")).containsOnlyKeys("desc-1");
        assertThat(outbox.itemsMailedTo("anna")).containsOnlyKeys("desc-1", "desc-2");

        outbox.queued.clear();
        settings.write(new ReminderSettings.Values(false, 5, 3));
        assertThat(job.runJob(request()).getMessage()).contains("switched off");
        assertThat(outbox.queued).isEmpty();
    }

    @Test
    void aMailThatCannotBeQueuedReleasesItsClaimsAndTheNextRunSendsIt() {
        ReminderFixture.open(actions, 1, 1, "anna", -1);
        outbox.refuse = "anna";
        assertThat(job.run(TODAY, NOW, settings.read(), () -> false).failed).isEqualTo(1);
        outbox.refuse = null;
        assertThat(job.run(TODAY, NOW, settings.read(), () -> false).mails).isEqualTo(1);
        assertThat(outbox.itemsMailedTo("anna")).containsExactly(java.util.Map.entry("desc-1", 1L));
    }

    private static com.atlassian.scheduler.JobRunnerRequest request() {
        com.atlassian.scheduler.JobRunnerRequest request = org.mockito.Mockito.mock(com.atlassian.scheduler.JobRunnerRequest.class);
        org.mockito.Mockito.when(request.getStartTime()).thenReturn(Date.from(NOW));
        return request;
    }
}
