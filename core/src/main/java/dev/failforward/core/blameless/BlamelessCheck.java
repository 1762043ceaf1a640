package dev.failforward.core.blameless;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link BlamelessChecker#check(String)}.
 *
 * @param text     the checked text, unchanged ({@code ""} when {@code null} was checked); offsets point into it
 * @param findings ordered by position ({@link BlameFinding#ORDER}), never overlapping; the constructor sorts them
 */
public record BlamelessCheck(String text, List<BlameFinding> findings) {

    public BlamelessCheck {
        Objects.requireNonNull(text, "text");
        findings = Objects.requireNonNull(findings, "findings").stream().sorted(BlameFinding.ORDER).toList();
    }

    /** True when no blaming language was found. */
    public boolean blameless() {
        return findings.isEmpty();
    }

    /** The codes of all findings, in position order (a code repeats when found more than once). */
    public List<BlameCode> codes() {
        return findings.stream().map(BlameFinding::code).toList();
    }

    public boolean has(BlameCode code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }
}
