package dev.failforward.core.hypothesis;

import static dev.failforward.core.hypothesis.FindingCode.EMPTY;
import static dev.failforward.core.hypothesis.FindingCode.FORM_UNRECOGNISED;
import static dev.failforward.core.hypothesis.FindingCode.MISSING_CONDITION;
import static dev.failforward.core.hypothesis.FindingCode.MISSING_OUTCOME;
import static dev.failforward.core.hypothesis.FindingCode.MISSING_RATIONALE;
import static dev.failforward.core.hypothesis.FindingCode.NOT_MEASURABLE;
import static dev.failforward.core.hypothesis.FindingCode.VAGUE_WORDING;
import static dev.failforward.core.hypothesis.MeasureSignal.DIRECTION;
import static dev.failforward.core.hypothesis.MeasureSignal.METRIC;
import static dev.failforward.core.hypothesis.MeasureSignal.NUMBER;
import static dev.failforward.core.hypothesis.MeasureSignal.THRESHOLD;
import static dev.failforward.core.hypothesis.MeasureSignal.TIMEFRAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The linter's rules one at a time: empty text, forms, offsets, signals, measurability, rationale, vague wording. */
class HypothesisLinterTest {

    private final HypothesisLinter linter = new HypothesisLinter();

    private HypothesisCheck check(String text) {
        return linter.check(text);
    }

