package dev.failforward.core.hypothesis;

/** The sentence shape a hypothesis was written in. */
public enum HypothesisForm {
    /** "If X, then Y", "If X then Y", "If X, Y". */
    IF_THEN,
    /** "We believe (that) X will result in Y", "We believe X will reduce Y". */
    WE_BELIEVE,
    /** "When X, Y", "When X then Y". */
    WHEN,
    /** None of the above, or no text at all. */
    UNRECOGNISED
}
