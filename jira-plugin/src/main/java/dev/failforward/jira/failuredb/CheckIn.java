package dev.failforward.jira.failuredb;

/**
 * An effectiveness check-in of an action item as the user sent it, unchecked: the ISO date it was checked, the result
 * by name ({@code effective}, {@code partly}, {@code not_effective}), an optional note, and the version the user saw
 * ({@code null} = the stored one). Checking in marks the item done.
 */
public record CheckIn(String date, String result, String note, Long basedOnVersion) {
}
