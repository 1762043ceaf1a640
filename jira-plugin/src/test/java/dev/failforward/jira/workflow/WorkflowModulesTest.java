package dev.failforward.jira.workflow;

import com.opensymphony.workflow.InvalidInputException;
import com.opensymphony.workflow.loader.FunctionDescriptor;
import com.opensymphony.workflow.loader.ValidatorDescriptor;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemRepository;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.LearningRepository;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.jira.JiraI18n;
import dev.failforward.jira.fields.IssueFields;
import dev.failforward.jira.testing.FakeFieldRegistry;
import dev.failforward.jira.testing.FakeIssue;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.failforward.jira.fields.FailForwardField.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The workflow modules as Jira runs them: an issue in the transient variables, arguments from the workflow XML. */
class WorkflowModulesTest {

    private static final BundleI18nResolver I18N = JiraI18n.english();
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final FakeFieldRegistry registry = new FakeFieldRegistry();
    private final IssueFields fields = new IssueFields(registry);
    private final IssueSnapshots snapshots = new IssueSnapshots(fields);
    private final WorkflowRules rules = new WorkflowRules();
    private final Set<String> onScreen = new HashSet<>();
    private final ProblemReporter reporter = new ProblemReporter(I18N, fields, (vars, id) -> onScreen.contains(id));

    private FakeIssue completePlan() {
        FakeIssue issue = new FakeIssue("OPS-1");
        registry.set(issue, HYPOTHESIS, "If we add a pre-deploy checklist, then deploy failures drop below 2 per month"
                + " because most failed deploys skipped a manual step");
        registry.set(issue, SUCCESS_CRITERIA, "deploy failures < 2 per month");
        registry.set(issue, STOP_CRITERIA, "deploy failures > 6 per month\nbudget 1,500 EUR");
        registry.set(issue, LEARNING_GOALS, "Which manual steps get skipped, and why");
        registry.set(issue, PHASE, "EXPLORE");
        registry.set(issue, BUDGET, 1500);
        registry.set(issue, TIME_BOX_DAYS, 14);
        return issue;
    }

