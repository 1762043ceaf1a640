package dev.failforward.core.award;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The rules of nominating and voting, checked before anything is stored. Permission (may this user browse the
 * record?) is the host's job and comes first; uniqueness is checked here against what the caller read and enforced
 * again by the store's unique keys, which decide between two requests that race.
 */
public final class AwardRules {

    public static final int REASON_MAX = 1000;
    private static final Pattern ISSUE_KEY = Pattern.compile("([A-Z][A-Z0-9_]*)-[1-9][0-9]{0,17}");

    private AwardRules() {
    }

    /**
     * A valid nomination of {@code recordKey} by {@code nominator} at {@code now}, or an {@link AwardException}
     * naming the field: {@code record} (missing, malformed, outside the scope, already nominated, window not open)
     * or {@code reason} (missing, too long).
     *
     * @param nominated the record keys already nominated in this award
     */
    public static Nomination nominate(Award award, Instant now, String recordKey, String nominator, String reason,
                                      Collection<String> nominated) {
        AwardPhase phase = award.period().phaseAt(now);
        if (phase == AwardPhase.UPCOMING) {
            throw AwardProblem.NOMINATION_NOT_OPEN.exception(award.period().nominationsOpen().toString());
        }
        if (phase != AwardPhase.NOMINATING) {
            throw AwardProblem.NOMINATION_CLOSED.exception(award.period().votingOpens().toString());
        }
        String key = recordKey == null ? "" : recordKey.strip();
        if (key.isEmpty()) {
            throw AwardProblem.RECORD_REQUIRED.exception();
        }
        var matcher = ISSUE_KEY.matcher(key);
        if (!matcher.matches()) {
            throw AwardProblem.RECORD_INVALID.exception(key);
        }
        if (!award.scope().covers(matcher.group(1))) {
            throw AwardProblem.RECORD_OUT_OF_SCOPE.exception(key);
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw AwardProblem.REASON_REQUIRED.exception();
        }
        if (text.codePointCount(0, text.length()) > REASON_MAX) {
            throw AwardProblem.REASON_TOO_LONG.exception(String.valueOf(REASON_MAX));
        }
        if (nominated.contains(key)) {
            throw AwardProblem.RECORD_ALREADY_NOMINATED.exception(key);
        }
        if (nominator == null || nominator.isBlank()) {
            throw new IllegalArgumentException("nominator is required");
        }
        return new Nomination(key, nominator, text, now);
    }

    /**
     * Checks a vote for {@code recordKey} at {@code now}: voting must be open and the record nominated. Whether the
     * voter voted already is not known here: only the store can tell, by its guard.
     */
    public static void checkVote(Award award, Instant now, String recordKey, Collection<String> nominated) {
        AwardPhase phase = award.period().phaseAt(now);
        if (phase == AwardPhase.UPCOMING || phase == AwardPhase.NOMINATING) {
            throw AwardProblem.VOTE_NOT_OPEN.exception(award.period().votingOpens().toString());
        }
        if (phase == AwardPhase.CLOSED) {
            throw AwardProblem.VOTE_CLOSED.exception(award.period().votingCloses().toString());
        }
        if (recordKey == null || recordKey.isBlank()) {
            throw AwardProblem.RECORD_REQUIRED.exception();
        }
        if (!nominated.contains(recordKey.strip())) {
            throw AwardProblem.RECORD_NOT_NOMINATED.exception(recordKey.strip());
        }
    }

    /**
     * The award's period after an administrator's "advance" at {@code now}, on any day of the period, its first and
     * last included:
     * <ul>
     *   <li>taking nominations: nominations end and voting opens at {@code now}; voting keeps its length, closing at
     *       the first midnight (in the award's zone) at least as many days after {@code now} as it was scheduled to
     *       last, and never later than scheduled;</li>
     *   <li>in voting: voting closes at {@code now} (so an award whose nominations ended at this very instant gets an
     *       empty voting window; nobody voted in it).</li>
     * </ul>
     * The period's dates, and so its name, stay. Refused with {@code PERIOD_ADVANCE_NOT_OPEN} before the nominations
     * open and {@code PERIOD_ADVANCE_CLOSED} once voting has closed: there is nothing to end.
     *
     * <p>Why instants, not days: ending nominations "today" in whole days is impossible on a period's first day
     * (nominations would end before they began), and closing voting "today" on the day it opened is too. Moving a
     * window to the present instant works on every day, and a close at {@code now} keeps the hour of grace after the
     * close ({@code AwardService}) for votes still in flight, where a close moved back to midnight would have ended it
     * already.
     */
    public static AwardPeriod advance(Award award, Instant now) {
        AwardPeriod period = award.period();
        return switch (period.phaseAt(now)) {
            case UPCOMING -> throw AwardProblem.PERIOD_ADVANCE_NOT_OPEN.exception(award.id(),
                    period.nominationsOpen().toString());
            case NOMINATING -> {
                long days = ChronoUnit.DAYS.between(period.end(), period.votingEnds());
                ZonedDateTime after = now.atZone(period.zone()).plusDays(days);
                ZonedDateTime midnight = after.toLocalDate().atStartOfDay(period.zone());
                Instant closes = (midnight.toInstant().equals(after.toInstant()) ? midnight
                        : after.toLocalDate().plusDays(1).atStartOfDay(period.zone())).toInstant();
                Instant scheduled = period.votingEnds().atStartOfDay(period.zone()).toInstant();
                yield period.withVoting(now, closes.isAfter(scheduled) ? scheduled : closes);
            }
            case VOTING -> period.withVoting(period.votingOpens(), now);
            case CLOSED -> throw AwardProblem.PERIOD_ADVANCE_CLOSED.exception(award.id(),
                    period.votingCloses().toString());
        };
    }
}
