package dev.failforward.confluence.showcase;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The macro's parameters: the period forms Jira accepts, Jira's query string, and problems naming the parameter. */
class ShowcaseParametersTest {

    private static ShowcaseParameters parse(String projects, String period) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(ShowcaseKeys.PARAM_PROJECTS, projects);
        parameters.put(ShowcaseKeys.PARAM_PERIOD, period);
        return ShowcaseParameters.parse(parameters);
    }

    @Test
    void everyPeriodFormBecomesJirasQuery() {
        assertThat(parse("ops, Grow ,ops", "2026-q3").query()).isEqualTo("projects=OPS%2CGROW&period=2026-Q3");
        assertThat(parse(null, "2026-09").query()).isEqualTo("period=2026-09");
        assertThat(parse("", "2026").query()).isEqualTo("period=2026");
        assertThat(parse("OPS", "2026-07..2026-09").query()).isEqualTo("projects=OPS&from=2026-07&to=2026-09");
        assertThat(parse(null, null).query()).as("the current quarter, Jira decides").isEmpty();
        assertThat(ShowcaseParameters.parse(null).valid()).isTrue();
    }

    @Test
    void aBadPeriodIsAProblemNamingIt() {
        for (String bad : List.of("Q3", "2026-Q5", "2026-13", "0000", "2026/09", "2026-09..2026-07", "2026-09-01",
                "next quarter")) {
            ShowcaseParameters parameters = parse("OPS", bad);
            assertThat(parameters.valid()).as(bad).isFalse();
            assertThat(parameters.problems()).extracting(ShowcaseParameters.Problem::parameter)
                    .as(bad).containsExactly("period");
            assertThat(parameters.problems().get(0).value()).isEqualTo(bad);
        }
    }

    @Test
    void aBadProjectKeyIsAProblemNamingProjects() {
        ShowcaseParameters parameters = parse("OPS, 12X, a-b", "2026-Q3");
        assertThat(parameters.problems()).extracting(ShowcaseParameters.Problem::parameter, ShowcaseParameters.Problem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("projects", "12X"),
                        org.assertj.core.groups.Tuple.tuple("projects", "a-b"));
        assertThat(parameters.projects()).containsExactly("OPS");
    }
}
