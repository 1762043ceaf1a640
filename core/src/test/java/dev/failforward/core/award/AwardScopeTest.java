package dev.failforward.core.award;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwardScopeTest {

    @Test
    void theInstanceCoversEveryProjectAGroupOnlyItsOwn() {
        AwardScope platform = AwardScope.group("platform", " Platform teams ", List.of("OPS", "SRE"));

        assertThat(AwardScope.instance().covers("ANY")).isTrue();
        assertThat(AwardScope.instance().isInstance()).isTrue();
        assertThat(platform.covers("OPS")).isTrue();
        assertThat(platform.covers("GROWTH")).isFalse();
        assertThat(platform.name()).isEqualTo("Platform teams");
        assertThat(platform.projectKeys()).containsExactly("OPS", "SRE");
        assertThat(platform.isInstance()).isFalse();
    }

    @Test
    void aGroupNeedsASlugANameAndValidProjectKeys() {
        assertProblem(() -> AwardScope.group("Platform", "P", List.of("OPS")), AwardProblem.SCOPE_KEY_INVALID);
        assertProblem(() -> AwardScope.group("a:b", "P", List.of("OPS")), AwardProblem.SCOPE_KEY_INVALID);
        assertProblem(() -> AwardScope.group("instance", "P", List.of("OPS")), AwardProblem.SCOPE_KEY_INVALID);
        assertProblem(() -> AwardScope.group("p", "  ", List.of("OPS")), AwardProblem.SCOPE_NAME_REQUIRED);
        assertProblem(() -> AwardScope.group("p", "x".repeat(81), List.of("OPS")), AwardProblem.SCOPE_NAME_TOO_LONG);
        assertProblem(() -> AwardScope.group("p", "P", Set.of()), AwardProblem.SCOPE_PROJECTS_REQUIRED);
        assertProblem(() -> AwardScope.group("p", "P", List.of("ops")), AwardProblem.SCOPE_PROJECT_INVALID);
    }

    private static void assertProblem(Runnable call, AwardProblem expected) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwardException.class, e -> {
            assertThat(e.kind()).isEqualTo(expected);
            assertThat(e.problem().field()).isEqualTo("scope");
        });
    }
}
