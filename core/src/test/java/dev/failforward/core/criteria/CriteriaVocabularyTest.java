package dev.failforward.core.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each word list entry does what its list says, so a typo in the vocabulary shows up here. */
class CriteriaVocabularyTest {

    private static MetricCriterion metric(String line) {
        Optional<Criterion> parsed = LineParser.parse(line);
        assertThat(parsed).as(line).isPresent();
        assertThat(parsed.get()).as(line).isInstanceOf(MetricCriterion.class);
        return (MetricCriterion) parsed.get();
    }

    @Test
    void everyComparingPhraseComparesAMetricWithANumber() {
        for (Words.Phrase phrase : Words.COMPARATORS) {
            String line = "queue length " + String.join(" ", phrase.words()) + " 5";

            MetricCriterion parsed = metric(line);

            assertThat(parsed.comparator()).as(line).isEqualTo(phrase.comparator());
            assertThat(parsed.threshold()).as(line).isEqualTo(new BigDecimal("5"));
            String expectedMetric = phrase.change() == null ? "queue length" : "queue length " + phrase.change();
            assertThat(parsed.metric()).as(line).isEqualTo(expectedMetric);
        }
    }

    @Test
    void everyPostfixPhraseComparesTheNumberBeforeIt() {
        for (Words.Phrase phrase : Words.POSTFIX) {
            String line = "queue length of 5 " + String.join(" ", phrase.words());

            MetricCriterion parsed = metric(line);

            assertThat(parsed.comparator()).as(line).isEqualTo(phrase.comparator());
            assertThat(parsed.metric()).as(line).isEqualTo("queue length");
        }
    }

    @Test
    void everyOpeningIsStrippedFromTheMetric() {
        for (String[] cue : Words.CUES) {
            String line = String.join(" ", cue) + " queue length below 5";

            assertThat(metric(line).metric()).as(line).isEqualTo("queue length");
        }
    }

    @Test
    void everyUnitIsRecognisedAfterTheNumber() {
        for (var unit : Words.UNITS.entrySet()) {
            String line = "queue length below 5 " + unit.getKey();

            assertThat(metric(line).unit()).as(line).isEqualTo(unit.getValue());
        }
    }

    @Test
    void everyCurrencyIsRecognised() {
        for (var symbol : Words.CURRENCY_SYMBOLS.entrySet()) {
            assertThat(metric("CAC below " + symbol.getKey() + "40").unit()).isEqualTo(symbol.getValue());
        }
        for (var word : Words.CURRENCY_WORDS.entrySet()) {
            assertThat(metric("CAC below 40 " + word.getKey()).unit()).as(word.getKey()).isEqualTo(word.getValue());
        }
    }

    @Test
    void everyNumberWordIsANumberAfterAComparison() {
        for (var number : Words.NUMBER_WORDS.entrySet()) {
            String line = "fewer than " + number.getKey() + " escalations";

            assertThat(metric(line).threshold()).as(line).isEqualByComparingTo(number.getValue());
        }
    }

