package dev.failforward.jira.rest;

import dev.failforward.core.kpi.Granularity;
import dev.failforward.jira.showcase.ShowcasePeriod;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.RequestProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code GET /showcase}'s parameters: the period forms, the current quarter by default, and 400s naming each field. */
class ShowcaseParametersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void aQuarterAMonthAYearOrARangeOfMonths() {
        ShowcasePeriod q3 = parse(null, "2026-Q3", null, null).period();
        assertThat(List.of(q3.first(), q3.last())).containsExactly(YearMonth.of(2026, 7), YearMonth.of(2026, 9));
        assertThat(q3.kpiGranularity()).isEqualTo(Granularity.QUARTER);
        assertThat(q3.key()).isEqualTo("2026-Q3");
        assertThat(parse(null, " 2026-q1 ", null, null).period().key()).isEqualTo("2026-Q1");

        ShowcasePeriod september = parse(null, "2026-09", null, null).period();
        assertThat(List.of(september.first(), september.last())).containsOnly(YearMonth.of(2026, 9));
        assertThat(september.kpiGranularity()).isEqualTo(Granularity.MONTH);

        ShowcasePeriod year = parse(null, "2025", null, null).period();
        assertThat(year.months()).isEqualTo(12);
        assertThat(year.kpiGranularity()).isEqualTo(Granularity.QUARTER);

        ShowcasePeriod range = parse(null, null, "2026-08", "2026-10").period();
        assertThat(List.of(range.first(), range.last())).containsExactly(YearMonth.of(2026, 8), YearMonth.of(2026, 10));
        assertThat(range.kpiGranularity()).isEqualTo(Granularity.MONTH);
        assertThat(range.endDay()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void noPeriodIsTheCurrentQuarterAndProjectsAreUpperCasedOnce() {
        ShowcaseParameters parameters = parse(List.of("ops, lab", "OPS"), null, null, null);
        assertThat(parameters.period().key()).isEqualTo("2026-Q4");
        assertThat(parameters.projects()).containsExactly("OPS", "LAB");
        assertThat(parse(null, "", "", "").projects()).isEmpty();
    }

    @Test
    void aBadPeriodIsRefusedNamingIt() {
        for (String bad : List.of("2026-Q5", "Q3-2026", "2026-13", "26", "last quarter", "0000-Q1", "2026-09-01")) {
            assertThat(errors(null, bad, null, null)).as(bad).extracting(FieldError::field).containsExactly("period");
            assertThat(errors(null, bad, null, null).get(0).i18nKey()).isEqualTo("failforward.showcase.error.period");
            assertThat(errors(null, bad, null, null).get(0).arguments()).containsExactly("period", bad);
        }
    }

    @Test
    void everyOtherBadParameterIsNamed() {
        assertThat(errors(null, "2026-Q3", "2026-07", null)).extracting(FieldError::code).containsExactly("exclusive");
        assertThat(errors(null, null, "2026-07", null)).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("to", "required"));
        assertThat(errors(null, null, "July", "2026-09")).extracting(FieldError::field).containsExactly("from");
        assertThat(errors(null, null, "2026-09", "2026-07")).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("to", "before-from"));
        assertThat(errors(null, null, "2024-01", "2026-01")).extracting(FieldError::code).containsExactly("too-long");
        assertThat(parse(null, null, "2024-02", "2026-01").period().months()).isEqualTo(24);
        assertThat(errors(List.of("OPS", "1X"), "bogus", null, null)).extracting(FieldError::field)
                .containsExactly("projects", "period");
    }

    private static ShowcaseParameters parse(List<String> projects, String period, String from, String to) {
        return ShowcaseParameters.parse(projects, period, from, to, TODAY);
    }

    private static List<FieldError> errors(List<String> projects, String period, String from, String to) {
        RequestProblem problem = catchThrowableOfType(() -> parse(projects, period, from, to), RequestProblem.class);
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        return problem.errors();
    }
}
