package dev.failforward.core.criteria;

import dev.failforward.core.criteria.ObservedResults.Kind;
import dev.failforward.core.criteria.ObservedResults.Row;
import dev.failforward.core.criteria.ObservedResults.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ObservedResultsTest {

    @Test
    void matchesEachCriterionByMetricNameWhateverTheOrderAndCase() {
        List<Row> rows = ObservedResults.match("""
                        - failed deploys < 2 per month
                        - p95 latency < 300 ms""",
                "Stop if error rate exceeds 5%",
                """
                        P95 Latency: 280 ms
                        error rate: 7%
                        Failed   deploys: 1 per month""");

        assertThat(rows).containsExactly(
                new Row(Kind.SUCCESS, "failed deploys < 2 per month", "1 per month", new BigDecimal("1"), Verdict.MET),
                new Row(Kind.SUCCESS, "p95 latency < 300 ms", "280 ms", new BigDecimal("280"), Verdict.MET),
                new Row(Kind.STOP, "Stop if error rate exceeds 5%", "7%", new BigDecimal("7"), Verdict.MET));
        assertThat(rows.get(2).stopTriggered()).isTrue();
        assertThat(rows.get(0).stopTriggered()).isFalse();
    }

    @Test
    void aStopCriterionNotReachedIsNotTriggered() {
        Row row = ObservedResults.match("", "Stop if 30-day churn exceeds 5%", "30-day churn: 4.2 %").get(0);

        assertThat(row.verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(row.stopTriggered()).isFalse();
    }

    @Test
    void unnamedLinesAreTakenByPosition() {
        List<Row> rows = ObservedResults.match("NPS ≥ 40\nchurn below 3%", "budget 5,000 EUR", "35\n2.5%\n6,200 EUR");

        assertThat(rows).extracting(Row::observed).containsExactly("35", "2.5%", "6,200 EUR");
        assertThat(rows).extracting(Row::verdict).containsExactly(Verdict.NOT_MET, Verdict.MET, Verdict.MET);
        assertThat(rows.get(2).value()).isEqualByComparingTo("6200");
    }

    @Test
    void aNameThatMatchesNoCriterionStillCountsByPosition() {
        List<Row> rows = ObservedResults.match("error rate < 1%\nNPS ≥ 40", null, "errors: 0.5%\nNPS: 41");

        assertThat(rows).extracting(Row::observed).containsExactly("0.5%", "41");
        assertThat(rows).extracting(Row::verdict).containsExactly(Verdict.MET, Verdict.MET);
    }

    @Test
    void aLongerNameThatContainsTheMetricMatchesIt() {
        Row row = ObservedResults.match("rollbacks ≤ 3 per month", null, "extra line: 9\nrollbacks per month: 2").get(0);

        assertThat(row.observed()).isEqualTo("2");
        assertThat(row.verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void missingLinesGiveNoValueAndAnUnknownVerdict() {
        List<Row> rows = ObservedResults.match("NPS ≥ 40\nchurn below 3%\nerror rate < 1%", "Stop if churn exceeds 5%",
                "NPS: 45");

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).verdict()).isEqualTo(Verdict.MET);
        assertThat(rows.subList(1, 4)).allSatisfy(row -> {
            assertThat(row.observed()).isNull();
            assertThat(row.value()).isNull();
            assertThat(row.verdict()).isEqualTo(Verdict.UNKNOWN);
        });
    }

    @Test
    void nothingObservedOrNothingPlanned() {
        assertThat(ObservedResults.match(null, null, "NPS: 45")).isEmpty();
        assertThat(ObservedResults.match("NPS ≥ 40", "  ", null))
                .containsExactly(new Row(Kind.SUCCESS, "NPS ≥ 40", null, null, Verdict.UNKNOWN));
    }

    @Test
    void aValueWithoutANumberIsKeptButUnknown() {
        List<Row> rows = ObservedResults.match("NPS ≥ 40\nerror rate < 1%", null, "NPS: not measured yet\nerror rate:");

        assertThat(rows.get(0)).isEqualTo(new Row(Kind.SUCCESS, "NPS ≥ 40", "not measured yet", null, Verdict.UNKNOWN));
        assertThat(rows.get(1)).isEqualTo(new Row(Kind.SUCCESS, "error rate < 1%", null, null, Verdict.UNKNOWN));
    }

    @Test
    void aCriterionTheParserCannotReadGetsItsValueButNoVerdict() {
        List<Row> rows = ObservedResults.match("customers love it\ndeadline 2026-12-31", null, "yes\n12");

        assertThat(rows).extracting(Row::observed).containsExactly("yes", "12");
        assertThat(rows).extracting(Row::verdict).containsOnly(Verdict.UNKNOWN);
    }

    @Test
    void aDifferentUnitIsNotCompared() {
        assertThat(ObservedResults.match("p95 latency < 300 ms", null, "p95 latency: 0.4 s").get(0).verdict())
                .isEqualTo(Verdict.UNKNOWN);
        assertThat(ObservedResults.match("MTTR under 30 minutes", null, "MTTR: 25 min").get(0).verdict())
                .isEqualTo(Verdict.MET);
        assertThat(ObservedResults.match("error rate stays below 1%", null, "error rate: 0.8 percent").get(0).verdict())
                .isEqualTo(Verdict.MET);
        assertThat(ObservedResults.match("p99 < 1.2s", null, "p99: 1100ms").get(0).verdict())
                .isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aBudgetAsSuccessCriterionHoldsWhileKept() {
        Row kept = ObservedResults.match("budget 5,000 EUR", null, "budget: 4.800,50 EUR").get(0);

        assertThat(kept.value()).isEqualByComparingTo("4800.5");
        assertThat(kept.verdict()).isEqualTo(Verdict.MET);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            1,5                  | 1.5
            0,25 %               | 0.25
            1.5                  | 1.5
            1,000                | 1000
            12,345.6             | 12345.6
            1.000,5              | 1000.5
            2k                   | 2000
            1.5M users           | 1500000
            -3                   | -3
            −0,5                 | -0.5
            about 42 per week    | 42
            300ms                | 300
            3.50                 | 3.5
            """)
    void readsNumbersAsTeamsWriteThem(String text, String expected) {
        assertThat(ObservedResults.measure(text)).get().extracting(ObservedResults.Measured::number)
                .satisfies(number -> assertThat(number).isEqualByComparingTo(expected));
    }

    @Test
    void decimalCommaIsComparedNumerically() {
        Row row = ObservedResults.match("Availability ≥ 99.9%", null, "availability: 99,95 %").get(0);

        assertThat(row.value()).isEqualByComparingTo("99.95");
        assertThat(row.verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void oddInputNeverThrows() {
        String[] odd = {"", ":", "::::", ": 5", "x:", "\n\n\n", "- \n* \n1.", "∞", "NaN: NaN", "1e309: 1e309",
                "a".repeat(10_000), "9".repeat(400), "metric: " + "9".repeat(400)};
        for (String text : odd) {
            assertThat(ObservedResults.match(text, text, text)).isNotNull();
            assertThat(ObservedResults.match("NPS ≥ 40", "Stop if churn exceeds 5%", text)).hasSize(2);
        }
    }
}
