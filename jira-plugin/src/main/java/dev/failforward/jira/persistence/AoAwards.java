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
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The award tables: awards ({@link AwardEntity}), nominees with their vote counts ({@link AwardNominationEntity}) and
 * ballot guards ({@link AwardGuardEntity}). Every award query is here, so Active Objects stays in
 * {@code persistence}; it never sees a key or a voter, only the guard hash the caller computed
 * ({@code BallotGuard}).
 *
 * <p><b>A vote is one transaction</b>: read the nominee, insert the guard, lock the nominee's row
 * ({@link RowLocks}) and raise its count by one. The guard's primary key decides between two votes of one person —
 * also when two nodes take them at once: the second insert waits for the first transaction and then fails with a
 * duplicate key, its transaction rolls back whole (no count changes) and the caller is told "already voted". The row
 * lock makes concurrent votes for the same nominee queue for a moment instead of losing an update; nobody waits on a
 * cluster lock or on votes for other nominees. A crash before the commit loses the vote and its guard together, so
 * the person may vote again; a vote is never counted without its guard nor twice.
 *
 * <p>What the rows keep: the guard row has the hash and the award, the nominee row a count. No column holds a voter,
 * a vote time or a row per vote ({@code AwardBallotSecrecyTest}). What the database itself keeps about the
 * transaction does tie them, while voting is open: its write-ahead log (and on PostgreSQL the id of the last
 * transaction that wrote a row) shows the guard next to the nominee counted, and a count that moves at the moment of a
 * request can be matched with the access log. Known weakness, to be replaced by a sealed ballot pool folded at the
 * close as the pulse does: {@code docs/awards-design.md}, "Known weakness".
 *
 * <p>Portability: criteria are {@code COLUMN = ?} on indexed or unique columns; dates are {@code YYYY-MM-DD}
 * strings; no vendor SQL.
 */
@Named
public class AoAwards {

    /** Attempts of one vote's transaction; the pauses between them add up to about 2 s at most. */
    static final int VOTE_ATTEMPTS = 12;

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
                + " PERIOD_END, VOTING_ENDS, ZONE").where(AwardEntity.SCOPE_KEY + " = ?", scopeKey)
                .order(AwardEntity.PERIOD_START + " DESC"), row -> awards.add(award(row)));
        return awards;
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

    // -------------------------------------------------------------------------------------------------------- votes

    /**
     * Counts one vote for {@code recordKey} and stores {@code guardHash}, atomically (see the class comment). Refused
     * with {@code VOTE_ALREADY_CAST} when the guard exists (nothing changes) and {@code RECORD_NOT_NOMINATED} when
     * the record is not a nominee of the award.
     */
    public void vote(String awardKey, String guardHash, String recordKey) {
        if (guardHash == null || !guardHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a guard is 64 lowercase hex characters");
        }
        Map<String, Object> guard = new HashMap<>();
        guard.put(AwardGuardEntity.GUARD_HASH, guardHash);
        guard.put(AwardGuardEntity.AWARD_KEY, awardKey);
        try {
            writeVote(() -> {
                // NOMINATION_KEY = ?: unique
                AwardNominationEntity[] rows = ao.find(AwardNominationEntity.class, Query.select()
                        .where(AwardNominationEntity.NOMINATION_KEY + " = ?", nominationKey(awardKey, recordKey)));
                if (rows.length == 0) {
                    throw new NotNominated();
                }
                // the guard first: a second vote of the same person fails here, before any count is touched
                ao.create(AwardGuardEntity.class, guard);
                AwardNominationEntity row = RowLocks.lock(ao, AwardNominationEntity.class, rows[0],
                        r -> r.setAwardKey(r.getAwardKey()));
                if (row == null) {
                    throw new NotNominated(); // deleted meanwhile: roll the guard back too
                }
                row.setVotes(row.getVotes() + 1);
                row.save();
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
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + 4L * attempt * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while retrying a vote", interrupted);
                }
            }
        }
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
                LocalDate.parse(row.getPeriodEnd()), LocalDate.parse(row.getVotingEnds()), ZoneId.of(row.getZone())));
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

    /** The record is not a nominee: thrown inside the vote's transaction so that it rolls back. */
    private static final class NotNominated extends RuntimeException {
        NotNominated() {
            super("not nominated", null, false, false);
        }
    }
}
