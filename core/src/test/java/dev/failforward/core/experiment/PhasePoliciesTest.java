package dev.failforward.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PhasePoliciesTest {

    @Test
    void defaultsGrowWithThePhase() {
        PhasePolicies defaults = PhasePolicies.defaults();

        assertThat(defaults.all()).containsExactly(
                new PhasePolicy(Phase.EXPLORE, new BigDecimal("2000"), 14),
                new PhasePolicy(Phase.EXPERIMENT, new BigDecimal("10000"), 42),
                new PhasePolicy(Phase.EXECUTE, new BigDecimal("50000"), 90));
        assertThat(defaults.of(Phase.EXPERIMENT).maxTimeBoxDays()).isEqualTo(42);
    }

    @Test
    void withReturnsAChangedCopy() {
        PhasePolicies defaults = PhasePolicies.defaults();

        PhasePolicies changed = defaults.with(new PhasePolicy(Phase.EXECUTE, null, 180));

        assertThat(changed.of(Phase.EXECUTE)).isEqualTo(new PhasePolicy(Phase.EXECUTE, null, 180));
        assertThat(changed.of(Phase.EXPLORE)).isEqualTo(defaults.of(Phase.EXPLORE));
        assertThat(defaults.of(Phase.EXECUTE).maxTimeBoxDays()).isEqualTo(90);
        assertThat(changed).isNotEqualTo(defaults);
        assertThat(defaults.with(defaults.of(Phase.EXPLORE))).isEqualTo(defaults).hasSameHashCodeAs(defaults);
        assertThat(changed.toString()).contains("EXECUTE");
    }

    @Test
    void allCannotBeChanged() {
        assertThatThrownBy(() -> PhasePolicies.defaults().all().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void policyLimits() {
        PhasePolicy explore = PhasePolicies.defaults().of(Phase.EXPLORE);

        assertThat(explore.allowsBudget(new BigDecimal("2000.00"))).isTrue();
        assertThat(explore.allowsBudget(new BigDecimal("2000.01"))).isFalse();
        assertThat(explore.allowsTimeBox(14)).isTrue();
        assertThat(explore.allowsTimeBox(15)).isFalse();
        assertThat(new PhasePolicy(Phase.EXECUTE, null, 1).allowsBudget(new BigDecimal("1E+12"))).isTrue();
    }

    @Test
    void policyValidates() {
        assertThatThrownBy(() -> new PhasePolicy(null, BigDecimal.ONE, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PhasePolicy(Phase.EXPLORE, BigDecimal.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhasePolicy(Phase.EXPLORE, BigDecimal.ONE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhasePolicies.defaults().of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PhasePolicies.defaults().with(null)).isInstanceOf(NullPointerException.class);
    }
}
