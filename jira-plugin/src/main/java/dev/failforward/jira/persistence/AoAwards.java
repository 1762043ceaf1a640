package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.transaction.TransactionCallback;
import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardPeriod;
import dev.failforward.core.award.AwardProblem;
import dev.failforward.core.award.AwardScope;
import dev.failforward.core.award.AwardTally;
import dev.failforward.core.award.Nomination;
import dev.failforward.core.privacy.SealedBox;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The award tables: awards ({@link AwardEntity}), nominees with their vote counts ({@link AwardNominationEntity}),
 * ballot guards ({@link AwardGuardEntity}) and sealed ballots waiting for the close ({@link AwardBallotEntity}). Every
 * award query is here, so Active Objects stays in {@code persistence}; it never sees a voter or a key, only the guard
 * hash the caller computed ({@code BallotGuard}) and the award's {@link SealedBox}.
 *
 * <p><b>A vote is one transaction</b>: read the nominee, insert the guard, insert the choice sealed under the award's
 * pool key. The guard's primary key decides between two votes of one person — also when two nodes take them at once:
 * the second insert waits for the first transaction and then fails with a duplicate key (PostgreSQL) or is refused at
 * once and tried again (HSQLDB), its transaction rolls back whole and the caller is told "already voted". A crash
 * before the commit loses guard and ballot together, so the person may vote again; a vote is never stored without its
 * guard nor twice. Votes touch no shared row, so voters never queue behind each other.
 *
 * <p><b>Counts move once, at the close.</b> {@link #fold} opens the award's whole pool, adds the choices to the
 * nominees' {@code VOTES} and deletes the ballots, in one transaction, when voting has closed. So while voting is open
 * every count is 0 and nothing that changes at the moment of a vote names a nominee: the database's log shows a guard
 * next to a ciphertext, never next to a count. Two nodes folding at once cannot both succeed: a fold deletes its
 * ballots by id and requires the number deleted to match (as {@code AoPulseStore} does), and rolls back and looks again
 * otherwise. A ballot that does not open under the key (altered, forged, sealed under a lost key) or repeats another is
 * deleted uncounted.
 *
 * <p>Portability: criteria are {@code COLUMN = ?} on indexed or unique columns and {@code ID IN (…)} lists of at most
 * 500; dates are {@code YYYY-MM-DD} strings; no vendor SQL.
 */
@Named
public class AoAwards {

    /** Attempts of one vote's (or fold's) transaction; the pauses between them add up to about 2 s at most. */
    static final int VOTE_ATTEMPTS = 12;
    /** Length of a sealed ballot in {@code SEALED}: base64url without padding of 16 + 16 + 32 bytes. */
    public static final int SEALED_CHARS = 86;
    private static final int PLAINTEXT_BYTES = 16;
    private static final byte FORMAT = 1;
    private static final int IN_LIST = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ActiveObjects ao;

    @Inject
    public AoAwards(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    // ------------------------------------------------------------------------------------------------------- awards

    /**
     * The stored award with {@code award}'s id, created from {@code award} when there is none (two nodes may race:
     * the unique {@code AWARD_KEY} keeps one row, and both return it). A stored award keeps its frozen dates.
     */
    public Award ensure(Award award) {
        Optional<Award> stored = find(award.id());
        if (stored.isPresent()) {
            return stored.get();
        }
        Map<String, Object> row = new HashMap<>();
        row.put(AwardEntity.AWARD_KEY, award.id());
        row.put(AwardEntity.SCOPE_KEY, award.scope().key());
        row.put(AwardEntity.SCOPE_NAME, award.scope().name());
        row.put(AwardEntity.PROJECT_KEYS, String.join(",", award.scope().projectKeys()));
        row.put(AwardEntity.PERIOD_START, award.period().start().toString());
        row.put(AwardEntity.PERIOD_END, award.period().end().toString());
        row.put(AwardEntity.VOTING_ENDS, award.period().votingEnds().toString());
        row.put(AwardEntity.ZONE, award.period().zone().getId());
        row.put(AwardEntity.VOTERS, 0L);
        try {
            Transactions.write(ao, () -> ao.create(AwardEntity.class, row));
        } catch (RuntimeException e) {
            if (!DatabaseErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
        return find(award.id()).orElseThrow(() -> new IllegalStateException("award " + award.id() + " not stored"));
    }

    public Optional<Award> find(String awardKey) {
        // AWARD_KEY = ?: unique
        AwardEntity[] rows = ao.find(AwardEntity.class, Query.select()
                .where(AwardEntity.AWARD_KEY + " = ?", awardKey));
        return rows.length == 0 ? Optional.empty() : Optional.of(award(rows[0]));
    }

    /** Every award of the scope, newest period first: the history. */
    public List<Award> history(String scopeKey) {
        List<Award> awards = new ArrayList<>();
        // SCOPE_KEY = ?: indexed; "YYYY-MM-DD" strings order as dates
        ao.stream(AwardEntity.class, Query.select("ID, AWARD_KEY, SCOPE_KEY, SCOPE_NAME, PROJECT_KEYS, PERIOD_START,"
                + " PERIOD_END, VOTING_ENDS, ZONE, VOTING_OPENS_AT, VOTING_CLOSES_AT").where(AwardEntity.SCOPE_KEY + " = ?", scopeKey)
                .order(AwardEntity.PERIOD_START + " DESC"), row -> awards.add(award(row)));
        return awards;
    }

    /**
     * Stores an award's moved voting window (an administrator's "end nominations now" / "close voting now",
     * {@code AwardRules#advance}): {@code VOTING_OPENS_AT} and {@code VOTING_CLOSES_AT}, each null while it is as the
     * dates say. The dates stay (they name the period). Returns the award as stored now, empty when unknown.
     *
     * @throws IllegalArgumentException when {@code moved} is not a period of the stored award (other dates or zone)
     */
    public Optional<Award> reschedule(String awardKey, AwardPeriod moved) {
        Optional<Award> stored = find(awardKey);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        AwardPeriod period = stored.get().period();
        if (!period.start().equals(moved.start()) || !period.end().equals(moved.end())
                || !period.votingEnds().equals(moved.votingEnds()) || !period.zone().equals(moved.zone())) {
            throw new IllegalArgumentException("award " + awardKey + " runs " + period + ", not " + moved);
        }
        Transactions.write(ao, () -> {
            // AWARD_KEY = ?: unique
            for (AwardEntity row : ao.find(AwardEntity.class, Query.select()
                    .where(AwardEntity.AWARD_KEY + " = ?", awardKey))) {
                row.setVotingOpensAt(moved.votingOpensAsScheduled() ? null : Date.from(moved.votingOpens()));
                row.setVotingClosesAt(moved.votingClosesAsScheduled() ? null : Date.from(moved.votingCloses()));
                row.save();
            }
            return null;
        });
        return find(awardKey);
    }

    // -------------------------------------------------------------------------------------------------- nominations

    /**
     * Stores a nomination the rules accepted, with no votes. Refused with {@code RECORD_ALREADY_NOMINATED} when the
     * record is nominated in the award already (also when two nodes race: the unique {@code NOMINATION_KEY}).
     */
    public void nominate(String awardKey, Nomination nomination) {
        Map<String, Object> row = new HashMap<>();
        row.put(AwardNominationEntity.NOMINATION_KEY, nominationKey(awardKey, nomination.recordKey()));
        row.put(AwardNominationEntity.AWARD_KEY, awardKey);
        row.put(AwardNominationEntity.RECORD_KEY, nomination.recordKey());
        row.put(AwardNominationEntity.NOMINATOR, nomination.nominator());
        row.put(AwardNominationEntity.REASON, nomination.reason());
        row.put(AwardNominationEntity.NOMINATED_AT, Date.from(nomination.nominatedAt()));
        row.put(AwardNominationEntity.VOTES, 0L);
        try {
            Transactions.write(ao, () -> ao.create(AwardNominationEntity.class, row));
        } catch (RuntimeException e) {
            if (DatabaseErrors.isUniqueViolation(e)) {
                throw AwardProblem.RECORD_ALREADY_NOMINATED.exception(nomination.recordKey());
            }
            throw e;
        }
    }

    /** The award's nominations, earliest first. */
    public List<Nomination> nominations(String awardKey) {
        return standings(awardKey).stream().map(AwardTally.Standing::nomination).toList();
    }

    /** The record keys nominated in the award. */
    public Set<String> nominatedRecords(String awardKey) {
        Set<String> keys = new TreeSet<>();
        ao.stream(AwardNominationEntity.class, Query.select("ID, RECORD_KEY")
                .where(AwardNominationEntity.AWARD_KEY + " = ?", awardKey), row -> keys.add(row.getRecordKey()));
        return keys;
    }

    /**
     * The nominees with their vote counts, earliest nomination first. The caller shows counts only once voting has
     * closed ({@code AwardPhase#resultsVisible}).
     */
    public List<AwardTally.Standing> standings(String awardKey) {
        List<AwardTally.Standing> standings = new ArrayList<>();
        // AWARD_KEY = ?: indexed
        ao.stream(AwardNominationEntity.class, Query.select("ID, RECORD_KEY, NOMINATOR, REASON, NOMINATED_AT, VOTES")
                .where(AwardNominationEntity.AWARD_KEY + " = ?", awardKey)
                .order(AwardNominationEntity.NOMINATED_AT + " ASC, ID ASC"), row -> standings.add(
                        new AwardTally.Standing(new Nomination(row.getRecordKey(), row.getNominator(), row.getReason(),
                                row.getNominatedAt().toInstant()), row.getVotes())));
        return standings;
    }

    /**
     * The awards each of {@code recordKeys} is nominated in (record key to award keys), for badges: one query per 500
     * keys ({@code RECORD_KEY IN (…)}, indexed), so a page of records costs one query, not one per row. Records never
     * nominated are absent.
     */
    public Map<String, List<String>> awardsOf(Collection<String> recordKeys) {
        List<String> keys = recordKeys.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, List<String>> awards = new TreeMap<>();
        for (int i = 0; i < keys.size(); i += IN_LIST) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + IN_LIST));
            ao.stream(AwardNominationEntity.class, Query.select("ID, AWARD_KEY, RECORD_KEY")
                    .where(AwardNominationEntity.RECORD_KEY + " IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", chunk.toArray()),
                    row -> awards.computeIfAbsent(row.getRecordKey(), k -> new ArrayList<>()).add(row.getAwardKey()));
        }
        return awards;
    }

    // -------------------------------------------------------------------------------------------------------- votes

    /**
     * Stores one vote for {@code recordKey}: the guard and the choice sealed with {@code box} (the award's pool key),
     * atomically (see the class comment). Refused with {@code VOTE_ALREADY_CAST} when the guard exists (nothing
     * changes) and {@code RECORD_NOT_NOMINATED} when the record is not a nominee of the award.
     */
    public void vote(String awardKey, String guardHash, String recordKey, SealedBox box) {
        if (guardHash == null || !guardHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a guard is 64 lowercase hex characters");
        }
        Objects.requireNonNull(box, "box");
        Map<String, Object> guard = new HashMap<>();
        guard.put(AwardGuardEntity.GUARD_HASH, guardHash);
        guard.put(AwardGuardEntity.AWARD_KEY, awardKey);
        try {
            writeVote(() -> {
                // NOMINATION_KEY = ?: unique
                AwardNominationEntity[] rows = ao.find(AwardNominationEntity.class, Query.select("ID")
                        .where(AwardNominationEntity.NOMINATION_KEY + " = ?", nominationKey(awardKey, recordKey)));
                if (rows.length == 0) {
                    throw new NotNominated();
                }
                // the guard first: a second vote of the same person fails here, before the ballot is written
                ao.create(AwardGuardEntity.class, guard);
                Map<String, Object> ballot = new HashMap<>();
                ballot.put(AwardBallotEntity.AWARD_KEY, awardKey);
                ballot.put(AwardBallotEntity.SEALED, seal(box, awardKey, rows[0].getID()));
                ao.create(AwardBallotEntity.class, ballot);
                return null;
            });
        } catch (RuntimeException e) {
            if (causedBy(e, NotNominated.class)) {
                throw AwardProblem.RECORD_NOT_NOMINATED.exception(recordKey);
            }
            if (DatabaseErrors.isUniqueViolation(e)) {
                throw AwardProblem.VOTE_ALREADY_CAST.exception();
            }
            throw e;
        }
    }

    /** How many sealed ballots of the award wait to be folded. */
    public long waiting(String awardKey) {
        // AWARD_KEY = ?: indexed
        return ao.count(AwardBallotEntity.class, AwardBallotEntity.AWARD_KEY + " = ?", awardKey);
    }

    /**
     * Once voting has closed: opens every waiting ballot of the award with {@code box} (the award's pool key, empty
     * when it was destroyed or lost: then every ballot is deleted uncounted), adds the choices to the nominees' counts
     * and deletes the ballots, in one transaction. Returns whether anything was folded. The caller checks the phase.
     */
    public boolean fold(String awardKey, Supplier<Optional<SealedBox>> box) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ao.executeInTransaction(() -> foldOnce(awardKey, box));
            } catch (RuntimeException e) {
                boolean again = causedBy(e, FoldConflict.class) || DatabaseErrors.isTransient(e);
                if (!again || attempt >= VOTE_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private boolean foldOnce(String awardKey, Supplier<Optional<SealedBox>> existingBox) {
        // AWARD_KEY = ?: indexed
        AwardBallotEntity[] rows = ao.find(AwardBallotEntity.class, Query.select("ID, SEALED")
                .where(AwardBallotEntity.AWARD_KEY + " = ?", awardKey).order("ID ASC"));
        if (rows.length == 0) {
            return false;
        }
        Optional<SealedBox> box = existingBox.get();
        Map<Integer, Long> added = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        List<Integer> ids = new ArrayList<>();
        for (AwardBallotEntity row : rows) {
            ids.add(row.getID());
            Optional<Integer> nominee = box.flatMap(b -> open(b, awardKey, row.getSealed()));
            if (nominee.isPresent() && seen.add(row.getSealed())) {
                added.merge(nominee.get(), 1L, Long::sum);
            }
        }
        int deleted = 0;
        for (int i = 0; i < ids.size(); i += IN_LIST) {
            List<Integer> chunk = ids.subList(i, Math.min(ids.size(), i + IN_LIST));
            deleted += ao.deleteWithSQL(AwardBallotEntity.class, "ID IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", chunk.toArray());
        }
        if (deleted != ids.size()) {
            throw new FoldConflict("another fold took ballots of " + awardKey);
        }
        for (Map.Entry<Integer, Long> count : added.entrySet()) {
            // ID = ?: the primary key; a nominee of another award is never counted (the seal binds the award)
            AwardNominationEntity[] nominee = ao.find(AwardNominationEntity.class, Query.select()
                    .where("ID = ? AND " + AwardNominationEntity.AWARD_KEY + " = ?", count.getKey(), awardKey));
            AwardNominationEntity row = nominee.length == 1 ? RowLocks.lock(ao, AwardNominationEntity.class,
                    nominee[0], r -> r.setAwardKey(r.getAwardKey())) : null;
            if (row != null) { // nominations are never deleted; a vanished one is simply not counted
                row.setVotes(row.getVotes() + count.getValue());
                row.save();
            }
        }
        long counted = added.values().stream().mapToLong(Long::longValue).sum();
        if (counted > 0) {
            // AWARD_KEY = ?: unique
            AwardEntity[] award = ao.find(AwardEntity.class, Query.select()
                    .where(AwardEntity.AWARD_KEY + " = ?", awardKey));
            if (award.length == 1) {
                AwardEntity row = RowLocks.lock(ao, AwardEntity.class, award[0], r -> r.setZone(r.getZone()));
                row.setVoters(row.getVoters() + counted);
                row.save();
            }
        }
        return true;
    }

    /** How many ballots of the award were counted (its voters), 0 before the close; empty for an unknown award. */
    public Optional<Long> countedVoters(String awardKey) {
        // AWARD_KEY = ?: unique
        AwardEntity[] award = ao.find(AwardEntity.class, Query.select("ID, VOTERS")
                .where(AwardEntity.AWARD_KEY + " = ?", awardKey));
        return award.length == 1 ? Optional.of(award[0].getVoters()) : Optional.empty();
    }

    /** Whether the guard exists: "has this person voted?", for whoever can compute the guard. Never "for whom". */
    public boolean hasVoted(String guardHash) {
        return ao.get(AwardGuardEntity.class, guardHash) != null;
    }

    /** How many people voted in the award (its guards). */
    public long voters(String awardKey) {
        return ao.count(AwardGuardEntity.class, AwardGuardEntity.AWARD_KEY + " = ?", awardKey);
    }

    /**
     * Deletes the award's guards once voting has closed (they refuse nothing any more), in a transaction of its own;
     * returns how many.
     */
    public int deleteGuards(String awardKey) {
        return Transactions.write(ao, () -> ao.deleteWithSQL(AwardGuardEntity.class,
                AwardGuardEntity.AWARD_KEY + " = ?", awardKey));
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /**
     * Runs a vote's transaction, again after a passing refusal. Many people voting for the same nominee at once queue
     * on its row: PostgreSQL makes them wait, HSQLDB (MVCC) refuses the later ones at once with a serialization
     * failure, and two nodes taking the same person's vote make the later guard insert wait (PostgreSQL) or fail
     * (HSQLDB) until the first commits. So more attempts than {@link Transactions#write}, with growing jittered pauses;
     * each refused attempt rolled back whole, guard and count together.
     */
    private void writeVote(TransactionCallback<Void> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                ao.executeInTransaction(work);
                return;
            } catch (RuntimeException e) {
                if (attempt >= VOTE_ATTEMPTS || !DatabaseErrors.isTransient(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + 4L * attempt * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an award write", interrupted);
        }
    }

    /** {@code [format 1, nominee row id (4 bytes), 11 random bytes]} sealed with the award as context. */
    private static String seal(SealedBox box, String awardKey, int nominationId) {
        byte[] plaintext = new byte[PLAINTEXT_BYTES];
        RANDOM.nextBytes(plaintext);
        plaintext[0] = FORMAT;
        ByteBuffer.wrap(plaintext, 1, 4).putInt(nominationId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(box.seal(plaintext, context(awardKey)));
    }

    private static Optional<Integer> open(SealedBox box, String awardKey, String sealed) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return box.open(bytes, context(awardKey)).filter(p -> p.length == PLAINTEXT_BYTES && p[0] == FORMAT)
                .map(p -> ByteBuffer.wrap(p, 1, 4).getInt());
    }

    /** What a sealed ballot is bound to: it opens for this award only. */
    private static byte[] context(String awardKey) {
        return ("failforward.award|" + awardKey).getBytes(StandardCharsets.UTF_8);
    }

    /** Award and record: the unique key of a nomination. */
    static String nominationKey(String awardKey, String recordKey) {
        return awardKey + "|" + recordKey;
    }

    private static Award award(AwardEntity row) {
        String projects = row.getProjectKeys();
        Set<String> keys = projects == null || projects.isEmpty() ? Set.of()
                : new TreeSet<>(Arrays.asList(projects.split(",")));
        AwardScope scope = AwardScope.INSTANCE_KEY.equals(row.getScopeKey()) ? AwardScope.instance()
                : new AwardScope(row.getScopeKey(), row.getScopeName(), keys);
        return new Award(scope, new AwardPeriod(LocalDate.parse(row.getPeriodStart()),
                LocalDate.parse(row.getPeriodEnd()), LocalDate.parse(row.getVotingEnds()), ZoneId.of(row.getZone()),
                instant(row.getVotingOpensAt()), instant(row.getVotingClosesAt())));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Another fold took the same ballots first: roll back and look again. */
    private static final class FoldConflict extends RuntimeException {
        FoldConflict(String message) {
            super(message, null, false, false);
        }
    }

    /** The record is not a nominee: thrown inside the vote's transaction so that it rolls back. */
    private static final class NotNominated extends RuntimeException {
        NotNominated() {
            super("not nominated", null, false, false);
        }
    }
}
