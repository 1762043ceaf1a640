package dev.failforward.core.experiment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@link PhasePolicy} per {@link Phase}; immutable, {@link #with(PhasePolicy)} returns a changed copy.
 *
 * <p>{@link #defaults()}: EXPLORE up to 2,000 and 14 days (a two-week spike, cheap enough to lose), EXPERIMENT up to
 * 10,000 and 42 days (six weeks, long enough for a weekly metric to move), EXECUTE up to 50,000 and 90 days (a
 * quarter, after which a plan should be re-examined). Amounts are in the site's currency; administrators adjust them.
 */
public final class PhasePolicies {

    private static final PhasePolicies DEFAULTS = new PhasePolicies(Map.of(
            Phase.EXPLORE, new PhasePolicy(Phase.EXPLORE, BigDecimal.valueOf(2_000), 14),
            Phase.EXPERIMENT, new PhasePolicy(Phase.EXPERIMENT, BigDecimal.valueOf(10_000), 42),
            Phase.EXECUTE, new PhasePolicy(Phase.EXECUTE, BigDecimal.valueOf(50_000), 90)));

    private final Map<Phase, PhasePolicy> policies;

    private PhasePolicies(Map<Phase, PhasePolicy> policies) {
        EnumMap<Phase, PhasePolicy> copy = new EnumMap<>(Phase.class);
        copy.putAll(policies);
        this.policies = Collections.unmodifiableMap(copy);
    }

    public static PhasePolicies defaults() {
        return DEFAULTS;
    }

    /** A copy with {@code policy} replacing the one for its phase. */
    public PhasePolicies with(PhasePolicy policy) {
        Objects.requireNonNull(policy, "policy");
        EnumMap<Phase, PhasePolicy> copy = new EnumMap<>(policies);
        copy.put(policy.phase(), policy);
        return new PhasePolicies(copy);
    }

    public PhasePolicy of(Phase phase) {
        return policies.get(Objects.requireNonNull(phase, "phase"));
    }

    /** Every policy, in phase order. */
    public Collection<PhasePolicy> all() {
        return policies.values();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhasePolicies that && policies.equals(that.policies);
    }

    @Override
    public int hashCode() {
        return policies.hashCode();
    }

    @Override
    public String toString() {
        return "PhasePolicies" + policies.values();
    }
}
