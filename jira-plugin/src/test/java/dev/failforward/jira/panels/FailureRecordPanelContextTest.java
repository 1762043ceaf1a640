package dev.failforward.jira.panels;

import dev.failforward.jira.failuredb.RecordDetails;

import dev.failforward.core.record.FailureRecord;

import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.failforward.jira.JiraI18n;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.projection.ProjectionSetup;
import dev.failforward.jira.testing.FakeFieldRegistry;
import dev.failforward.jira.testing.FakeIssue;
import dev.failforward.core.record.RecordKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.failforward.jira.panels.PanelFixtures.DISCOVERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class FailureRecordPanelContextTest {

    private final FailureDbService failureDb = mock(FailureDbService.class);
    private final PageBuilderService page = PanelFixtures.page();

    private Map<String, Object> contextAt(String key, Instant now) {
        return PanelFixtures.provider(failureDb, JiraI18n.english(), page, now)
                .getContextMap(Map.of("issue", PanelFixtures.issue(key, "10002")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void incidentShowsLearningsWithKindsActionsWhysAndRetrosInTheUsersZone() {
        when(failureDb.details("OPS-7")).thenReturn(PanelFixtures.incident("Disk full"));
        Map<String, Object> context = contextAt("OPS-7", DISCOVERED.plusSeconds(30 * 3600));

        assertThat(context).containsEntry("found", true).containsEntry("experiment", false)
                .containsEntry("issueKey", "OPS-7").containsEntry("baseUrl", "/jira")
                .containsEntry("canEdit", true).as("carol may edit OPS")
                .containsKey("issue").doesNotContainKeys("plan", "lineage", "pivots");
        List<Map<String, Object>> learnings = (List<Map<String, Object>>) context.get("learnings");
        assertThat(learnings).extracting(l -> l.get("id") + " " + l.get("text") + " / " + l.get("kind") + " " + l.get("kindName"))
                .containsExactly("1 Disk full 1 / Insight INSIGHT", "2 Disk full 2 / Got lucky GOT_LUCKY",
                        "3 Disk full 3 / Surprise SURPRISE");
        List<Map<String, Object>> actions = (List<Map<String, Object>>) context.get("actions");
        assertThat(actions).hasSize(2);
        // owners by the name people see, the key kept for the edit form; an unknown key stays as it is
        assertThat(actions.get(0)).containsEntry("owner", "Alice Andersen").containsEntry("ownerKey", "alice")
                .containsEntry("due", "20/Nov/26").containsEntry("dueIso", "2026-11-20")
                .containsEntry("status", "Done").containsEntry("statusName", "DONE")
                .containsEntry("checkIn", "04/Dec/26").containsEntry("checkInIso", "2026-12-04")
                .containsEntry("checkInResult", "Effective").containsEntry("checkInResultName", "EFFECTIVE")
                .containsEntry("type", "Prevent").containsEntry("typeName", "PREVENT")
                .containsEntry("id", 1L).containsEntry("version", 0L);
        assertThat(actions.get(1)).containsEntry("owner", "bob").containsEntry("status", "Open")
                .containsEntry("checkIn", "").containsEntry("checkInResult", "").containsEntry("checkInResultName", "");
        assertThat((List<Map<String, Object>>) context.get("whys")).extracting(w -> w.get("position") + " " + w.get("question"))
                .containsExactly("1 Disk full?", "2 Why?");
        assertThat((List<Map<String, Object>>) context.get("retros")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("title", "Disk full"));
        assertThat((Map<String, String>) context.get("text")).containsEntry("learnings", "Learnings");
    }

    @Test
    @SuppressWarnings("unchecked")
    void ruleMetShowsWhenInTheUsersZone() {
        when(failureDb.details("OPS-7")).thenReturn(PanelFixtures.incident("x"));
        Map<String, Object> rule = (Map<String, Object>) contextAt("OPS-7", DISCOVERED.plusSeconds(30 * 3600))
                .get("rule");
        // discovered 08:00 UTC = 09:00 Berlin; the 3rd learning came at +3 h, the 2nd next step at +4 h
        assertThat(rule).containsEntry("status", "MET").containsEntry("label", "Learned in time")
                .containsEntry("deadline", "03/Nov/26 9:00 AM").containsEntry("metAt", "02/Nov/26 1:00 PM")
                .containsEntry("deadlineIso", "2026-11-03T08:00:00Z").containsEntry("left", "")
                .containsEntry("counts", "3 learnings, 2 next steps");
        // the panels' script edits in place as well as counting down: required on every recorded issue
        verify(page.assembler().resources()).requireWebResource("dev.failforward.jira:issue-panels");
    }

    @Test
    @SuppressWarnings("unchecked")
    void ruleOpenShowsTimeLeftAndRequiresTheCountdownScript() {
        var open = PanelFixtures.incident("x");
        when(failureDb.details("OPS-7")).thenReturn(new dev.failforward.jira.failuredb.RecordDetails(open.record(),
                open.learnings().subList(0, 1), List.of(), List.of()));
        Map<String, Object> rule = (Map<String, Object>) contextAt("OPS-7", DISCOVERED.plusSeconds(5 * 3600 + 600))
                .get("rule");
        assertThat(rule).containsEntry("status", "PENDING").containsEntry("label", "Learnings due")
                .containsEntry("metAt", "").containsEntry("left", "18h 50m");
        verify(page.assembler().resources()).requireWebResource("dev.failforward.jira:issue-panels");
    }

    @Test
    @SuppressWarnings("unchecked")
    void ruleMissedAfterTheDeadline() {
        var open = PanelFixtures.incident("x");
        when(failureDb.details("OPS-7")).thenReturn(new dev.failforward.jira.failuredb.RecordDetails(open.record(),
                open.learnings(), List.of(), List.of()));
        Map<String, Object> rule = (Map<String, Object>) contextAt("OPS-7", DISCOVERED.plusSeconds(25 * 3600))
                .get("rule");
        assertThat(rule).containsEntry("status", "MISSED").containsEntry("label", "Learnings late")
                .containsEntry("metAt", "");
    }

    @Test
    @SuppressWarnings("unchecked")
    void experimentShowsPlanAgainstResultAndLineageEarliestFirst() {
        when(failureDb.details("APP-12")).thenReturn(PanelFixtures.experiment("Free trial"));
        when(failureDb.details("APP-5")).thenReturn(PanelFixtures.earlier("APP-5", "Coupons", "APP-2"));
        when(failureDb.details("APP-2")).thenThrow(new FailureDbException.NotFound("failforward.failuredb.notfound"));
        when(failureDb.pivotedTo("APP-12", FailureRecordPanelContext.PIVOTS_SHOWN)).thenReturn(List.of(
                PanelFixtures.earlier("APP-20", "Annual plan", "APP-12").record()));
        Map<String, Object> context = contextAt("APP-12", Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(context).containsEntry("experiment", true).containsEntry("rule", null)
                .containsEntry("canEdit", false).as("carol browses APP but may not edit it");
        assertThat((List<Map<String, Object>>) context.get("pivots")).singleElement()
                .satisfies(next -> assertThat(next).containsEntry("key", "APP-20")
                        .containsEntry("url", "/jira/browse/APP-20").containsEntry("summary", "Annual plan"));
        Map<String, Object> plan = (Map<String, Object>) context.get("plan");
        assertThat(plan).containsEntry("success", List.of("Signups +5% Free trial", "Churn unchanged"))
                .containsEntry("stop", List.of("Free trial")).containsEntry("outcome", "Refuted")
                .containsEntry("decision", "Pivot").containsEntry("rationale", "");
        List<Map<String, Object>> lineage = (List<Map<String, Object>>) context.get("lineage");
        assertThat(lineage).extracting(s -> s.get("key") + " " + s.get("visible") + " " + s.get("url"))
                .containsExactly("APP-2 false ", "APP-5 true /jira/browse/APP-5");
        assertThat(lineage.get(1)).containsEntry("summary", "Coupons");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIncidentAsksAboutEachPendingRecurrenceSuggestion() {
        RecordDetails incident = PanelFixtures.incident("Disk full");
        when(failureDb.details("OPS-7")).thenReturn(incident);
        var recurrences = mock(dev.failforward.jira.recurrence.RecurrenceService.class);
        var past = FailureRecord.builder().issueId(3).issueKey("OPS-3").projectKey("OPS").kind(RecordKind.INCIDENT)
                .summary("Disk filled with old logs").status("Closed")
                .createdAndUpdatedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
        when(recurrences.pending(incident.record())).thenReturn(List.of(new dev.failforward.jira.recurrence
                .RecurrenceService.Shown(new dev.failforward.jira.recurrence.RecurrenceSuggestion(1, 7, "OPS", 3,
                "OPS-3", 0.7, List.of("disk", "logs"), dev.failforward.jira.recurrence.RecurrenceSuggestion.State
                .PENDING, null, null, Instant.parse("2026-11-02T09:00:00Z")), past)));
        Map<String, Object> context = PanelFixtures.provider(failureDb, JiraI18n.english(), page,
                DISCOVERED.plusSeconds(3600), recurrences).getContextMap(Map.of("issue", PanelFixtures.issue("OPS-7",
                "10002")));
        assertThat((List<Map<String, Object>>) context.get("recurrences")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("key", "OPS-3").containsEntry("question", "Recurrence of OPS-3?")
                .containsEntry("summary", "Disk filled with old logs").containsEntry("url", "/jira/browse/OPS-3")
                .containsEntry("reasons", "disk, logs"));
        assertThat((Map<String, String>) context.get("text")).containsEntry("recurrenceconfirm", "Yes, link as recurrence");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachCriterionShowsWhatWasObservedAndItsVerdict() {
        FakeFieldRegistry registry = new FakeFieldRegistry();
        FakeIssue issue = registry.set(new FakeIssue("APP-12"), FailForwardField.OBSERVED_RESULTS,
                "signups: +3%\nchurn: unchanged\nspend: 2k");
        var experiment = PanelFixtures.experiment("x");
        var record = experiment.record().toBuilder().successCriteria("signups > 5%\nchurn unchanged")
                .stopCriteria("spend > 5k").build();
        when(failureDb.details("APP-12")).thenReturn(new dev.failforward.jira.failuredb.RecordDetails(record,
                experiment.learnings(), List.of(), List.of()));
        when(failureDb.details("APP-5")).thenReturn(PanelFixtures.earlier("APP-5", "Coupons", null));
        Map<String, Object> context = PanelFixtures.provider(failureDb, JiraI18n.english(), page, Instant.now())
                .getContextMap(Map.of("issue", issue));
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) ((Map<String, Object>) context.get("plan"))
                .get("criteria");
        assertThat(criteria).extracting(c -> c.get("kind") + " | " + c.get("criterion") + " | " + c.get("observed")
                + " | " + c.get("verdict") + " | " + c.get("verdictLabel")).containsExactly(
                "success | signups > 5% | +3% | notmet | Not met",
                "success | churn unchanged | unchanged | unknown | Not judged",
                "stop | spend > 5k | 2k | notstopped | Not triggered");
    }

    @Test
    @SuppressWarnings("unchecked")
    void decisionRationaleComesFromTheIssueField() {
        FakeFieldRegistry registry = new FakeFieldRegistry();
        FakeIssue issue = registry.set(new FakeIssue("APP-12"), FailForwardField.DECISION_RATIONALE, "Trial users churned");
        when(failureDb.details("APP-12")).thenReturn(PanelFixtures.experiment("Free trial"));
        when(failureDb.details("APP-5")).thenReturn(PanelFixtures.earlier("APP-5", "Coupons", null));
        Map<String, Object> context = PanelFixtures.provider(failureDb, JiraI18n.english(), page, Instant.now())
                .getContextMap(Map.of("issue", issue));
        assertThat((Map<String, Object>) context.get("plan")).containsEntry("rationale", "Trial users churned");
    }

    @Test
    void aRecordTheUserMayNotBrowseIsNotFound() {
        when(failureDb.details("OPS-7")).thenThrow(new FailureDbException.NotFound("failforward.failuredb.notfound"));
        assertThat(contextAt("OPS-7", Instant.now())).containsEntry("found", false).doesNotContainKey("learnings");
    }

    @Test
    void conditionShowsThePanelsOnlyOnTheRecordedIssueTypes() {
        ProjectionSetup setup = mock(ProjectionSetup.class);
        when(setup.issueTypes()).thenReturn(Map.of("10001", RecordKind.EXPERIMENT, "10002", RecordKind.INCIDENT));
        FailForwardIssueCondition condition = new FailForwardIssueCondition(setup);
        condition.init(Map.of());
        assertThat(condition.shouldDisplay(Map.of("issue", PanelFixtures.issue("APP-1", "10001")))).isTrue();
        assertThat(condition.shouldDisplay(Map.of("issue", PanelFixtures.issue("OPS-1", " 10002 ")))).isTrue();
        assertThat(condition.shouldDisplay(Map.of("issue", PanelFixtures.issue("DEV-1", "10000")))).isFalse();
        assertThat(condition.shouldDisplay(Map.of("issue", new FakeIssue("DEV-2")))).isFalse();
        assertThat(condition.shouldDisplay(Map.of())).isFalse();
    }
}
