package dev.failforward.core.blameless;

import java.util.Objects;
import java.util.Optional;

/**
 * The kinds of blaming language the {@link BlamelessChecker} finds. {@link #code()} is the stable identifier for JSON
 * and stored data; {@link #messageKey()} says what is wrong (argument {0}: the phrase) and {@link #suggestionKey()}
 * what to write instead. Keys are spelt out in full so the build's i18n check finds each one in the bundle.
 */
public enum BlameCode {
    /** Fault and blame vocabulary: "whose fault", "Sam's fault", "fault of", "at fault", "to blame", "blamed". */
    FAULT("fault", "failforward.blameless.fault.message", "failforward.blameless.fault.suggestion"),
    /** Hindsight about a person: "should have", "shouldn't have", "should not have", "could have just". */
    HINDSIGHT("hindsight", "failforward.blameless.hindsight.message", "failforward.blameless.hindsight.suggestion"),
    /** A label that ends the analysis at a person: "human error", "operator error", "user error". */
    HUMAN_ERROR("human_error", "failforward.blameless.human_error.message",
            "failforward.blameless.human_error.suggestion"),
    /** A judgement of character: "careless", "sloppy", "lazy", "dropped the ball", "(we) messed up". */
    CHARACTER("character", "failforward.blameless.character.message", "failforward.blameless.character.suggestion"),
    /** A person's name, or "he"/"she", as the subject of a failure: "Anna skipped", "he forgot". */
    PERSON_AS_CAUSE("person_as_cause", "failforward.blameless.person_as_cause.message",
            "failforward.blameless.person_as_cause.suggestion");

    private final String code;
    private final String messageKey;
    private final String suggestionKey;

    BlameCode(String code, String messageKey, String suggestionKey) {
        this.code = code;
        this.messageKey = messageKey;
        this.suggestionKey = suggestionKey;
    }

    /** The stable, lower-case identifier, e.g. {@code "person_as_cause"}. Never changes once released. */
    public String code() {
        return code;
    }

    /** What the phrase does wrong; the message takes the phrase as argument {0}. */
    public String messageKey() {
        return messageKey;
    }

    /** What to write instead; the message takes no argument. */
    public String suggestionKey() {
        return suggestionKey;
    }

    /** The code with the given {@link #code()}, for reading JSON back; empty when unknown. */
    public static Optional<BlameCode> fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (BlameCode value : values()) {
            if (value.code.equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
