package dev.failforward.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failforward.core.award.AwardProblem;
import dev.failforward.core.criteria.Comparator;
import dev.failforward.core.experiment.Breach;
import dev.failforward.core.experiment.BreachReason;
import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.ExperimentProblem;
import dev.failforward.core.experiment.ExperimentRules;
import dev.failforward.core.experiment.ExperimentSnapshot;
import dev.failforward.core.experiment.ExperimentStatus;
import dev.failforward.core.experiment.ExperimentTransition;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.experiment.Phase;
import dev.failforward.core.hypothesis.FindingCode;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureMode;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.incident.IncidentProblem;
import dev.failforward.core.incident.IncidentRules;
import dev.failforward.core.incident.IncidentSnapshot;
import dev.failforward.core.incident.IncidentStatus;
import dev.failforward.core.incident.IncidentTransition;
import dev.failforward.core.incident.RuleResult;
import dev.failforward.core.kpi.Kpi;
import dev.failforward.core.lifecycle.FieldKeys;
import dev.failforward.core.lifecycle.FieldProblem;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.CheckInResult;
import dev.failforward.core.record.FailureDbProblem;
import dev.failforward.core.record.LearningCommand;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.WhyChainCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every key the domain can emit has a message in the bundle, with as many arguments as the code passes, opening with
 * the name of the field the user must fix.
 */
class I18nKeysTest {

    private static final String BUNDLE = "/dev/failforward/core/i18n/failforward-core.properties";

    private static Properties messages;
    private static List<String> rawLines;

    @BeforeAll
    static void load() throws IOException {
        messages = new Properties();
        try (Reader reader = reader()) {
            messages.load(reader);
        }
        try (BufferedReader reader = new BufferedReader(reader())) {
            rawLines = reader.lines().toList();
        }
    }

