package dev.failforward.jira.stopcheck;

import dev.failforward.host.settings.InMemoryPluginSettings;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.comments.CommentManager;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.query.Query;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.status.RunOutcome;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.jira.JiraI18n;
import dev.failforward.jira.fields.IssueFields;
import dev.failforward.jira.setup.SetupRecords;
import dev.failforward.jira.testing.FakeFieldRegistry;
import dev.failforward.jira.testing.FakeIssue;
import dev.failforward.jira.workflow.IssueSnapshots;
import dev.failforward.jira.workflow.WorkflowRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import static dev.failforward.jira.fields.FailForwardField.BUDGET;
import static dev.failforward.jira.fields.FailForwardField.BUDGET_SPENT;
import static dev.failforward.jira.fields.FailForwardField.STARTED_AT;
import static dev.failforward.jira.fields.FailForwardField.STOP_CRITERIA;
import static dev.failforward.jira.fields.FailForwardField.TIME_BOX_DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The daily check end to end inside the plugin: the real rules, snapshots, memory and comment text, over issues that
 * hold real field values; only Jira's search, comment store and users are stand-ins.
 */
class StopCheckJobTest {

    /** What setup records for the Experiment issue type and the Running status in this Jira. */
    private static final String EXPERIMENT_TYPE_ID = "10001";
    private static final String RUNNING_STATUS_ID = "10003";
    private static final String JQL = "issuetype = 10001 AND status = 10003 ORDER BY key ASC";

    private static final Instant STARTED = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant NOV_20 = Instant.parse("2026-11-20T03:00:00Z");
    private static final Instant NOV_21 = Instant.parse("2026-11-21T03:00:00Z");
    private static final Instant NOV_22 = Instant.parse("2026-11-22T03:00:00Z");

    private static final String TIMEBOX_PASSED =
            "* Time-box (days): the 14-day time-box ended at 2026-11-15T09:00:00Z. Stop and evaluate the experiment.";
    private static final String BUDGET_OVERSPENT =
            "* Budget spent: 5200 is more than the budget of 5000. Stop and evaluate the experiment.";

    private final FakeFieldRegistry fields = new FakeFieldRegistry();
    private final InMemoryPluginSettings settings = new InMemoryPluginSettings();
    private final SearchService search = mock(SearchService.class);
    private final CommentManager commentManager = mock(CommentManager.class);
    private final BundleI18nResolver i18n = JiraI18n.english();
    private final Query query = mock(Query.class);
    private final ApplicationUser lead = mock(ApplicationUser.class);
    private final List<Issue> running = new ArrayList<>();

    private final StopCheckJob job = new StopCheckJob(
            new RunningExperiments(search, settings.factory()),
            new IssueSnapshots(new IssueFields(fields)),
            new WorkflowRules(),
            new BreachMemory(settings.factory()),
            new BreachComments(commentManager, i18n));

    @BeforeEach
    void setUpRanAndJiraSearchesTheRunningList() throws SearchException {
        settings.put(SetupRecords.NAMESPACE + "issuetype.experiment.id", EXPERIMENT_TYPE_ID);
        settings.put(SetupRecords.NAMESPACE + "status.RUNNING.id", RUNNING_STATUS_ID);
        SearchService.ParseResult parsed = new SearchService.ParseResult(query, errors(false));
        when(search.parseQuery(isNull(), eq(JQL))).thenReturn(parsed);
        when(search.searchOverrideSecurity(isNull(), same(query), any())).thenAnswer(call -> {
            PagerFilter<?> pager = call.getArgument(2);
            int from = Math.min(pager.getStart(), running.size());
            int to = Math.min(from + pager.getMax(), running.size());
            return new SearchResults<>(running.subList(from, to), running.size(), pager.getMax(), from);
        });
    }

    // ------------------------------------------------------------------------------------------------ flagging

    @Test
    void aRunningExperimentPastItsTimeBoxGetsOneCommentFromTheProjectLeadThatNotifiesItsWatchers() {
        FakeIssue experiment = running(experimentStartedNov1("EXP-1"));

        JobRunnerResponse response = job.runJob(startedAt(NOV_20));

        verify(commentManager).create(same(experiment), same(lead), eq(comment(TIMEBOX_PASSED)), eq(true));
        assertThat(response).isEqualTo(JobRunnerResponse.success("checked 1 running experiments, flagged 1"));
    }

