package dev.failforward.core.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriteriaValuesTest {

    @ParameterizedTest
    @CsvSource({
            "LT, 1, 2, true", "LT, 2, 2, false", "LE, 2, 2.0, true", "LE, 3, 2, false", "GT, 3, 2, true",
            "GT, 2, 2, false", "GE, 2.00, 2, true", "GE, 1, 2, false", "EQ, 2.0, 2, true", "EQ, 2.1, 2, false"})
    void comparatorsCompareNumerically(Comparator comparator, String value, String threshold, boolean expected) {
        assertThat(comparator.test(new BigDecimal(value), new BigDecimal(threshold))).isEqualTo(expected);
    }

    @Test
    void comparatorSymbolsAndKeys() {
        assertThat(Comparator.values()).extracting(Comparator::symbol).containsExactly("<", "≤", ">", "≥", "=");
        assertThat(Comparator.GE.i18nKey()).isEqualTo("failforward.criteria.comparator.ge");
    }

    @Test
    void metricCriterionIsMetByValues() {
        MetricCriterion latency = new MetricCriterion("p95 < 300 ms", "p95", Comparator.LT, new BigDecimal("300"), "ms");

        assertThat(latency.isMetBy(new BigDecimal("299.9"))).isTrue();
        assertThat(latency.isMetBy(new BigDecimal("300"))).isFalse();
    }

    @Test
    void metricCriterionValidates() {
        BigDecimal one = BigDecimal.ONE;
        assertThatThrownBy(() -> new MetricCriterion(" ", "m", Comparator.LT, one, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricCriterion("t", "", Comparator.LT, one, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricCriterion("t", "m", null, one, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MetricCriterion("t", "m", Comparator.LT, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MetricCriterion("t", "m", Comparator.LT, one, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void budgetCriterionValidatesAndComparesSpending() {
        BudgetCriterion cap = new BudgetCriterion("budget 5,000 EUR", new BigDecimal("5000"), "EUR");

        assertThat(cap.isExceededBy(new BigDecimal("5000.00"))).isFalse();
        assertThat(cap.isExceededBy(new BigDecimal("5000.01"))).isTrue();
        assertThatThrownBy(() -> new BudgetCriterion("b", new BigDecimal("-1"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BudgetCriterion("b", BigDecimal.ONE, "eur"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BudgetCriterion("b", null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void deadlineCriterionValidates() {
        assertThatThrownBy(() -> new DeadlineCriterion("by", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new DeadlineCriterion("", LocalDate.MAX)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseCopiesItsListsImmutably() {
        List<Criterion> criteria = new ArrayList<>(List.of(new DeadlineCriterion("by 2026-12-31",
                LocalDate.of(2026, 12, 31))));
        CriteriaParse parse = new CriteriaParse(criteria, List.of());
        criteria.clear();

        assertThat(parse.criteria()).hasSize(1);
        assertThat(parse.measurable()).isTrue();
        assertThatThrownBy(() -> parse.unparsedLines().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void normalizedNumbersHaveNoExponentAndNoTrailingZeros() {
        assertThat(LineParser.normalize(new BigDecimal("2").multiply(BigDecimal.valueOf(1000))).toString())
                .isEqualTo("2000");
        assertThat(LineParser.normalize(new BigDecimal("1.5000")).toString()).isEqualTo("1.5");
        assertThat(LineParser.normalize(new BigDecimal("0.000")).toString()).isEqualTo("0");
        assertThat(LineParser.normalize(new BigDecimal("1E+3")).toString()).isEqualTo("1000");
    }
}
