package dev.failforward.core.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Real-sounding criteria from ops, growth, HR, hospitals and manufacturing, each with exactly what it parses to. */
class CriteriaParserTest {

    private final CriteriaParser parser = new CriteriaParser();

    private Criterion only(String line) {
        CriteriaParse parse = parser.parse(line);
        assertThat(parse.unparsedLines()).as("unparsed lines of [%s]", line).isEmpty();
        assertThat(parse.criteria()).as("criteria of [%s]", line).hasSize(1);
        return parse.criteria().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # ops and software
            p95 latency < 300 ms                                   | p95 latency                    | LT | 300     | ms
            error rate stays below 1%                              | error rate                     | LT | 1       | %
            Availability ≥ 99.9%                                   | Availability                   | GE | 99.9    | %
            MTTR under 30 minutes                                  | MTTR                           | LT | 30      | minutes
            fewer than 3 sev-1 incidents per quarter               | sev-1 incidents                | LT | 3       | per quarter
            Stop if 30-day churn exceeds 5%                        | 30-day churn                   | GT | 5       | %
            Stop if error budget burn rate exceeds 2x              | error budget burn rate         | GT | 2       | x
            p99 < 1.2s                                             | p99                            | LT | 1.2     | s
            <300ms p95 latency                                     | p95 latency                    | LT | 300     | ms
            3 or fewer rollbacks per month                         | rollbacks                      | LE | 3       | per month
            Deploy frequency at least 10 per week                  | Deploy frequency               | GE | 10      | per week
            Error rate (7-day average) below 1%                    | Error rate (7-day average)     | LT | 1       | %
            Over 30 days, churn below 3%                           | churn                          | LT | 3       | %
            Within 30 days, checkout errors below 0.5%             | checkout errors                | LT | 0.5     | %
            Response time within 4 hours                           | Response time                  | LE | 4       | hours
            Build time does not exceed 10 min                      | Build time                     | LE | 10      | min
            Stop if error budget reaches 0                         | error budget                   | GE | 0       |
            Pages per on-call shift no more than 2                 | Pages per on-call shift        | LE | 2       |
            # growth and sales
            NPS ≥ 40                                               | NPS                            | GE | 40      |
            - Conversion ≥ 3.5%                                    | Conversion                     | GE | 3.5     | %
            Trial-to-paid conversion at least 4%                   | Trial-to-paid conversion       | GE | 4       | %
            At least 1,000 sign-ups in 30 days                     | sign-ups                       | GE | 1000    |
            MRR reaches $50k                                       | MRR                            | GE | 50000   | USD
            Churn at most 3% per month                             | Churn                          | LE | 3       | % per month
            CAC below €120                                         | CAC                            | LT | 120     | EUR
            Activation rate increases by 10 percentage points      | Activation rate increase       | GE | 10      | pp
            Weekly active users at least 2,000                     | Weekly active users            | GE | 2000    |
            Revenue grows by 10%                                   | Revenue increase               | GE | 10      | %
            Churn drops by at least 2 points                       | Churn decrease                 | GE | 2       | points
            NPS of 40 or more                                      | NPS                            | GE | 40      |
            40+ demo requests per week                             | demo requests                  | GE | 40      | per week
            Revenue above €1.5m                                    | Revenue                        | GT | 1500000 | EUR
            Pipeline over 2.5M                                     | Pipeline                       | GT | 2500000 |
            Conversion ≥ 2,5%                                      | Conversion                     | GE | 2.5     | %
            Margin above -2%                                       | Margin                         | GT | -2      | %
            Success criterion: NPS >= 40                           | NPS                            | GE | 40      |
            Support tickets fewer than fifty a week                | Support tickets                | LT | 50      | per week
            Average order value = €45                              | Average order value            | EQ | 45      | EUR
            # people and HR
            Voluntary attrition below 12% annualised               | Voluntary attrition            | LT | 12      | %
            Time to hire under 30 days                             | Time to hire                   | LT | 30      | days
            At least 80% of new hires complete onboarding within 2 weeks | new hires complete onboarding | GE | 80 | %
            Offer acceptance rate ≥ 85%                            | Offer acceptance rate          | GE | 85      | %
            Sick days below 5 per employee per year                | Sick days                      | LT | 5       | per employee per year
            Cost per hire below £3,000                             | Cost per hire                  | LT | 3000    | GBP
            eNPS no less than 20                                   | eNPS                           | GE | 20      |
            Overtime hours must stay under 200 per month           | Overtime hours                 | LT | 200     | per month
            # hospital
            Emergency department wait time under 4 hours for 95% of patients | Emergency department wait time | LT | 4 | hours
            Hand hygiene compliance at least 90%                   | Hand hygiene compliance        | GE | 90      | %
            Patient falls fewer than 2 per 1,000 bed days          | Patient falls                  | LT | 2       | per 1,000 bed days
            30-day readmission rate below 8%                       | 30-day readmission rate        | LT | 8       | %
            Medication errors = 0                                  | Medication errors              | EQ | 0       |
            Zero central line infections                           | central line infections        | EQ | 0       |
            No more than 5% of appointments are no-shows           | appointments                   | LE | 5       | %
            Door-to-needle time ≤ 60 minutes                       | Door-to-needle time            | LE | 60      | minutes
            # manufacturing
            Scrap rate below 2.5%                                  | Scrap rate                     | LT | 2.5     | %
            OEE at least 85%                                       | OEE                            | GE | 85      | %
            First pass yield ≥ 97.5%                               | First pass yield               | GE | 97.5    | %
            Unplanned downtime under 4 hours per week              | Unplanned downtime             | LT | 4       | hours per week
            Changeover time ≤ 20 min                               | Changeover time                | LE | 20      | min
            Line stops fewer than 3 per shift                      | Line stops                     | LT | 3       | per shift
            Customer returns no more than 0.5% of units shipped    | Customer returns               | LE | 0.5     | %
            Stop if defects per million exceed 3.4                 | defects per million            | GT | 3.4     |
            """)
    void metricCriteria(String line, String metric, Comparator comparator, String threshold, String unit) {
        Criterion criterion = only(line);

        assertThat(criterion).isInstanceOf(MetricCriterion.class);
        MetricCriterion parsed = (MetricCriterion) criterion;
        assertThat(parsed.metric()).isEqualTo(metric);
        assertThat(parsed.comparator()).isEqualTo(comparator);
        assertThat(parsed.threshold()).isEqualTo(new BigDecimal(threshold));
        assertThat(parsed.unit()).isEqualTo(unit);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            budget 5,000 EUR                          | 5000    | EUR
            spend over $5k                            | 5000    | USD
            cost exceeds €2,500                       | 2500    | EUR
            Stop if we spend more than 8k             | 8000    |
            Total cloud spend stays under €3,000      | 3000    | EUR
            Budget: €5k                               | 5000    | EUR
            Max budget €5,000                         | 5000    | EUR
            Stop when costs exceed 12,500 GBP         | 12500   | GBP
            Spending above 1.2 million euros          | 1200000 | EUR
            Agency spend at most CHF 4,000            | 4000    | CHF
            Budget cap: 750                           | 750     |
            """)
    void budgetCriteria(String line, String amount, String currency) {
        Criterion criterion = only(line);

        assertThat(criterion).isInstanceOf(BudgetCriterion.class);
        BudgetCriterion parsed = (BudgetCriterion) criterion;
        assertThat(parsed.amount()).isEqualTo(new BigDecimal(amount));
        assertThat(parsed.currency()).isEqualTo(currency);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            deadline 2026-12-31                       | 2026-12-31
            by 31 Dec 2026                            | 2026-12-31
            until 2026-12-31                          | 2026-12-31
            stop on 2026-12-31                        | 2026-12-31
            Deadline: 2026-12-31                      | 2026-12-31
            no later than 15 March 2027               | 2027-03-15
            "Dec 31, 2026"                            | 2026-12-31
            Stop on the 1st of February 2027          | 2027-02-01
            "December 3rd, 2026"                      | 2026-12-03
            Pilot ends 31.10.2026                     | 2026-10-31
            Review by 2026/11/15                      | 2026-11-15
            Decide by 28/02/2027                      | 2027-02-28
            Decide by 02/28/2027                      | 2027-02-28
            by 5/5/2027                               | 2027-05-05
            end of Q3 2026                            | 2026-09-30
            H1 2027                                   | 2027-06-30
            by June 2026                              | 2026-06-30
            Stop on 29 Feb 2028                       | 2028-02-29
            """)
    void deadlineCriteria(String line, LocalDate date) {
        Criterion criterion = only(line);

        assertThat(criterion).isEqualTo(new DeadlineCriterion(line, date));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Users are happy",
            "Improve onboarding",
            "Better performance",
            "Customers love the new checkout",
            "Nurses feel less stressed",
            "Churn goes down",
            "Signups double",
            "Reduce scrap",
            "If it feels wrong",
            "By Christmas",
            "by 31 Dec",
            "03/04/2026",
            "2026-02-30",
            "31 Feb 2026",
            "Q5 2026",
            "Stop after 6 weeks",
            "Latency 300 ms",
            "below 5%",
            "> 40",
            "Revenue €10k",
    })
    void linesThatStateNoCriterion(String line) {
        CriteriaParse parse = parser.parse(line);

        assertThat(parse.criteria()).isEmpty();
        assertThat(parse.unparsedLines()).containsExactly(line);
        assertThat(parse.measurable()).isFalse();
    }

    @Test
    void oneCriterionPerLineWithBulletsHeadingsAndBlankLines() {
        CriteriaParse parse = parser.parse("""
                Stop criteria:
                - p95 latency > 800 ms
                * spend over $5k

                1. by 31 Dec 2026
                2) Nurses feel less stressed
                """);

        assertThat(parse.criteria()).containsExactly(
                new MetricCriterion("p95 latency > 800 ms", "p95 latency", Comparator.GT, new BigDecimal("800"), "ms"),
                new BudgetCriterion("spend over $5k", new BigDecimal("5000"), "USD"),
                new DeadlineCriterion("by 31 Dec 2026", LocalDate.of(2026, 12, 31)));
        assertThat(parse.unparsedLines()).containsExactly("Nurses feel less stressed");
        assertThat(parse.measurable()).isFalse();
        assertThat(parse.metrics()).hasSize(1);
        assertThat(parse.budgets()).hasSize(1);
        assertThat(parse.deadlines()).hasSize(1);
    }

    @Test
    void allLinesCriteriaIsMeasurable() {
        CriteriaParse parse = parser.parse("• NPS ≥ 40\r\n• error rate below 1%\r\n");

        assertThat(parse.measurable()).isTrue();
        assertThat(parse.metrics()).extracting(MetricCriterion::metric).containsExactly("NPS", "error rate");
    }

    @Test
    void aComparisonWinsOverADateOnTheSameLine() {
        Criterion criterion = only("Churn below 3% by 2026-12-31");

        assertThat(criterion).isEqualTo(
                new MetricCriterion("Churn below 3% by 2026-12-31", "Churn", Comparator.LT, new BigDecimal("3"), "%"));
    }

    @Test
    void dayNumbersOfADateAreNotThresholds() {
        assertThat(only("Stop if scrap exceeds 4% before 31 Dec 2026")).isEqualTo(new MetricCriterion(
                "Stop if scrap exceeds 4% before 31 Dec 2026", "scrap", Comparator.GT, new BigDecimal("4"), "%"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  \n\t", "Success criteria:", "-\n*\n---"})
    void nothingWrittenIsEmptyAndNotMeasurable(String text) {
        CriteriaParse parse = parser.parse(text);

        assertThat(parse).isEqualTo(CriteriaParse.EMPTY);
        assertThat(parse.measurable()).isFalse();
    }

    @Test
    void overlongLinesAreUnparsed() {
        String line = "error rate below 1% " + "and more words ".repeat(40);

        CriteriaParse parse = parser.parse(line);

        assertThat(line.strip().length()).isGreaterThan(CriteriaParser.MAX_LINE_LENGTH);
        assertThat(parse.unparsedLines()).hasSize(1);
    }
}
