package dev.failforward.core.hypothesis;

import java.util.Objects;
import java.util.Optional;

/**
 * What the linter can say about a hypothesis. {@link #code()} is the stable identifier used in JSON and stored data;
 * {@link #i18nKey()} is the message key the products translate.
 */
public enum FindingCode {
    EMPTY("failforward.hypothesis.empty", Severity.ERROR),
    FORM_UNRECOGNISED("failforward.hypothesis.form.unrecognised", Severity.ERROR),
    MISSING_CONDITION("failforward.hypothesis.condition.missing", Severity.ERROR),
    MISSING_OUTCOME("failforward.hypothesis.outcome.missing", Severity.ERROR),
    NOT_MEASURABLE("failforward.hypothesis.outcome.notmeasurable", Severity.ERROR),
    MISSING_RATIONALE("failforward.hypothesis.rationale.missing", Severity.WARNING),
    VAGUE_WORDING("failforward.hypothesis.wording.vague", Severity.WARNING);

    /** Every key starts with this; the rest of the key is the code. */
    private static final String KEY_PREFIX = "failforward.hypothesis.";

    private final String i18nKey;
    private final Severity severity;
    private final String code;

    FindingCode(String i18nKey, Severity severity) {
        this.i18nKey = i18nKey;
        this.severity = severity;
        // Derived so the two can never drift apart; FindingCodeTest pins every value because JSON depends on them.
        this.code = i18nKey.substring(KEY_PREFIX.length());
    }

    /** The stable, lower-case dotted identifier, e.g. {@code "condition.missing"}. Never changes once released. */
    public String code() {
        return code;
    }

    public String i18nKey() {
        return i18nKey;
    }

    public Severity severity() {
        return severity;
    }

    /** The finding code with the given {@link #code()}, for reading JSON back; empty when unknown. */
    public static Optional<FindingCode> fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (FindingCode value : values()) {
            if (value.code.equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
