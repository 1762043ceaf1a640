package dev.failforward.core.award;

/** Where an award stands at an instant: each phase follows the one before, and {@link #CLOSED} is final. */
public enum AwardPhase {
    UPCOMING, NOMINATING, VOTING, CLOSED;

    /** Results (counts, winner) are shown only once voting has closed; before that nobody sees counts. */
    public boolean resultsVisible() {
        return this == CLOSED;
    }
}