    @Test
    void theNextDayTheSameBreachGetsNoSecondCommentButABudgetOverspentLaterGetsItsOwn() {
        FakeIssue experiment = running(experimentStartedNov1("EXP-1"));
        job.runJob(startedAt(NOV_20));

        JobRunnerResponse nextDay = job.runJob(startedAt(NOV_21));
        verify(commentManager, times(1)).create(any(), any(), anyString(), anyBoolean());
        assertThat(nextDay.getMessage()).isEqualTo("checked 1 running experiments, flagged 0");

        fields.set(experiment, BUDGET_SPENT, 5200);
        JobRunnerResponse dayAfter = job.runJob(startedAt(NOV_22));

        ArgumentCaptor<String> comments = ArgumentCaptor.forClass(String.class);
        verify(commentManager, times(2)).create(same(experiment), same(lead), comments.capture(), eq(true));
        assertThat(comments.getAllValues()).containsExactly(comment(TIMEBOX_PASSED), comment(BUDGET_OVERSPENT));
        assertThat(dayAfter.getMessage()).isEqualTo("checked 1 running experiments, flagged 1");
    }

    @Test
    void anExperimentWithinItsLimitsGetsNoComment() {
        FakeIssue experiment = running(experimentStartedNov1("EXP-1"));
        fields.set(experiment, TIME_BOX_DAYS, 30);

        JobRunnerResponse response = job.runJob(startedAt(NOV_20));

        verifyNoInteractions(commentManager);
        assertThat(settings.get(BreachMemory.key(experiment))).isNull();
        assertThat(response).isEqualTo(JobRunnerResponse.success("checked 1 running experiments, flagged 0"));
    }

    @Test
    void aDeadlineNamedInTheStopCriteriaThatHasPassedIsFlagged() {
        FakeIssue experiment = running(experimentStartedNov1("EXP-1"));
        fields.set(experiment, TIME_BOX_DAYS, 60);
        fields.set(experiment, STOP_CRITERIA, "Stop if fewer than 40 teams sign up\nStop by 15 Nov 2026");

        job.runJob(startedAt(NOV_20));

        verify(commentManager).create(same(experiment), same(lead), eq(comment(
                "* Stop criteria: the deadline 2026-11-15 in \"Stop by 15 Nov 2026\" has passed."
                        + " Stop and evaluate the experiment.")), eq(true));
    }

    @Test
    void severalNewBreachesShareOneComment() {
        FakeIssue experiment = running(experimentStartedNov1("EXP-1"));
        fields.set(experiment, BUDGET_SPENT, 5200);

        job.runJob(startedAt(NOV_20));

        verify(commentManager).create(same(experiment), same(lead), eq(comment(TIMEBOX_PASSED, BUDGET_OVERSPENT)), eq(true));
    }

    // ------------------------------------------------------------------------------------------------ failures

    @Test
    void aFailureOnOneExperimentDoesNotStopTheNextAndIsTriedAgainTomorrow() {
        FakeIssue broken = running(experimentStartedNov1("EXP-1"));
        FakeIssue fine = running(experimentStartedNov1("EXP-2"));
        assertThat(broken.getId()).isNotEqualTo(fine.getId());
        when(commentManager.create(same(broken), any(), anyString(), anyBoolean()))
                .thenThrow(new IllegalStateException("the comment table is locked"));

        JobRunnerResponse response = job.runJob(startedAt(NOV_20));

        verify(commentManager).create(same(fine), same(lead), eq(comment(TIMEBOX_PASSED)), eq(true));
        assertThat(response).isEqualTo(JobRunnerResponse.success(
                "checked 1 running experiments, flagged 1; 1 could not be checked (see the Jira log)"));

        job.runJob(startedAt(NOV_21));
        verify(commentManager, times(2)).create(same(broken), same(lead), eq(comment(TIMEBOX_PASSED)), eq(true));
        verify(commentManager, times(1)).create(same(fine), any(), anyString(), anyBoolean());
    }

    @Test
    void aProjectWithoutALeadCannotBeCommentedOnAndIsCountedAsNotChecked() {
        FakeIssue experiment = running(experimentStartedNov1("EXP-1"));
        when(experiment.getProjectObject().getProjectLead()).thenReturn(null);

        JobRunnerResponse response = job.runJob(startedAt(NOV_20));

        verifyNoInteractions(commentManager);
        assertThat(settings.get(BreachMemory.key(experiment))).isNull();
        assertThat(response.getMessage())
                .isEqualTo("checked 0 running experiments, flagged 0; 1 could not be checked (see the Jira log)");
    }

    @Test
    void withoutSetupRecordsNothingIsSearchedAndTheRunSaysSo() {
        settings.remove(SetupRecords.NAMESPACE + "status.RUNNING.id");

        JobRunnerResponse response = job.runJob(startedAt(NOV_20));

        verifyNoInteractions(search, commentManager);
        assertThat(response.getRunOutcome()).isEqualTo(RunOutcome.SUCCESS);
        assertThat(response.getMessage()).isEqualTo(StopCheckJob.NOT_SET_UP).contains("nothing was checked");
    }

    @Test
    void aRecordThatIsNoJiraIdCountsAsNotSetUpAndNeverReachesTheJql() {
        settings.put(SetupRecords.NAMESPACE + "issuetype.experiment.id", "10001 OR project = SECRET");

        assertThat(job.runJob(startedAt(NOV_20)).getMessage()).isEqualTo(StopCheckJob.NOT_SET_UP);
        verifyNoInteractions(search);
    }

