package dev.failforward.core.hypothesis;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The result of {@link HypothesisLinter#check(String)}.
 *
 * @param text     the checked text, unchanged ({@code ""} when {@code null} was checked); finding offsets point into it
 * @param form     the recognised sentence shape
 * @param parts    condition, expected outcome and rationale as found
 * @param signals  how the expected outcome could be measured; empty when there is no outcome
 * @param findings errors first, then warnings, each ordered by start offset ({@link Finding#ORDER}); the constructor
 *                 sorts them so the order holds however the check was built
 */
public record HypothesisCheck(String text, HypothesisForm form, HypothesisParts parts, Set<MeasureSignal> signals,
                              List<Finding> findings) {

    public HypothesisCheck {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(parts, "parts");
        EnumSet<MeasureSignal> copy = EnumSet.noneOf(MeasureSignal.class);
        copy.addAll(Objects.requireNonNull(signals, "signals"));
        signals = Collections.unmodifiableSet(copy);
        findings = Objects.requireNonNull(findings, "findings").stream().sorted(Finding.ORDER).toList();
    }

    /** True when nothing blocks the hypothesis: there is no {@link Severity#ERROR} finding (warnings are allowed). */
    public boolean acceptable() {
        return errors().isEmpty();
    }

    public List<Finding> errors() {
        return withSeverity(Severity.ERROR);
    }

    public List<Finding> warnings() {
        return withSeverity(Severity.WARNING);
    }

    /** The codes of all findings, in finding order (a code repeats when it was found more than once). */
    public List<FindingCode> codes() {
        return findings.stream().map(Finding::code).toList();
    }

    public boolean has(FindingCode code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }

    private List<Finding> withSeverity(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }
}