    @Test
    void everyMonthNamesItsMonth() {
        for (var month : Words.MONTHS.entrySet()) {
            Optional<Criterion> parsed = LineParser.parse("by 1 " + month.getKey() + " 2027");

            assertThat(parsed).as(month.getKey()).containsInstanceOf(DeadlineCriterion.class);
            assertThat(((DeadlineCriterion) parsed.get()).date().getMonthValue()).as(month.getKey())
                    .isEqualTo(month.getValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Revenue above 1.5 billion USD     | 1500000000 | USD
            Revenue above $2B                 | 2000000000 | USD
            Revenue tops $1m                  | 1000000    | USD
            Pipeline over 3 thousand          | 3000       |
            Pipeline over 3K                  | 3000       |
            Pipeline over 4mn                 | 4000000    |
            Pipeline over 4 bn                | 4000000000 |
            Latency below 5m                  | 5          | m
            """)
    void multipliers(String line, String threshold, String unit) {
        MetricCriterion parsed = metric(line);

        assertThat(parsed.threshold()).isEqualTo(new BigDecimal(threshold));
        assertThat(parsed.unit()).isEqualTo(unit);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Escalations under 5/week                        | Escalations          | per week
            Releases: at least 2 every sprint               | Releases             | per sprint
            Bugs reported less than 3 each sprint           | Bugs reported        | per sprint
            Defects ≤ 2 per 1000 units                      | Defects              | per 1000 units
            at least three referrals per customer           | referrals            | per customer
            Refunds under 2 percent                         | Refunds              | %
            Bounce rate below 40 per cent                   | Bounce rate          | %
            Churn below 1.5 pct a month                     | Churn                | % per month
            Margin up by 3 ppt                              | Margin increase      | pp
            Wait times down by at least 10 minutes          | Wait times decrease  | minutes
            Uptime 99.95% or higher                         | Uptime               | %
            95%+ on-time deliveries                         | on-time deliveries   | %
            Revenue in May 2026 above €10k                  | Revenue              | EUR
            Retention at least 90% across Q3 2026           | Retention            | %
            Incidents per month at or below 3               | Incidents per month  |
            Stop - error rate above 2%                      | error rate           | %
            Churn decreases at least 2%                     | Churn decreases      | %
            Stop if latency goes up by 20%                  | latency increase     | %
            Budget used above 80%                           | Budget used          | %
            """)
    void metricsUnitsAndRates(String line, String metric, String unit) {
        MetricCriterion parsed = metric(line);

        assertThat(parsed.metric()).isEqualTo(metric);
        assertThat(parsed.unit()).isEqualTo(unit);
    }

    @Test
    void aSignCountsOnlyRightAfterAComparison() {
        assertThat(metric("Net promoter score above -10").threshold()).isEqualTo(new BigDecimal("-10"));
        assertThat(metric("Net promoter score above −10").threshold()).isEqualTo(new BigDecimal("-10"));
        assertThat(LineParser.parse("Net promoter score above − 10")).as("a detached sign is unreadable").isEmpty();
        assertThat(metric("Sprint 10-20 velocity below 30").threshold()).isEqualTo(new BigDecimal("30"));
    }

    @Test
    void moneyOrNot() {
        assertThat(LineParser.parse("EUR 5,000 budget")).contains(
                new BudgetCriterion("EUR 5,000 budget", new BigDecimal("5000"), "EUR"));
        assertThat(LineParser.parse("Spend €3,000")).contains(
                new BudgetCriterion("Spend €3,000", new BigDecimal("3000"), "EUR"));
        assertThat(LineParser.parse("Time budget under 20 hours")).get().isInstanceOf(MetricCriterion.class);
        assertThat(LineParser.parse("Error budget below 50")).get().isInstanceOf(MetricCriterion.class);
        assertThat(LineParser.parse("Spend 2 days per week on support")).isEmpty();
        assertThat(LineParser.parse("Cost per lead below 30")).get().isInstanceOf(MetricCriterion.class);
    }

    @Test
    void listsAreSortedLongestFirstSoLongerPhrasesWin() {
        for (List<Words.Phrase> phrases : List.of(Words.COMPARATORS, Words.POSTFIX)) {
            for (int i = 1; i < phrases.size(); i++) {
                assertThat(phrases.get(i).length()).isLessThanOrEqualTo(phrases.get(i - 1).length());
            }
        }
        assertThat(metric("Queue stays at or below 3").comparator()).isEqualTo(Comparator.LE);
        assertThat(metric("Queue is at least 3").comparator()).isEqualTo(Comparator.GE);
    }

    @Test
    void withinIsOnlyUsedWhenNothingElseCompares() {
        assertThat(metric("Within 30 days churn below 3%").comparator()).isEqualTo(Comparator.LT);
        assertThat(metric("Triage within 15 minutes").comparator()).isEqualTo(Comparator.LE);
    }
}
