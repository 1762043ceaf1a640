package dev.failforward.rest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestProblemTest {

    @Test
    void eachKindHasItsStatusAndKey() {
        assertThat(RequestProblem.invalid("text", "required", RestKeys.FIELD_REQUIRED, "text"))
                .extracting(RequestProblem::status, RequestProblem::messageKey).containsExactly(400, RestKeys.INVALID);
        assertThat(RequestProblem.loginRequired().status()).isEqualTo(401);
        assertThat(RequestProblem.forbidden().messageKey()).isEqualTo(RestKeys.FORBIDDEN);
        RequestProblem busy = RequestProblem.unavailable(1, "k.busy", 1);
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.retryAfterSeconds()).hasValue(1);
        assertThat(RequestProblem.of(404, "k.missing", "OPS").retryAfterSeconds()).isEmpty();
    }

    @Test
    void aFieldErrorAnswerNamesAFieldAndIsNoFault() {
        assertThatThrownBy(() -> RequestProblem.invalid(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestProblem.of(200, "k.ok")).isInstanceOf(IllegalArgumentException.class);
        RequestProblem problem = RequestProblem.invalid("score", "out-of-range", RestKeys.FIELD_INTEGER, "score", 1, 5);
        assertThat(problem.getStackTrace()).isEmpty();
        assertThat(problem.getMessage()).isEqualTo("400 failforward.rest.error.invalid [score: out-of-range]");
        assertThat(problem.withErrors(List.of()).errors()).isEmpty();
    }
}
