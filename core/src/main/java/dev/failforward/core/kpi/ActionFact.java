package dev.failforward.core.kpi;

import java.time.Instant;
import java.util.Objects;

/**
 * When an action item was opened, closed (done or dropped; {@code null} while open) and verified effective at its
 * check-in ({@code null} unless the check-in said EFFECTIVE).
 */
public record ActionFact(Instant createdAt, Instant closedAt, Instant verifiedEffectiveAt) {

    public ActionFact {
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
