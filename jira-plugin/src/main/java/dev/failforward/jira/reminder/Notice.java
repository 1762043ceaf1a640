package dev.failforward.jira.reminder;

import dev.failforward.jira.persistence.AoFollowUps;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing a reminder tells one person about one action item, on one day: the item is due soon, overdue, its
 * effectiveness check-in is due, or (to the project lead) it is long overdue.
 */
public record Notice(Kind kind, AoFollowUps.Item item, String recipientKey) {

    public enum Kind {
        DUE, OVERDUE, CHECKIN, LEAD;

        /** The kind in claim keys and i18n keys. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(recipientKey, "recipientKey");
    }

    /**
     * The day the claim is for: the run's day, so an owner hears of an item once a day; for the lead the item's due
     * date, so the lead hears of a long-overdue item once (again only if its due date is moved and passed again).
     */
    public LocalDate claimDay(LocalDate today) {
        return kind == Kind.LEAD ? item.dueDate() : today;
    }
}
