package dev.failforward.confluence.jira;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JiraResultTest {

    @Test
    void mapsTheValueOfOk() {
        JiraResult<Integer> length = new JiraResult.Ok<>("OPS-42").map(String::length);
        assertThat(length).isEqualTo(new JiraResult.Ok<>(6));
        assertThat(length.isOk()).isTrue();
        assertThat(length.okValue()).contains(6);
    }

    @Test
    void keepsEveryFailureAsItIsWhenMapped() {
        List<JiraResult<String>> failures = List.of(
                new JiraResult.NoLink<>("/plugins/servlet/applinks/listApplicationLinks"),
                new JiraResult.AuthorizationRequired<>(URI.create("https://wiki.example.com/authorize")),
                new JiraResult.Unavailable<>("Jira answered HTTP 503"),
                new JiraResult.NotFound<>(),
                new JiraResult.Forbidden<>(),
                new JiraResult.Invalid<>(List.of(new FieldProblem("text", "required", "Text is required."))));
        for (JiraResult<String> failure : failures) {
            JiraResult<Integer> mapped = failure.map(String::length);
            assertThat(mapped).isEqualTo(failure);
            assertThat(mapped.isOk()).isFalse();
            assertThat(mapped.okValue()).isEmpty();
        }
    }

    @Test
    void fieldProblemsNeverHoldNull() {
        assertThat(new FieldProblem(null, null, null)).isEqualTo(new FieldProblem("", "", ""));
    }
}