    @Nested
    class EmptyText {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " ", "   \t ", "\n\r\n", "\u00a0", "\u2003\u2009"})
        void nullOrBlankYieldsOnlyEmpty(String text) {
            HypothesisCheck check = check(text);

            assertThat(check.findings()).containsExactly(Finding.wholeText(EMPTY));
            assertThat(check.form()).isEqualTo(HypothesisForm.UNRECOGNISED);
            assertThat(check.parts()).isEqualTo(HypothesisParts.NONE);
            assertThat(check.signals()).isEmpty();
            assertThat(check.acceptable()).isFalse();
        }

        @Test
        void nullIsReportedAsEmptyText() {
            assertThat(check(null).text()).isEmpty();
        }

        @Test
        void keepsBlankTextAsGiven() {
            assertThat(check("  ").text()).isEqualTo("  ");
        }
    }

    @Nested
    class Forms {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                If we pair, bugs drop 10%                       | IF_THEN
                if we pair then bugs drop 10%                   | IF_THEN
                Hypothesis: if we pair, bugs drop 10%           | IF_THEN
                Hypothesis - When we pair, bugs drop 10%        | WHEN
                “If we pair, bugs drop 10%.”                    | IF_THEN
                - If we pair, bugs drop 10%                     | IF_THEN
                WHEN WE PAIR THEN BUGS DROP 10%                 | WHEN
                We believe that pairing will reduce bugs by 10% | WE_BELIEVE
                we think pairing will reduce bugs by 10%        | WE_BELIEVE
                We expect that pairing will lead to fewer bugs  | WE_BELIEVE
                I believe pairing reduces bugs by 10%           | WE_BELIEVE
                We believe that when we pair, bugs drop 10%     | WE_BELIEVE
                Pairing will reduce bugs by 10%                 | UNRECOGNISED
                Then bugs drop 10% if we pair                   | UNRECOGNISED
                Our hypothesis: if we pair, bugs drop 10%       | UNRECOGNISED
                We pair, bugs drop 10%                          | UNRECOGNISED
                Hypothesis:                                     | UNRECOGNISED
                """)
        void recognisesFormFromOpeningWords(String text, HypothesisForm form) {
            assertThat(check(text).form()).isEqualTo(form);
        }

        @Test
        void unrecognisedFormReportsNoMissingPartsButStillVagueWording() {
            HypothesisCheck check = check("Let's maybe try the new pricing");

            assertThat(check.codes()).containsExactly(FORM_UNRECOGNISED, VAGUE_WORDING);
            assertThat(check.parts()).isEqualTo(HypothesisParts.NONE);
            assertThat(check.signals()).isEmpty();
        }

        @Test
        void prefersCommaThenOverAnEarlierThen() {
            assertThat(check("If we run a pilot then defects fall, then costs fall 5%").parts())
                    .isEqualTo(new HypothesisParts("we run a pilot then defects fall", "costs fall 5%", null));
        }

        @Test
        void doesNotTakeThenFromTheBecauseClause() {
            assertThat(check("If we add a checklist, failures drop 5% because then nobody skips steps").parts())
                    .isEqualTo(new HypothesisParts("we add a checklist", "failures drop 5%",
                            "then nobody skips steps"));
        }

        @Test
        void commaInsideANumberDoesNotSplit() {
            assertThat(check("If we hire 1,000 temps backlog falls").parts())
                    .isEqualTo(new HypothesisParts("we hire 1,000 temps backlog falls", null, null));
        }

        @Test
        void dropsADanglingConjunctionBeforeTheBecauseClause() {
            String text = "If we run a pilot, then defects fall 5%, and the reason is that reviews catch them";

            assertThat(check(text).parts())
                    .isEqualTo(new HypothesisParts("we run a pilot", "defects fall 5%", "reviews catch them"));
        }

        @Test
        void outcomeStopsAtTheEndOfItsSentence() {
            HypothesisCheck check = check("If we pair, bugs drop 10%. We review this in May.");

            assertThat(check.parts().expectedOutcome()).isEqualTo("bugs drop 10%");
            assertThat(check.codes()).containsExactly(MISSING_RATIONALE);
        }
    }

    @Nested
    class Offsets {

        @Test
        void missingConditionPointsAtTheKeywordWhenThereIsNoConditionText() {
            String text = "  If , then conversion rises 5%";
            Finding finding = check(text).errors().get(0);

            assertThat(finding.code()).isEqualTo(MISSING_CONDITION);
            assertThat(text.substring(finding.start(), finding.end())).isEqualTo("If");
        }

        @Test
        void missingConditionPointsAtTheTooShortCondition() {
            String text = "We believe X will cut costs by 5%";
            Finding finding = check(text).errors().get(0);

            assertThat(finding.code()).isEqualTo(MISSING_CONDITION);
            assertThat(text.substring(finding.start(), finding.end())).isEqualTo("X");
        }

        @Test
        void missingOutcomePointsAtTheConnector() {
            String text = "If we pair on code reviews, then";
            Finding finding = check(text).errors().get(0);

            assertThat(finding.code()).isEqualTo(MISSING_OUTCOME);
            assertThat(text.substring(finding.start(), finding.end())).isEqualTo(", then");
        }

        @Test
        void missingOutcomeWithoutAConnectorIsAboutTheWholeText() {
            Finding finding = check("If we pair on code reviews").errors().get(0);

            assertThat(finding).isEqualTo(Finding.wholeText(MISSING_OUTCOME));
        }

        @Test
        void notMeasurablePointsAtTheOutcome() {
            String text = "If we redesign the page, then things will get better.";
            Finding finding = check(text).errors().get(0);

            assertThat(finding.code()).isEqualTo(NOT_MEASURABLE);
            assertThat(text.substring(finding.start(), finding.end())).isEqualTo("things will get better");
        }

        @Test
        void vagueWordsAreReportedPerOccurrenceWithOffsetsAndTheWord() {
            String text = "If we do a lot of stuff, maybe it works, probably";

            assertThat(check(text).warnings())
                    .filteredOn(f -> f.code() == VAGUE_WORDING)
                    .extracting(Finding::start, Finding::end, Finding::arguments)
                    .containsExactly(
                            tuple(9, 14, List.of("a lot")),
                            tuple(18, 23, List.of("stuff")),
                            tuple(25, 30, List.of("maybe")),
                            tuple(41, 49, List.of("probably")));
        }

        @Test
        void vagueOffsetsCoverTheWordsAsWrittenEvenWhenHyphenated() {
            String text = "If we add state-of-the-art, User-Friendly tooling, then deploys go up 10%";

            assertThat(check(text).findings())
                    .filteredOn(f -> f.code() == VAGUE_WORDING)
                    .extracting(f -> text.substring(f.start(), f.end()) + "=" + f.arguments().get(0))
                    .containsExactly("state-of-the-art=state of the art", "User-Friendly=user friendly");
        }

        @Test
        void repeatedVagueWordIsReportedEachTime() {
            String text = "When things get better, then better stuff gets better";

            assertThat(check(text).findings())
                    .filteredOn(f -> f.code() == VAGUE_WORDING)
                    .extracting(Finding::start)
                    .containsExactly(16, 29, 36, 47);
        }

        @Test
        void findingsAreOrderedErrorsFirstThenWarningsByOffset() {
            HypothesisCheck check = check("If we somehow try stuff, then it is good");

            assertThat(check.findings()).extracting(Finding::code, Finding::start).containsExactly(
                    tuple(NOT_MEASURABLE, 30),
                    tuple(MISSING_RATIONALE, -1),
                    tuple(VAGUE_WORDING, 6),
                    tuple(VAGUE_WORDING, 18),
                    tuple(VAGUE_WORDING, 36));
        }
    }

    @Nested
    class Measurability {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                deploy failures drop below 2 per month           | NUMBER DIRECTION METRIC THRESHOLD TIMEFRAME
                15% fewer churned trials in Q3                   | NUMBER DIRECTION METRIC TIMEFRAME
                CSAT rises above 4.5                             | NUMBER DIRECTION METRIC THRESHOLD
                things will get better                           |
                conversion rises                                 | DIRECTION METRIC
                sign-ups double within 30 days                   | DIRECTION METRIC TIMEFRAME
                the score is > 80                                | NUMBER METRIC THRESHOLD
                alerts stay under 20                             | NUMBER METRIC THRESHOLD
                everything stays within budget                   | METRIC THRESHOLD
                morale is higher within 30 days                  | DIRECTION TIMEFRAME
                we ship by 2026                                  | TIMEFRAME
                we ship in FY26                                  | TIMEFRAME
                velocity grows by 10% this month                 | NUMBER DIRECTION TIMEFRAME
                infections per 1,000 bed days fall               | NUMBER DIRECTION METRIC
                zero patients wait longer than four hours        | NUMBER DIRECTION METRIC
                reviews happen twice a week                      | NUMBER TIMEFRAME
                we learn in two sprints                          | TIMEFRAME
                deploys happen weekly                            | METRIC TIMEFRAME
                the 2nd floor is happier                         |
                no one complains                                 |
                teams will be more open                          | DIRECTION
                processes improve over time                      | DIRECTION
                errors fall more or less                         | DIRECTION METRIC
                readmissions go down by the end of the quarter   | DIRECTION METRIC TIMEFRAME
                """)
        void detectsSignalsOfTheOutcome(String outcome, String signals) {
            assertThat(check("If we try, then " + outcome).signals()).isEqualTo(signals(signals));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                deploy failures drop below 2 per month        | true
                conversion rises                              | true
                it costs 5 EUR                                | true
                wait times stay under the target              | true
                things will get better                        | false
                teams will be more open                       | false
                customers are happier within 30 days          | false
                we ship by 2026                               | false
                processes improve over time                   | false
                patients will be happier                      | false
                """)
        void measurableNeedsANumberOrAThresholdOrADirectionOnAMetric(String outcome, boolean measurable) {
            assertThat(check("If we try, then " + outcome).has(NOT_MEASURABLE)).isEqualTo(!measurable);
        }

        @Test
        void signalsLookAtTheOutcomeOnly() {
            HypothesisCheck check = check("If we answer within 1 hour by Q3, then customers are happier");

            assertThat(check.signals()).containsExactly(METRIC);
            assertThat(check.has(NOT_MEASURABLE)).isTrue();
        }

        @Test
        void missingOutcomeIsNotAlsoReportedAsNotMeasurable() {
            assertThat(check("If we pair, then.").codes()).containsExactly(MISSING_OUTCOME, MISSING_RATIONALE);
        }

        private Set<MeasureSignal> signals(String column) {
            if (column == null) {
                return EnumSet.noneOf(MeasureSignal.class);
            }
            return Arrays.stream(column.trim().split("\\s+")).map(MeasureSignal::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(MeasureSignal.class)));
        }
    }

    @Nested
    class Rationale {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                If we pair, bugs drop 10% because reviews come too late               | reviews come too late
                If we pair, bugs drop 10%, because reviews come too late.             | reviews come too late
                If we pair, bugs drop 10% because of earlier feedback                 | earlier feedback
                If we pair, bugs drop 10% since reviews come too late                 | reviews come too late
                If we pair, bugs drop 10%, as shown by the Q1 pilot                   | the Q1 pilot
                If we pair, bugs drop 10%, given that most bugs are logic errors      | most bugs are logic errors
                If we pair, bugs drop 10% due to earlier feedback                     | earlier feedback
                If we pair, bugs drop 10%. Because reviews come too late.             | reviews come too late
                If we pair, bugs drop 10%. We think this because reviews come late.   | reviews come late
                If we pair, bugs drop 10%.\\nRationale: reviews come late.\\nSee wiki. | reviews come late. See wiki
                If we pair, bugs drop 10%\\nWhy: reviews come late                     | reviews come late
                If we pair, bugs drop 10%. Reason - reviews come late                 | reviews come late
                If we pair, bugs drop 10% since March                                 |
                If we pair, bugs drop 10% ever since the change                       |
                If we pair, bugs drop 10%. Since 2023 we pair weekly.                 |
                If we pair, bugs drop 10%. As a rule we pair on Fridays.              |
                If we pair, bugs drop 10%. Reviews come too late.                     |
                """)
        void findsBecauseClauses(String text, String rationale) {
            HypothesisCheck check = check(text.replace("\\n", "\n"));

            assertThat(check.parts().rationale()).isEqualTo(rationale);
            assertThat(check.parts().expectedOutcome()).startsWith("bugs drop 10%");
            assertThat(check.has(MISSING_RATIONALE)).isEqualTo(rationale == null);
        }

        @Test
        void missingRationaleIsAWarningOnly() {
            HypothesisCheck check = check("If we pair, bugs drop 10%");

            assertThat(check.acceptable()).isTrue();
            assertThat(check.warnings()).containsExactly(Finding.wholeText(MISSING_RATIONALE));
            assertThat(check.errors()).isEmpty();
        }
    }

    @Nested
    class VagueWording {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                If we pair, bugs drop 10% and code gets better        | better
                If we pair, bugs drop 10% and we improve things       | improve things
                If we somehow pair, bugs drop 10%                     | somehow
                If we pair, bugs drop significantly                   | significantly
                If we pair, some bugs drop 10%                        | some
                If we pair, bugs drop 10% and a lot of time is saved  | a lot
                If we pair, bugs maybe drop 10%                       | maybe
                If we pair, bugs probably drop 10%                    | probably
                If we pair, bugs hopefully drop 10%                   | hopefully
                If we pair, bugs, crashes etc. drop 10%               | etc
                If we pair, bugs and stuff drop 10%                   | stuff
                If we pair, code is nicer and bugs drop 10%           | nicer
                If we pair, good code makes bugs drop 10%             | good
                If we pair, bugs drop 10% to an optimal level         | optimal
                If we pair, synergy makes bugs drop 10%               | synergy
                If we pair, handovers are seamless and bugs drop 10%  | seamless
                If we pair, teams get more efficient                  | more efficient
                """)
        void flagsWeaselWords(String text, String word) {
            assertThat(check(text).findings())
                    .filteredOn(f -> f.code() == VAGUE_WORDING)
                    .extracting(f -> f.arguments().get(0))
                    .containsExactly(word);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "If we pair, bugs drop significantly, by 30%",
                "If we pair, teams get more efficient: 2 fewer handovers per ticket",
                "If we pair, bugs drop 10% because reviews come too late",
                "If we pair, reviews get significantly shorter: two reviewers suffice"})
        void numberInTheSentenceExcusesIntensifiers(String text) {
            assertThat(check(text).has(VAGUE_WORDING)).isFalse();
        }

        @Test
        void intensifierInAnotherSentenceThanTheNumberIsVague() {
            String text = "If we pair, bugs drop 10%. Reviews get significantly shorter.";

            assertThat(check(text).findings()).filteredOn(f -> f.code() == VAGUE_WORDING)
                    .extracting(f -> text.substring(f.start(), f.end())).containsExactly("significantly");
        }

        @Test
        void vagueWordingIsAWarningOnly() {
            HypothesisCheck check = check("If we pair, bugs probably drop 10% because reviews come too late");

            assertThat(check.acceptable()).isTrue();
            assertThat(check.codes()).containsExactly(VAGUE_WORDING);
        }

        @Test
        void wordsThatMerelyContainAVagueWordAreFine() {
            String text = "If we ship goods sometimes, handsome margins grow 5% because someone asked";

            assertThat(check(text).has(VAGUE_WORDING)).isFalse();
        }
    }

    @Test
    void acceptsAHypothesisWithoutAnyFinding() {
        HypothesisCheck check = check("If we add a pre-deploy checklist, then deploy failures drop below 2 per month"
                + " because most failures come from skipped steps");

        assertThat(check.findings()).isEmpty();
        assertThat(check.acceptable()).isTrue();
        assertThat(check.signals()).containsExactlyInAnyOrder(NUMBER, DIRECTION, METRIC, THRESHOLD, TIMEFRAME);
    }
}
