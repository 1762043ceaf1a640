package dev.failforward.jira.huddle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One failure huddle a team held. A team is the set of projects its huddle covers ({@link #teamKey}); it holds at most
 * one huddle per ISO week ({@link #week}, e.g. {@code 2026-W49}), so {@link #key()} is unique.
 *
 * @param projectKeys          the team's projects, sorted
 * @param heldBy               the user key of who marked it held, or {@code null}
 * @param failuresReviewed     how many failures reported since the team's previous huddle were on the board
 * @param celebratedLearningId the learning the board offered to celebrate, or {@code null}
 */
public record Huddle(String teamKey, List<String> projectKeys, String week, Instant heldAt, String heldBy,
                     int failuresReviewed, Long celebratedLearningId, String note) {

    public static final int TEAM_KEY_MAX_LENGTH = 255;
    public static final int NOTE_MAX_LENGTH = 2000;

    public Huddle {
        Objects.requireNonNull(teamKey, "teamKey");
        projectKeys = List.copyOf(new TreeSet<>(projectKeys));
        if (projectKeys.isEmpty()) {
            throw new IllegalArgumentException("a huddle covers at least one project");
        }
        if (!week.matches("[0-9]{4}-W[0-9]{2}")) {
            throw new IllegalArgumentException("week " + week + " is not yyyy-Www");
        }
        Objects.requireNonNull(heldAt, "heldAt");
        if (failuresReviewed < 0) {
            throw new IllegalArgumentException("failuresReviewed must not be negative");
        }
        if (note != null && note.length() > NOTE_MAX_LENGTH) {
            throw new IllegalArgumentException("note is longer than " + NOTE_MAX_LENGTH);
        }
    }

    /** {@code <team key>@<week>}: the unique {@code HUDDLE_KEY}. */
    public String key() {
        return teamKey + "@" + week;
    }

    /**
     * The team of these projects: their keys, upper case, sorted and comma-separated; a set whose key would pass
     * {@value #TEAM_KEY_MAX_LENGTH} characters is named {@code sha256:} and the hash of that list instead.
     */
    public static String teamKey(Collection<String> projectKeys) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String key : projectKeys) {
            sorted.add(key.strip().toUpperCase(Locale.ROOT));
        }
        String joined = String.join(",", sorted);
        if (joined.length() <= TEAM_KEY_MAX_LENGTH) {
            return joined;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The ISO week ({@code 2026-W49}) of {@code at} in {@code zone}: Monday to Sunday, week-based year. */
    public static String week(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return String.format(Locale.ROOT, "%04d-W%02d", local.get(IsoFields.WEEK_BASED_YEAR),
                local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