    private static Reader reader() {
        InputStream in = I18nKeysTest.class.getResourceAsStream(BUNDLE);
        assertThat(in).as(BUNDLE + " on the class path").isNotNull();
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** Every key the code can hand to a host for display. */
    private static List<String> emittedKeys() {
        List<String> keys = new ArrayList<>();
        Stream.of(ExperimentProblem.values()).map(ExperimentProblem::i18nKey).forEach(keys::add);
        Stream.of(IncidentProblem.values()).map(IncidentProblem::i18nKey).forEach(keys::add);
        Stream.of(BreachReason.values()).map(BreachReason::i18nKey).forEach(keys::add);
        Stream.of(FindingCode.values()).map(FindingCode::i18nKey).forEach(keys::add);
        FieldKeys.ALL.stream().map(FieldKeys::i18nKey).forEach(keys::add);
        Stream.of(ExperimentStatus.values()).map(ExperimentStatus::i18nKey).forEach(keys::add);
        Stream.of(ExperimentTransition.values()).map(ExperimentTransition::i18nKey).forEach(keys::add);
        Stream.of(Phase.values()).map(Phase::i18nKey).forEach(keys::add);
        Stream.of(Outcome.values()).map(Outcome::i18nKey).forEach(keys::add);
        Stream.of(Decision.values()).map(Decision::i18nKey).forEach(keys::add);
        Stream.of(IncidentStatus.values()).map(IncidentStatus::i18nKey).forEach(keys::add);
        Stream.of(IncidentTransition.values()).map(IncidentTransition::i18nKey).forEach(keys::add);
        Stream.of(FailureType.values()).map(FailureType::i18nKey).forEach(keys::add);
        Stream.of(FailureType.values()).map(FailureType::descriptionKey).forEach(keys::add);
        Stream.of(FailureCategory.values()).map(FailureCategory::i18nKey).forEach(keys::add);
        Stream.of(FailureMode.values()).map(FailureMode::i18nKey).forEach(keys::add);
        Stream.of(FailureMode.values()).map(FailureMode::descriptionKey).forEach(keys::add);
        Stream.of(RuleResult.Status.values()).map(RuleResult.Status::i18nKey).forEach(keys::add);
        Stream.of(Comparator.values()).map(Comparator::i18nKey).forEach(keys::add);
        Stream.of(FailureDbProblem.values()).map(FailureDbProblem::i18nKey).forEach(keys::add);
        FailureDbProblem.Fields.ALL.stream().map(FailureDbProblem::fieldI18nKey).forEach(keys::add);
        Stream.of(AwardProblem.values()).map(AwardProblem::i18nKey).forEach(keys::add);
        Stream.of(LearningKind.values()).map(LearningKind::i18nKey).forEach(keys::add);
        Stream.of(ActionType.values()).map(ActionType::i18nKey).forEach(keys::add);
        Stream.of(ActionStatus.values()).map(ActionStatus::i18nKey).forEach(keys::add);
        Stream.of(CheckInResult.values()).map(CheckInResult::i18nKey).forEach(keys::add);
        Stream.of(Kpi.values()).map(Kpi::i18nKey).forEach(keys::add);
        Stream.of(Kpi.values()).map(Kpi::descriptionKey).forEach(keys::add);
        return keys;
    }

    @Test
    void everyEmittedKeyHasAMessage() {
        List<String> keys = emittedKeys();

        assertThat(keys).doesNotHaveDuplicates().allSatisfy(key -> {
            assertThat(key).startsWith("failforward.");
            assertThat(messages.getProperty(key)).as(key).isNotBlank();
        });
    }

    @Test
    void keysEmittedByRealRunsAreCovered() {
        Set<String> seen = new HashSet<>();
        ExperimentRules experiments = ExperimentRules.defaults();
        IncidentRules incidents = IncidentRules.defaults();
        ExperimentSnapshot wrong = ExperimentSnapshot.empty().withHypothesis("We should improve things")
                .withSuccessCriteria("by 2026-12-31").withStopCriteria("when it feels wrong")
                .withPhase(Phase.EXPLORE).withBudget(new BigDecimal("9999")).withTimeBoxDays(99)
                .withDecisionRationale("meh").withStartedAt(Instant.EPOCH).withBudgetSpent(new BigDecimal("10000"));
        List<FieldProblem> problems = new ArrayList<>(experiments.plan(ExperimentSnapshot.empty()));
        problems.addAll(experiments.plan(wrong));
        problems.addAll(experiments.decision(wrong));
        problems.addAll(incidents.check(IncidentTransition.REVIEW_LEARNINGS, IncidentSnapshot.empty()));
        problems.addAll(incidents.check(IncidentTransition.CLOSE, IncidentSnapshot.empty()));
        problems.addAll(incidents.report(IncidentSnapshot.empty()));
        Instant now = Instant.now();
        problems.addAll(new LearningCommand(null, "x").toDraft(1, "u", now).problems());
        problems.addAll(new ActionItemCommand(null, null, "x", "x", null, "y", null, null).toDraft(1, now).problems());
        problems.addAll(new ActionItemCommand("d", "nobody", "+10000-01-01", "detect", null, "0000-01-01", null, null)
                .toDraft(1, now, key -> false).problems());
        problems.addAll(WhyChainCommand.of("q", "", "", "a").toSteps(1).problems());
        problems.forEach(p -> seen.add(p.i18nKey()));
        experiments.breaches(wrong.withStopCriteria("spend over 1k\nby 2020-01-01"), Instant.now())
                .forEach(b -> seen.add(b.i18nKey()));

        assertThat(seen).hasSizeGreaterThan(15).allSatisfy(key -> assertThat(messages).containsKey(key));
        assertThat(emittedKeys()).containsAll(seen);
    }

    @Test
    void problemMessagesTakeExactlyTheirArguments() {
        for (ExperimentProblem problem : ExperimentProblem.values()) {
            assertThat(argumentCount(problem.i18nKey())).as(problem.i18nKey()).isEqualTo(problem.arity());
        }
        for (IncidentProblem problem : IncidentProblem.values()) {
            assertThat(argumentCount(problem.i18nKey())).as(problem.i18nKey()).isEqualTo(problem.arity());
        }
        for (BreachReason reason : BreachReason.values()) {
            assertThat(argumentCount(reason.i18nKey())).as(reason.i18nKey()).isEqualTo(reason.arity());
        }
        for (FailureDbProblem problem : FailureDbProblem.values()) {
            assertThat(argumentCount(problem.i18nKey())).as(problem.i18nKey()).isEqualTo(problem.arity());
        }
    }

    @Test
    void awardMessagesTakeTheirArgumentsAndNameTheirField() {
        for (AwardProblem problem : AwardProblem.values()) {
            assertThat(argumentCount(problem.i18nKey())).as(problem.i18nKey()).isEqualTo(problem.arity());
            String fieldName = messages.getProperty("failforward.award.field." + problem.field());
            assertThat(fieldName).as(problem.field()).isNotBlank();
            assertThat(messages.getProperty(problem.i18nKey())).as(problem.i18nKey()).startsWith(fieldName + ": ");
        }
    }

    @Test
    void failureDatabaseMessagesNameTheirField() {
        for (FailureDbProblem problem : FailureDbProblem.values()) {
            String fieldName = messages.getProperty(FailureDbProblem.fieldI18nKey(problem.field()));
            assertThat(fieldName).as(problem.field()).isNotBlank();
            assertThat(messages.getProperty(problem.i18nKey())).as(problem.i18nKey()).startsWith(fieldName + ": ");
        }
    }

    @Test
    void problemMessagesNameTheirField() {
        for (ExperimentProblem problem : ExperimentProblem.values()) {
            assertThat(messages.getProperty(problem.i18nKey())).as(problem.i18nKey())
                    .startsWith(fieldName(problem.field()) + ": ");
        }
        for (IncidentProblem problem : IncidentProblem.values()) {
            assertThat(messages.getProperty(problem.i18nKey())).as(problem.i18nKey())
                    .startsWith(fieldName(problem.field()) + ": ");
        }
        List<String> fieldNames = FieldKeys.ALL.stream().map(I18nKeysTest::fieldName).toList();
        for (BreachReason reason : BreachReason.values()) {
            String message = messages.getProperty(reason.i18nKey());
            assertThat(fieldNames).as(reason.i18nKey()).anyMatch(name -> message.startsWith(name + ": "));
        }
    }

    @Test
    void messagesFormatWithTheirArguments() {
        Breach breach = BreachReason.BUDGET_CRITERION.breach("6000", "5000 EUR", "spend over €5k");

        assertThat(format(breach.i18nKey(), breach.arguments())).isEqualTo(
                "Stop criteria: 6000 spent is more than the cap of 5000 EUR in \"spend over €5k\". "
                        + "Stop and evaluate the experiment.");
        FieldProblem tooFew = IncidentProblem.LEARNINGS_TOO_FEW.problem("3", "1");
        assertThat(format(tooFew.i18nKey(), tooFew.arguments()))
                .isEqualTo("Learnings: at least 3 are needed before closing; the record has 1. Add them as learnings of the failure record.");
    }

    @Test
    void apostrophesAreEscapedForMessageFormat() {
        for (String key : emittedKeys()) {
            String message = messages.getProperty(key);
            assertThat(message.replace("''", "")).as(key).doesNotContain("'");
            assertThat(format(key, List.of("a", "b", "c"))).as(key).doesNotContain("{").doesNotContain("}");
        }
    }

    @Test
    void noKeyIsDefinedTwiceAndTheFileIsAscii() {
        List<String> keys = rawLines.stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('=')).strip()).toList();

        assertThat(keys).doesNotHaveDuplicates();
        assertThat(rawLines).allSatisfy(line -> assertThat(line.chars().allMatch(c -> c < 128)).as(line).isTrue());
    }

    @Test
    void enumDisplayNamesReadNaturally() {
        assertThat(messages.getProperty(FailureType.INTELLIGENT.i18nKey())).isEqualTo("Intelligent failure");
        assertThat(messages.getProperty(Phase.EXPLORE.i18nKey())).isEqualTo("Explore");
        assertThat(messages.getProperty(Decision.SCALE_UP.i18nKey())).isEqualTo("Scale up");
        assertThat(messages.getProperty(FieldKeys.i18nKey(FieldKeys.HYPOTHESIS))).isEqualTo("Hypothesis");
    }

    private static String fieldName(String field) {
        return messages.getProperty(FieldKeys.i18nKey(field));
    }

    private static int argumentCount(String key) {
        return new MessageFormat(messages.getProperty(key), Locale.ENGLISH).getFormatsByArgumentIndex().length;
    }

    private static String format(String key, List<String> arguments) {
        return new MessageFormat(messages.getProperty(key), Locale.ENGLISH).format(arguments.toArray());
    }
}