    @Test
    void aSearchJiraRefusesFailsTheRun() throws SearchException {
        running(experimentStartedNov1("EXP-1"));
        when(search.searchOverrideSecurity(any(), any(), any())).thenThrow(new SearchException("index is being rebuilt"));

        JobRunnerResponse response = job.runJob(startedAt(NOV_20));

        assertThat(response.getRunOutcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(response.getMessage()).startsWith("Jira could not search for running experiments");
        verifyNoInteractions(commentManager);
    }

    @Test
    void aQueryJiraCannotParseFailsTheRun() {
        SearchService.ParseResult invalid = new SearchService.ParseResult(query, errors(true));
        when(search.parseQuery(isNull(), eq(JQL))).thenReturn(invalid);

        JobRunnerResponse response = job.runJob(startedAt(NOV_20));

        assertThat(response.getRunOutcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(response.getMessage()).contains("cannot parse", JQL);
    }

    @Test
    void aCancelledRunStopsBeforeTheNextExperiment() {
        running(experimentStartedNov1("EXP-1"));

        JobRunnerResponse response = job.runJob(new Run(Date.from(NOV_20), true));

        assertThat(response).isEqualTo(JobRunnerResponse.aborted("stopped on request: checked 0 running experiments, flagged 0"));
        verifyNoInteractions(commentManager);
    }

    // ------------------------------------------------------------------------------------------------ the search

    @Test
    void itSearchesTheRecordedTypeAndStatusSystemWideOverridingSecurity() throws SearchException {
        running(experimentStartedNov1("EXP-1"));

        job.runJob(startedAt(NOV_20));

        verify(search).parseQuery(null, JQL);
        verify(search).searchOverrideSecurity(isNull(), same(query), any());
    }

    @Test
    void itPagesThroughTheRunningExperiments200AtATime() throws SearchException {
        IntStream.rangeClosed(1, 201).forEach(id -> running(issueWithoutValues(id)));

        JobRunnerResponse response = job.runJob(startedAt(NOV_20));

        ArgumentCaptor<PagerFilter<?>> pagers = ArgumentCaptor.forClass(PagerFilter.class);
        verify(search, times(2)).searchOverrideSecurity(isNull(), same(query), pagers.capture());
        assertThat(pagers.getAllValues()).extracting(PagerFilter::getStart).containsExactly(0, 200);
        assertThat(pagers.getAllValues()).extracting(PagerFilter::getMax).containsOnly(200);
        assertThat(response.getMessage()).isEqualTo("checked 201 running experiments, flagged 0");
    }

    @Test
    void anIssueSeenOnAnEarlierPageIsCheckedOnce() {
        List<Issue> firstPage = IntStream.rangeClosed(1, 200).mapToObj(StopCheckJobTest::issueWithoutValues).toList();
        firstPage.forEach(this::running);
        running(firstPage.get(199)); // shifted onto the next page while we paged

        assertThat(job.runJob(startedAt(NOV_20)).getMessage()).isEqualTo("checked 200 running experiments, flagged 0");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Started 1 Nov 09:00 UTC with a 14-day time-box (over 15 Nov 09:00), 1,200 of 5,000 spent, a metric stop criterion. */
    private FakeIssue experimentStartedNov1(String key) {
        FakeIssue experiment = spy(new FakeIssue(key));
        Project project = mock(Project.class);
        when(project.getProjectLead()).thenReturn(lead);
        doReturn(project).when(experiment).getProjectObject();
        fields.set(experiment, STARTED_AT, STARTED);
        fields.set(experiment, TIME_BOX_DAYS, 14);
        fields.set(experiment, BUDGET, 5000);
        fields.set(experiment, BUDGET_SPENT, 1200);
        fields.set(experiment, STOP_CRITERIA, "Stop if fewer than 40 teams sign up");
        return experiment;
    }

    private static Issue issueWithoutValues(long id) {
        Issue issue = mock(Issue.class);
        when(issue.getId()).thenReturn(id);
        when(issue.getKey()).thenReturn("EXP-" + id);
        return issue;
    }

    private <T extends Issue> T running(T issue) {
        running.add(issue);
        return issue;
    }

    private String comment(String... bullets) {
        return i18n.getText(BreachComments.HEADING) + "\n" + String.join("\n", Arrays.asList(bullets));
    }

    private static MessageSet errors(boolean any) {
        MessageSet errors = mock(MessageSet.class);
        when(errors.hasAnyErrors()).thenReturn(any);
        return errors;
    }

    private static JobRunnerRequest startedAt(Instant now) {
        return new Run(Date.from(now), false);
    }

    private record Run(Date getStartTime, boolean isCancellationRequested) implements JobRunnerRequest {
    }
}
