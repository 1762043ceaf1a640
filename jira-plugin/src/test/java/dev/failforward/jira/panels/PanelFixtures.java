package dev.failforward.jira.panels;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.CheckInResult;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.SourcePage;
import dev.failforward.core.record.WhyStep;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.failuredb.RecordDetails;
import dev.failforward.jira.fields.IssueFields;
import dev.failforward.jira.testing.FakeFieldRegistry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Failure records for the panel tests: an incident and an experiment with everything the panels show. */
public final class PanelFixtures {

    public static final Instant DISCOVERED = Instant.parse("2026-11-02T08:00:00Z");
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private PanelFixtures() {
    }

    /** Berlin time, English, Jira's default formats. */
    public static UserDates dates() {
        return new JiraUserDates(new dev.failforward.host.datetime.JiraDefaultDateTimeFormatters(ZONE, Locale.ENGLISH));
    }

    public static Issue issue(String key, String typeId) {
        Issue issue = mock(Issue.class);
        IssueType type = mock(IssueType.class);
        when(type.getId()).thenReturn(typeId);
        when(issue.getKey()).thenReturn(key);
        when(issue.getIssueType()).thenReturn(type);
        return issue;
    }

    /** OPS-7, discovered {@link #DISCOVERED}; learnings, actions and whys carry {@code text} in every text. */
    public static RecordDetails incident(String text) {
        FailureRecord record = FailureRecord.builder().issueId(7).issueKey("OPS-7").projectKey("OPS")
                .kind(RecordKind.INCIDENT).summary(text).status("Learning review").discoveredAt(DISCOVERED)
                .createdAndUpdatedAt(DISCOVERED).build();
        SourcePage retro = new SourcePage("https://wiki.example.com/retro?x=" + text.hashCode(), text);
        List<Learning> learnings = List.of(
                new Learning(1, 7, text + " 1", LearningKind.INSIGHT, "alice", DISCOVERED.plusSeconds(3600), retro),
                new Learning(2, 7, text + " 2", LearningKind.GOT_LUCKY, "alice", DISCOVERED.plusSeconds(7200), retro),
                new Learning(3, 7, text + " 3", LearningKind.SURPRISE, "bob", DISCOVERED.plusSeconds(10800)));
        List<ActionItem> actions = List.of(
                new ActionItem(1, 7, text, "alice", LocalDate.of(2026, 11, 20), ActionType.PREVENT, ActionStatus.DONE,
                        LocalDate.of(2026, 12, 4), CheckInResult.EFFECTIVE, text, DISCOVERED.plusSeconds(3600),
                        DISCOVERED.plusSeconds(3600), 0),
                new ActionItem(2, 7, text, "bob", LocalDate.of(2026, 11, 25), ActionType.DETECT, ActionStatus.OPEN,
                        null, null, null, DISCOVERED.plusSeconds(14400), DISCOVERED.plusSeconds(14400), 0));
        List<WhyStep> whys = List.of(new WhyStep(7, 1, text + "?", text), new WhyStep(7, 2, "Why?", text));
        return new RecordDetails(record, learnings, actions, whys);
    }

    /** APP-12, pivoted from APP-5 (which pivoted from APP-2), refuted, pivot. */
    public static RecordDetails experiment(String text) {
        Instant at = Instant.parse("2026-10-01T10:00:00Z");
        FailureRecord record = FailureRecord.builder().issueId(12).issueKey("APP-12").projectKey("APP")
                .kind(RecordKind.EXPERIMENT).summary(text).status("Decided")
                .successCriteria("Signups +5% " + text + "\n\n  Churn unchanged  ").stopCriteria(text)
                .outcome(Outcome.REFUTED).decision(Decision.PIVOT).pivotedFrom("APP-5").startedAt(at)
                .createdAndUpdatedAt(at).build();
        return new RecordDetails(record,
                List.of(new Learning(9, 12, text, LearningKind.WENT_WELL, "carol", at.plusSeconds(86400))),
                List.of(), List.of());
    }

    public static RecordDetails earlier(String key, String summary, String pivotedFrom) {
        Instant at = Instant.parse("2026-08-01T10:00:00Z");
        long id = FailureRecord.issueNumber(key);
        return new RecordDetails(FailureRecord.builder().issueId(id).issueKey(key).projectKey("APP")
                .kind(RecordKind.EXPERIMENT).summary(summary).status("Closed").pivotedFrom(pivotedFrom)
                .createdAndUpdatedAt(at).build(), List.of(), List.of(), List.of());
    }

    /** A context provider over {@code failureDb}, at {@code now}, with links under {@code /jira}. */
    public static FailureRecordPanelContext provider(FailureDbService failureDb, I18nResolver i18n,
                                                     PageBuilderService page, Instant now) {
        return provider(failureDb, i18n, page, now, mock(dev.failforward.jira.recurrence.RecurrenceService.class));
    }

    /** As above, with these recurrence suggestions. */
    public static FailureRecordPanelContext provider(FailureDbService failureDb, I18nResolver i18n,
                                                     PageBuilderService page, Instant now,
                                                     dev.failforward.jira.recurrence.RecurrenceService recurrences) {
        ApplicationProperties application = mock(ApplicationProperties.class);
        when(application.getBaseUrl(UrlMode.RELATIVE)).thenReturn("/jira");
        return new FailureRecordPanelContext(failureDb, new IssueFields(new FakeFieldRegistry()), i18n, dates(),
                application, page, new dev.failforward.jira.permissions.FakeRecordPermissions()
                .as("carol", java.util.Set.of("APP", "OPS"), java.util.Set.of("OPS")), users(),
                mock(dev.failforward.jira.retro.RetroPageLinks.class),
                recurrences, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Alice Andersen ("alice") and Dave ("dave", no full name); other keys ("bob") are users Jira no longer knows. */
    public static dev.failforward.jira.users.SalUserDirectory users() {
        com.atlassian.sal.api.user.UserManager users = mock(com.atlassian.sal.api.user.UserManager.class);
        com.atlassian.sal.api.user.UserProfile alice = mock(com.atlassian.sal.api.user.UserProfile.class);
        when(alice.getFullName()).thenReturn("Alice Andersen");
        when(users.getUserProfile(new com.atlassian.sal.api.user.UserKey("alice"))).thenReturn(alice);
        when(users.getUserProfile(new com.atlassian.sal.api.user.UserKey("dave")))
                .thenReturn(mock(com.atlassian.sal.api.user.UserProfile.class));
        return new dev.failforward.jira.users.SalUserDirectory(users);
    }

    public static PageBuilderService page() {
        return mock(PageBuilderService.class, RETURNS_DEEP_STUBS);
    }
}
