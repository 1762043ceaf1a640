package dev.failforward.core.hypothesis;

import static dev.failforward.core.hypothesis.HypothesisForm.IF_THEN;
import static dev.failforward.core.hypothesis.HypothesisForm.UNRECOGNISED;
import static dev.failforward.core.hypothesis.HypothesisForm.WE_BELIEVE;
import static dev.failforward.core.hypothesis.HypothesisForm.WHEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact condition, expected outcome and rationale for each accepted form and rationale style: the text on the
 * first line of a row, then form, condition, outcome, rationale ({@code null} when absent).
 */
class HypothesisPartsTest {

    private final HypothesisLinter linter = new HypothesisLinter();

    static Stream<Arguments> examples() {
        return Stream.of(
                example("If we add a pre-deploy checklist, then deploy failures drop below 2 per month because " +
                                "most failures come from skipped steps",
                        IF_THEN,
                        "we add a pre-deploy checklist",
                        "deploy failures drop below 2 per month",
                        "most failures come from skipped steps"),
                example("If we add a checklist then deploy failures drop below 2 per month.",
                        IF_THEN,
                        "we add a checklist",
                        "deploy failures drop below 2 per month",
                        null),
                example("If we add a checklist, deploy failures drop below 2 per month",
                        IF_THEN,
                        "we add a checklist",
                        "deploy failures drop below 2 per month",
                        null),
                example("if   we add a checklist ,\n   then deploy failures\ndrop below 2 per month .",
                        IF_THEN,
                        "we add a checklist",
                        "deploy failures drop below 2 per month",
                        null),
                example("If we add a checklist.\nThen deploy failures drop below 2 per month.\nBecause most " +
                                "failures come from skipped steps.",
                        IF_THEN,
                        "we add a checklist",
                        "deploy failures drop below 2 per month",
                        "most failures come from skipped steps"),
                example("If we triage and then fix, then MTTR falls below 4 hours",
                        IF_THEN,
                        "we triage and then fix",
                        "MTTR falls below 4 hours",
                        null),
                example("If we add a checklist, failures drop below 2 because then nobody skips steps",
                        IF_THEN,
                        "we add a checklist",
                        "failures drop below 2",
                        "then nobody skips steps"),
                example("If we script the rollback because manual rollbacks take hours, then MTTR drops 30%",
                        IF_THEN,
                        "we script the rollback",
                        "MTTR drops 30%",
                        "manual rollbacks take hours"),
                example("If we send reminders, then no-shows stay below 5% since March",
                        IF_THEN,
                        "we send reminders",
                        "no-shows stay below 5% since March",
                        null),
                example("If the build cache is warm, then p95 build time is under 6 minutes, because cold " +
                                "caches cause 80% of slow builds.",
                        IF_THEN,
                        "the build cache is warm",
                        "p95 build time is under 6 minutes",
                        "cold caches cause 80% of slow builds"),
                example("If we automate invoice matching, then month-end close takes at most 3 days, given " +
                                "that 70% of the time goes into manual matching.",
                        IF_THEN,
                        "we automate invoice matching",
                        "month-end close takes at most 3 days",
                        "70% of the time goes into manual matching"),
                example("Hypothesis: If nurses use a handover checklist, then patient falls drop by 20% within " +
                                "3 months.\nRationale: audits show 60% of falls follow a missed handover.\nThe ward " +
                                "sister agrees.",
                        IF_THEN,
                        "nurses use a handover checklist",
                        "patient falls drop by 20% within 3 months",
                        "audits show 60% of falls follow a missed handover. The ward sister agrees"),
                example("If we hold a daily huddle, then medication errors fall to fewer than 3 per " +
                                "month\nBecause most errors happen at shift change",
                        IF_THEN,
                        "we hold a daily huddle",
                        "medication errors fall to fewer than 3 per month",
                        "most errors happen at shift change"),
                example("If we hire 1,000 temps, then backlog falls below 2,500 orders",
                        IF_THEN,
                        "we hire 1,000 temps",
                        "backlog falls below 2,500 orders",
                        null),
                example("If we use “plain language” letters, then complaints fall 15%, e.g. about billing.",
                        IF_THEN,
                        "we use “plain language” letters",
                        "complaints fall 15%, e.g. about billing",
                        null),
                example("If we only call a ticket \"done\", then reopened tickets drop below 5% because \"done\" means tested",
                        IF_THEN,
                        "we only call a ticket \"done\"",
                        "reopened tickets drop below 5%",
                        "\"done\" means tested"),
                example("If we label the button “Start trial”, then sign-ups rise 10%",
                        IF_THEN,
                        "we label the button “Start trial”",
                        "sign-ups rise 10%",
                        null),
                example("\"If we add alerts, then pages drop below 3 per week\"",
                        IF_THEN,
                        "we add alerts",
                        "pages drop below 3 per week",
                        null),
                example("We believe that onboarding calls will result in 15% fewer churned trials in Q3",
                        WE_BELIEVE,
                        "onboarding calls",
                        "15% fewer churned trials in Q3",
                        null),
                example("We believe shorter intake forms will increase completed applications by 20% within two months.",
                        WE_BELIEVE,
                        "shorter intake forms",
                        "increase completed applications by 20% within two months",
                        null),
                example("We believe a bot that will answer FAQs will cut tickets by 30% because half the " +
                                "tickets are FAQs",
                        WE_BELIEVE,
                        "a bot that will answer FAQs",
                        "cut tickets by 30%",
                        "half the tickets are FAQs"),
                example("We believe that a shared on-call calendar will lead to fewer missed pages per week. " +
                                "We think this because most misses were calendar mix-ups.",
                        WE_BELIEVE,
                        "a shared on-call calendar",
                        "fewer missed pages per week",
                        "most misses were calendar mix-ups"),
                example("We think that pairing juniors with seniors would reduce onboarding time by half, as " +
                                "shown by the Q1 pilot",
                        WE_BELIEVE,
                        "pairing juniors with seniors",
                        "reduce onboarding time by half",
                        "the Q1 pilot"),
                example("We believe weekly demos reduce rework by 25%",
                        WE_BELIEVE,
                        "weekly demos",
                        "reduce rework by 25%",
                        null),
                example("We believe that if managers hold weekly 1:1s, attrition will drop to 8% per year",
                        WE_BELIEVE,
                        "managers hold weekly 1:1s",
                        "attrition will drop to 8% per year",
                        null),
                example("We believe free delivery will cause basket size to grow 10%, due to fewer abandoned carts",
                        WE_BELIEVE,
                        "free delivery",
                        "basket size to grow 10%",
                        "fewer abandoned carts"),
                example("When support replies within 1 hour, CSAT rises above 4.5",
                        WHEN,
                        "support replies within 1 hour",
                        "CSAT rises above 4.5",
                        null),
                example("When pharmacists join ward rounds then prescribing errors halve",
                        WHEN,
                        "pharmacists join ward rounds",
                        "prescribing errors halve",
                        null),
                example("When a sales rep follows up within 24 hours, the win rate rises above 30%, as " +
                                "evidenced by last year's CRM data",
                        WHEN,
                        "a sales rep follows up within 24 hours",
                        "the win rate rises above 30%",
                        "last year's CRM data"),
                example("If , then conversion rises 5%",
                        IF_THEN,
                        null,
                        "conversion rises 5%",
                        null),
                example("If we pair on code reviews, then",
                        IF_THEN,
                        "we pair on code reviews",
                        null,
                        null),
                example("If we add a checklist because audits say so",
                        IF_THEN,
                        "we add a checklist",
                        null,
                        "audits say so"),
                example("Let's try the new pricing, because competitors did",
                        UNRECOGNISED,
                        null,
                        null,
                        null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("examples")
    void findsParts(String text, HypothesisForm form, HypothesisParts parts) {
        HypothesisCheck check = linter.check(text);

        assertThat(check.form()).isEqualTo(form);
        assertThat(check.parts()).isEqualTo(parts);
    }

    private static Arguments example(String text, HypothesisForm form, String condition, String outcome,
                                     String rationale) {
        return Arguments.of(text, form, new HypothesisParts(condition, outcome, rationale));
    }
}