    private static Map<String, Object> vars(FakeIssue issue) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("issue", issue);
        return vars;
    }

    private static InvalidInputException refused(FailForwardValidator validator, FakeIssue issue, Map<String, String> args) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> validator.validate(vars(issue), args, null));
        assertThat(e).as("the transition is refused").isNotNull();
        return e;
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(InvalidInputException e) {
        List<String> all = new java.util.ArrayList<>((List<String>) e.getGenericErrors());
        all.addAll(((Map<String, String>) e.getErrors()).values());
        return all;
    }

    @Test
    void aCompletePlanPassesEveryPlanValidatorAndShowsStart() {
        FakeIssue issue = completePlan();
        assertThatCode(() -> new HypothesisValidator(snapshots, rules, reporter).validate(vars(issue), Map.of(), null)).doesNotThrowAnyException();
        assertThatCode(() -> new CriteriaValidator(snapshots, rules, reporter).validate(vars(issue), Map.of(), null)).doesNotThrowAnyException();
        assertThatCode(() -> new PlanScaleValidator(snapshots, rules, reporter).validate(vars(issue), Map.of(), null)).doesNotThrowAnyException();
        assertThat(new PlanCompleteCondition(snapshots, rules).passesCondition(vars(issue), Map.of(), null)).isTrue();
    }

    @Test
    void noHypothesisIsRefusedWithAMessageNamingTheField() {
        FakeIssue issue = registry.set(completePlan(), HYPOTHESIS, null);
        InvalidInputException e = refused(new HypothesisValidator(snapshots, rules, reporter), issue, Map.of());
        assertThat(messages(e)).singleElement().asString().startsWith("Hypothesis");
        assertThat(new PlanCompleteCondition(snapshots, rules).passesCondition(vars(issue), Map.of(), null)).isFalse();
    }

    @Test
    void aWishIsNotAHypothesis() {
        FakeIssue issue = registry.set(completePlan(), HYPOTHESIS, "Let's see what happens");
        InvalidInputException e = refused(new HypothesisValidator(snapshots, rules, reporter), issue, Map.of());
        assertThat(messages(e)).anySatisfy(m -> assertThat(m).contains("If X, then Y"));
    }

    @Test
    void suggestionsBlockOnlyWhenTheWorkflowSaysSo() {
        FakeIssue issue = registry.set(completePlan(), HYPOTHESIS, "If we add a checklist, then deploy failures drop below 2 per month");
        HypothesisValidator validator = new HypothesisValidator(snapshots, rules, reporter);
        assertThatCode(() -> validator.validate(vars(issue), Map.of("blockOnSuggestions", "false"), null)).doesNotThrowAnyException();
        InvalidInputException e = refused(validator, issue, Map.of("blockOnSuggestions", "true"));
        assertThat(messages(e)).singleElement().asString().startsWith("Hypothesis: Add why you believe it");
    }

    @Test
    void anErrorGoesUnderItsFieldWhenTheScreenShowsIt() {
        FakeIssue issue = registry.set(completePlan(), HYPOTHESIS, "Let's see what happens");
        onScreen.add(registry.id(HYPOTHESIS));
        InvalidInputException e = refused(new HypothesisValidator(snapshots, rules, reporter), issue, Map.of());
        assertThat(e.getErrors()).containsOnlyKeys(registry.id(HYPOTHESIS));
        assertThat(e.getGenericErrors()).isEmpty();
    }

    @Test
    void unmeasurableCriteriaAreRefused() {
        FakeIssue issue = registry.set(completePlan(), STOP_CRITERIA, "when it feels wrong");
        InvalidInputException e = refused(new CriteriaValidator(snapshots, rules, reporter), issue, Map.of());
        assertThat(messages(e)).anySatisfy(m -> assertThat(m).startsWith("Stop criteria"));
    }

    @Test
    void theWorkflowCanAskForMoreCriteria() {
        FakeIssue issue = completePlan();
        InvalidInputException e = refused(new CriteriaValidator(snapshots, rules, reporter), issue,
                Map.of("minSuccessCriteria", "2", "minStopCriteria", "1"));
        assertThat(messages(e)).containsExactly("Success criteria: at least 2 measurable criteria are needed; there are 1.");
    }

    @Test
    void aBudgetOverThePhaseCeilingIsRefused() {
        FakeIssue issue = registry.set(completePlan(), BUDGET, 1_000_000);
        InvalidInputException e = refused(new PlanScaleValidator(snapshots, rules, reporter), issue, Map.of());
        assertThat(messages(e)).anySatisfy(m -> assertThat(m).startsWith("Budget"));
        assertThat(new PlanCompleteCondition(snapshots, rules).passesCondition(vars(issue), Map.of(), null)).isFalse();
    }

    @Test
    void decidingNeedsOutcomeDecisionAndRationale() {
        FakeIssue issue = completePlan();
        InvalidInputException e = refused(new DecisionValidator(snapshots, rules, reporter), issue, Map.of());
        assertThat(messages(e)).hasSizeGreaterThanOrEqualTo(3);
        registry.set(issue, OUTCOME, "REFUTED");
        registry.set(issue, DECISION, "PIVOT");
        registry.set(issue, DECISION_RATIONALE, "Skipped steps were not the cause; most failures came from config drift.");
        assertThatCode(() -> new DecisionValidator(snapshots, rules, reporter).validate(vars(issue), Map.of(), null)).doesNotThrowAnyException();
    }

    @Test
    void closingAnIncidentCountsTheFailureDatabaseNotTheOldTextFields() {
        // CARE-326: 3 learnings and 2 action items on its failure record, nothing in the old text fields
        FakeIssue issue = new FakeIssue("CARE-326");
        LearningRepository learnings = mock(LearningRepository.class);
        ActionItemRepository actions = mock(ActionItemRepository.class);
        when(learnings.countByRecord(issue.getId())).thenReturn(3);
        when(actions.findByRecord(issue.getId())).thenReturn(List.of(action(issue, 1), action(issue, 2)));
        LearningsValidator validator = new LearningsValidator(snapshots, rules, reporter, learnings, actions);

        assertThatCode(() -> validator.validate(vars(issue), Map.of("minLearnings", "3", "minNextSteps", "2"), null)).doesNotThrowAnyException();

        // lines in the old fields count for nothing: only stored items do
        registry.set(issue, LEARNINGS, "- one\n- two\n- three\n- four");
        registry.set(issue, NEXT_STEPS, "- one\n- two\n- three");
        when(learnings.countByRecord(issue.getId())).thenReturn(2);
        when(actions.findByRecord(issue.getId())).thenReturn(List.of(action(issue, 1)));
        InvalidInputException e = refused(validator, issue, Map.of("minLearnings", "3", "minNextSteps", "2"));
        assertThat(messages(e)).containsExactlyInAnyOrder(
                "Learnings: at least 3 are needed before closing; the record has 2. Add them as learnings of the failure record.",
                "Next steps: at least 2 action items are needed before closing; the record has 1. Add them as action items of the failure record.");

        assertThatCode(() -> validator.validate(vars(issue), Map.of("minLearnings", "2", "minNextSteps", "1"), null)).doesNotThrowAnyException();
    }

    private static ActionItem action(FakeIssue issue, long id) {
        return new ActionItem.Draft(issue.getId(), "Step " + id, "alice", LocalDate.of(2026, 12, 1), ActionType.PREVENT,
                null, NOW).withId(id);
    }

    @Test
    void anIncidentNeedsItsDiscoveryTime() {
        FakeIssue issue = new FakeIssue("OPS-3");
        InvalidInputException e = refused(new IncidentReportValidator(snapshots, rules, reporter), issue, Map.of());
        assertThat(messages(e)).anySatisfy(m -> assertThat(m).startsWith("Discovered"));
        registry.set(issue, DISCOVERED_AT, NOW.minusSeconds(3600));
        assertThatCode(() -> new IncidentReportValidator(snapshots, rules, reporter).validate(vars(issue), Map.of(), null)).doesNotThrowAnyException();
    }

    @Test
    void analysisNeedsAClassificationAndWhys() {
        FakeIssue issue = new FakeIssue("OPS-4");
        registry.set(issue, DISCOVERED_AT, NOW.minusSeconds(7200));
        AnalysisValidator validator = new AnalysisValidator(snapshots, rules, reporter);
        assertThat(messages(refused(validator, issue, Map.of()))).hasSizeGreaterThanOrEqualTo(3);
        registry.set(issue, FAILURE_TYPE, "COMPLEX");
        registry.set(issue, FAILURE_CATEGORY, "PROCESS_DEVIATION");
        registry.set(issue, FAILURE_MODE, "PROCESS");
        registry.set(issue, FIVE_WHYS, "1. Why did the backup not run? The job was disabled.\n2. Why was it disabled? A migration paused it.\n3. Why was it not resumed? No checklist step.");
        assertThatCode(() -> validator.validate(vars(issue), Map.of(), null)).doesNotThrowAnyException();
    }

    @Test
    void theStampFunctionRecordsTheTimeOnceAndNeverBlocks() {
        FakeIssue issue = completePlan();
        StampTimeFunction stamp = new StampTimeFunction(fields, Clock.fixed(NOW, ZoneOffset.UTC));
        stamp.execute(vars(issue), Map.of("field", "startedAt"), null);
        assertThat(fields.instant(issue, STARTED_AT)).isEqualTo(NOW);

        new StampTimeFunction(fields, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC)).execute(vars(issue), Map.of("field", "startedAt"), null);
        assertThat(fields.instant(issue, STARTED_AT)).as("kept").isEqualTo(NOW);
        new StampTimeFunction(fields, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC))
                .execute(vars(issue), Map.of("field", "startedAt", "overwrite", "true"), null);
        assertThat(fields.instant(issue, STARTED_AT)).as("overwritten").isEqualTo(NOW.plusSeconds(60));

        assertThatCode(() -> stamp.execute(new HashMap<>(), Map.of("field", "decidedAt"), null)).doesNotThrowAnyException();
        assertThatCode(() -> stamp.execute(vars(issue), Map.of("field", "summary"), null)).doesNotThrowAnyException();
        assertThat(fields.instant(issue, REPORTED_AT)).as("an unknown field name falls back to the default field").isEqualTo(NOW);
    }

    @Test
    void factoriesTurnTheEditorFormIntoValidArguments() {
        LearningsValidator.Factory factory = new LearningsValidator.Factory(I18N);
        Map<String, Object> form = Map.of("minLearnings", new String[] {"5"}, "minNextSteps", new String[] {"lots"});
        assertThat(params(factory, form)).isEqualTo(Map.of("minLearnings", "5", "minNextSteps", "2"));
        assertThat(params(factory, Map.of("minLearnings", new String[] {"99"}))).containsEntry("minLearnings", "20");

        HypothesisValidator.Factory flags = new HypothesisValidator.Factory(I18N);
        assertThat(params(flags, Map.of())).containsEntry("blockOnSuggestions", "false");
        assertThat(params(flags, Map.of("blockOnSuggestions", new String[] {"true"}))).containsEntry("blockOnSuggestions", "true");
    }

    private static Map<String, Object> params(WorkflowModuleFactory factory, Map<String, Object> form) {
        return new HashMap<>(factory.getDescriptorParams(form));
    }

    @Test
    void factoriesFeedTheEditorTemplates() {
        ValidatorDescriptor descriptor = new ValidatorDescriptor();
        descriptor.getArgs().put("minLearnings", "4");
        descriptor.getArgs().put("minNextSteps", "1");
        LearningsValidator.Factory factory = new LearningsValidator.Factory(I18N);

        assertThat(factory.getVelocityParams("view", descriptor).get("summary")).isEqualTo("At least 4 learnings and 1 next steps.");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> args = (List<Map<String, Object>>) factory.getVelocityParams("edit-parameters", descriptor).get("args");
        assertThat(args).extracting(a -> a.get("name") + "=" + a.get("value")).containsExactly("minLearnings=4", "minNextSteps=1");
        assertThat(args.get(0).get("label")).isEqualTo("Minimum learnings");

        FunctionDescriptor stamp = new FunctionDescriptor();
        stamp.getArgs().put("field", "decidedAt");
        assertThat(new StampTimeFunction.Factory(I18N).getVelocityParams("view", stamp).get("summary"))
                .isEqualTo("Stamps the time into Decided at (overwrite an existing time: no).");
    }
}
