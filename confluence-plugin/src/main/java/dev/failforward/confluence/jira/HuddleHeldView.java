package dev.failforward.confluence.jira;

import java.util.Objects;

/**
 * Jira's answer to marking a team's huddle held ({@code POST /huddles}): {@code created} is false when this week's
 * huddle was held already (nothing changed); {@code message} says which, in the user's language (who held it and when
 * for an earlier one).
 */
public record HuddleHeldView(boolean created, String message, HuddleBoardView.Held huddle) {
    public HuddleHeldView {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(huddle, "huddle");
    }
}
