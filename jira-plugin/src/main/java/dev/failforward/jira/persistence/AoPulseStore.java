package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.privacy.SealedBox;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The pulse's tables: the guards ({@link PulseGuardEntity}), the pool of sealed scores ({@link PulsePoolEntity}) and
 * the counts ({@link PulseCountEntity}), with the fold from the pool into the counts. The privacy design is
 * {@code PulseService}'s (in {@code pulse}); this class holds every query of it, so Active Objects stays in
 * {@code persistence}. It never sees a key: the caller hands in the period's {@link SealedBox} (the keys live in the
 * secret store, see {@code PulseKeys}).
 *
 * <p><b>Adding</b> seals {@code [format 1, score, 14 random bytes]} under the period's pool key with the project
 * and period as authenticated context, and inserts it as one {@link PulsePoolEntity} row in a transaction of its own
 * — never the one that wrote the person's guard.
 *
 * <p><b>Folding</b> moves answers from the pool into {@link PulseCountEntity} in one transaction, always at least k
 * at once, so the counts never change by fewer than k answers:
 * <ul>
 * <li>while the period is open, only when at least 2k authentic answers wait, and then all but the newest k (oldest
 * first): at least k stay sealed, so the period can always end with a fold of at least k;</li>
 * <li>once the period has ended ({@link #close}), everything left at once when at least k authentic answers wait;
 * otherwise they are deleted without being counted and only their number is kept ({@code WITHHELD}).</li>
 * </ul>
 * k is the pulse's {@code minAnswers} when the fold runs. Raised during a period, it can leave fewer than the new k
 * sealed when the period ends; those are withheld rather than folded in a group smaller than k.
 *
 * <p>A row that does not open under the period's key (altered, forged, or sealed under a key that was lost) or that
 * repeats another row's sealed value is never counted, never counts towards k, and is deleted as withheld; so someone
 * who can write to the database cannot make a fold of one real answer plus k-1 forged ones.
 *
 * <p><b>Two nodes</b> may fold the same pool at once: a fold deletes its rows by id and requires the number deleted to
 * match, and replaces the count row (delete by id, again requiring one row, then insert under the unique
 * {@code COUNT_KEY}) instead of updating it. Whichever fold commits second finds its rows or its count row gone (on
 * PostgreSQL it waits for the first one's row locks, then deletes nothing; HSQLDB refuses the conflicting delete at
 * once with 40001), rolls back and starts again from what the first one left. No cluster lock, no lost count.
 *
 * <p>Portability, as next to every hand-written query: criteria are {@code COLUMN op ?} with dates as
 * {@code YYYY-MM-DD} strings (they compare as dates under every collation: digits and dashes); {@code ID IN (…)} lists
 * hold at most 500 ids (Oracle's limit is 1,000, SQL Server's 2,100 parameters).
 */
@Named
public class AoPulseStore {

    /** The lowest and the highest score; the counts have a column per score. */
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    /** Length of a sealed value in the {@code SEALED} column: base64url without padding of 16 + 16 + 32 bytes. */
    public static final int SEALED_CHARS = 86;
    private static final int PLAINTEXT_BYTES = 16;
    private static final byte FORMAT = 1;
    private static final int ATTEMPTS = 8;
    private static final int IN_LIST = 500;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** A project's counted answers in one period: per score 1..5, and the withheld ones. */
    public record Tally(long[] scores, long withheld) {

        static final Tally NONE = new Tally(new long[MAX_SCORE], 0);

        public long counted() {
            long sum = 0;
            for (long count : scores) {
                sum += count;
            }
            return sum;
        }

        /** Everyone whose answer reached the counts, counted or withheld. */
        public long answers() {
            return counted() + withheld;
        }
    }

    /** A project's pool in one period. */
    public record Pool(String projectKey, PulseWindow window) {
    }

    /** Another fold changed the same rows first: roll back and look again. */
    private static final class FoldConflict extends RuntimeException {
        FoldConflict(String message) {
            super(message, null, false, false);
        }
    }

    private final ActiveObjects ao;

    @Inject
    public AoPulseStore(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    // ------------------------------------------------------------------------------------------------------ guards

    /**
     * Inserts a guard in a transaction of its own. Its primary key refuses a second one: the caller tells a duplicate
     * ({@link DatabaseErrors#isUniqueViolation}) from other failures.
     */
    public void addGuard(String guardHash, String periodStart) {
        Map<String, Object> guard = new HashMap<>();
        guard.put(PulseGuardEntity.GUARD_HASH, guardHash);
        guard.put(PulseGuardEntity.PERIOD_START, periodStart);
        Transactions.write(ao, () -> ao.create(PulseGuardEntity.class, guard));
    }

    /** Deletes one guard, in a transaction of its own (undoing {@link #addGuard} when the score could not be stored). */
    public void deleteGuard(String guardHash) {
        Transactions.write(ao, () -> ao.deleteWithSQL(PulseGuardEntity.class,
                PulseGuardEntity.GUARD_HASH + " = ?", guardHash));
    }

    public boolean hasGuard(String guardHash) {
        return ao.get(PulseGuardEntity.class, guardHash) != null;
    }

    /** Whether any guard of the period starting on {@code periodStart} exists. */
    public boolean hasGuards(String periodStart) {
        return ao.count(PulseGuardEntity.class, PulseGuardEntity.PERIOD_START + " = ?", periodStart) > 0;
    }

    /** Deletes the guards of periods starting before {@code periodStart}, in a transaction of its own. */
    public void deleteGuardsBefore(String periodStart) {
        // PERIOD_START < ?: "YYYY-MM-DD" strings order as dates
        Transactions.write(ao, () -> ao.deleteWithSQL(PulseGuardEntity.class, PulseGuardEntity.PERIOD_START + " < ?",
                periodStart));
    }

    // ------------------------------------------------------------------------------------------------------ counts

    /**
     * Answer counts per project and period start, {@code [n1..n5]} per score, for periods starting in
     * {@code [from, to)}, one query per 500 projects.
     */
    public Map<String, Map<LocalDate, long[]>> counts(Collection<String> projects, LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, long[]>> counts = new HashMap<>();
        List<String> sorted = new java.util.TreeSet<>(projects).stream().toList();
        for (int i = 0; i < sorted.size(); i += IN_LIST) {
            List<String> chunk = sorted.subList(i, Math.min(sorted.size(), i + IN_LIST));
            List<Object> parameters = new ArrayList<>(chunk);
            parameters.add(from.toString());
            parameters.add(to.toString());
            // PROJECT_KEY IN (≤ 500) AND PERIOD_START >= ? AND < ?: chunks stay under Oracle's 1,000-item IN list
            // and SQL Server's 2,100 parameters; dates as "YYYY-MM-DD" strings, portable
            ao.stream(PulseCountEntity.class, Query.select("ID, PROJECT_KEY, PERIOD_START, SCORE1, SCORE2, SCORE3,"
                    + " SCORE4, SCORE5").where(PulseCountEntity.PROJECT_KEY + " IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") AND "
                    + PulseCountEntity.PERIOD_START + " >= ? AND " + PulseCountEntity.PERIOD_START + " < ?",
                    parameters.toArray()), row -> counts.computeIfAbsent(row.getProjectKey(), k -> new HashMap<>())
                            .put(LocalDate.parse(row.getPeriodStart()), scores(row)));
        }
        return counts;
    }

    /** Project and period: the unique key of a project's counts. */
    public static String countKey(String projectKey, String periodStart) {
        return periodStart + "|" + projectKey;
    }

    // -------------------------------------------------------------------------------------------------------- pool

    /**
     * Seals the score with {@code box} (the period's pool key) and adds it to the project's pool of the period, in a
     * transaction of its own.
     */
    public void add(String projectKey, PulseWindow window, int score, SealedBox box) {
        byte[] plaintext = new byte[PLAINTEXT_BYTES];
        RANDOM.nextBytes(plaintext);
        plaintext[0] = FORMAT;
        plaintext[1] = (byte) score;
        String sealed = ENCODER.encodeToString(box.seal(plaintext, context(projectKey, window)));
        Map<String, Object> row = new HashMap<>();
        row.put(PulsePoolEntity.PROJECT_KEY, projectKey);
        row.put(PulsePoolEntity.PERIOD_START, window.start().toString());
        row.put(PulsePoolEntity.PERIOD_END, window.end().toString());
        row.put(PulsePoolEntity.SEALED, sealed);
        Transactions.write(ao, () -> ao.create(PulsePoolEntity.class, row));
    }

    /** How many answers of the project wait in the period's pool. */
    public long waiting(String projectKey, PulseWindow window) {
        // PROJECT_KEY = ? AND PERIOD_START = ? AND PERIOD_END = ?: the pulse_pool_period index, portable
        return ao.count(PulsePoolEntity.class, PulsePoolEntity.PROJECT_KEY + " = ? AND " + PulsePoolEntity.PERIOD_START
                + " = ? AND " + PulsePoolEntity.PERIOD_END + " = ?", projectKey, window.start().toString(),
                window.end().toString());
    }

    /** Whether any project's pool of the period holds a row. */
    public boolean holds(PulseWindow window) {
        return ao.count(PulsePoolEntity.class, PulsePoolEntity.PERIOD_END + " = ? AND " + PulsePoolEntity.PERIOD_START
                + " = ?", window.end().toString(), window.start().toString()) > 0;
    }

    /** The pools of periods that ended by {@code today}: they wait to be closed. */
    public Set<Pool> ended(LocalDate today) {
        Set<Pool> pools = new LinkedHashSet<>();
        // PERIOD_END <= ?: indexed; "YYYY-MM-DD" strings order as dates
        ao.stream(PulsePoolEntity.class, Query.select("ID, PROJECT_KEY, PERIOD_START, PERIOD_END")
                .where(PulsePoolEntity.PERIOD_END + " <= ?", today.toString()).order("ID ASC"),
                row -> pools.add(new Pool(row.getProjectKey(),
                        PulseWindow.of(row.getPeriodStart(), row.getPeriodEnd()))));
        return pools;
    }

    /** The counted answers of the project in the period starting on {@code start}. */
    public Tally tally(String projectKey, LocalDate start) {
        PulseCountEntity row = countRow(projectKey, start.toString());
        return row == null ? Tally.NONE : new Tally(scores(row), withheld(row));
    }

    /**
     * While the period is open: folds all but the newest k when at least 2k authentic answers wait. {@code box} gives
     * the box of the period's existing pool key (empty when it was destroyed or lost), asked in each attempt.
     */
    public boolean foldExcess(String projectKey, PulseWindow window, int k, Supplier<Optional<SealedBox>> box) {
        return fold(projectKey, window, k, false, box);
    }

    /** Once the period has ended: folds everything when at least k authentic answers wait, else withholds them. */
    public boolean close(String projectKey, PulseWindow window, int k, Supplier<Optional<SealedBox>> box) {
        return fold(projectKey, window, k, true, box);
    }

    private boolean fold(String projectKey, PulseWindow window, int k, boolean closing,
                         Supplier<Optional<SealedBox>> existingBox) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ao.executeInTransaction(() -> foldOnce(projectKey, window, k, closing, existingBox));
            } catch (RuntimeException e) {
                boolean again = e instanceof FoldConflict || DatabaseErrors.isTransient(e)
                        || DatabaseErrors.isUniqueViolation(e);
                if (!again || attempt >= ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private boolean foldOnce(String projectKey, PulseWindow window, int k, boolean closing,
                             Supplier<Optional<SealedBox>> existingBox) {
        PulsePoolEntity[] rows = ao.find(PulsePoolEntity.class, Query.select("ID, SEALED")
                .where(PulsePoolEntity.PROJECT_KEY + " = ? AND " + PulsePoolEntity.PERIOD_START + " = ? AND "
                        + PulsePoolEntity.PERIOD_END + " = ?", projectKey, window.start().toString(),
                        window.end().toString()).order("ID ASC"));
        if (rows.length == 0) {
            return false;
        }
        Optional<SealedBox> box = existingBox.get();
        byte[] context = context(projectKey, window);
        Map<Integer, Integer> authentic = new LinkedHashMap<>();
        List<Integer> withhold = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PulsePoolEntity row : rows) {
            Optional<Integer> score = box.flatMap(b -> open(b, row.getSealed(), context));
            if (score.isPresent() && seen.add(row.getSealed())) {
                authentic.put(row.getID(), score.get());
            } else {
                withhold.add(row.getID());
            }
        }
        List<Integer> move = new ArrayList<>();
        if (closing) {
            if (authentic.size() >= k) {
                move.addAll(authentic.keySet());
            } else {
                withhold.addAll(authentic.keySet());
            }
        } else if (authentic.size() >= 2 * k) {
            move.addAll(new ArrayList<>(authentic.keySet()).subList(0, authentic.size() - k));
        }
        if (move.isEmpty() && withhold.isEmpty()) {
            return false;
        }
        List<Integer> delete = new ArrayList<>(move);
        delete.addAll(withhold);
        int deleted = 0;
        for (int i = 0; i < delete.size(); i += IN_LIST) {
            List<Integer> chunk = delete.subList(i, Math.min(delete.size(), i + IN_LIST));
            deleted += ao.deleteWithSQL(PulsePoolEntity.class, "ID IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", chunk.toArray());
        }
        if (deleted != delete.size()) {
            throw new FoldConflict("another fold took pool rows of " + projectKey + " " + window.suffix());
        }
        long[] added = new long[MAX_SCORE];
        for (Integer id : move) {
            added[authentic.get(id) - 1]++;
        }
        replaceCount(projectKey, window.start().toString(), added, withhold.size());
        return true;
    }

    /** Replaces the project's count row of the period with one holding {@code added} and {@code withheld} more. */
    private void replaceCount(String projectKey, String start, long[] added, long withheld) {
        PulseCountEntity old = countRow(projectKey, start);
        long[] scores = old == null ? new long[MAX_SCORE] : scores(old);
        long held = old == null ? 0 : withheld(old);
        if (old != null && ao.deleteWithSQL(PulseCountEntity.class, "ID = ?", old.getID()) != 1) {
            throw new FoldConflict("another fold replaced the counts of " + projectKey + " " + start);
        }
        Map<String, Object> row = new HashMap<>();
        row.put(PulseCountEntity.COUNT_KEY, countKey(projectKey, start));
        row.put(PulseCountEntity.PROJECT_KEY, projectKey);
        row.put(PulseCountEntity.PERIOD_START, start);
        for (int s = MIN_SCORE; s <= MAX_SCORE; s++) {
            row.put(PulseCountEntity.scoreColumn(s), scores[s - 1] + added[s - 1]);
        }
        row.put(PulseCountEntity.WITHHELD, held + withheld);
        // COUNT_KEY is unique: a first fold racing another first fold fails here and starts again
        ao.create(PulseCountEntity.class, row);
    }

    private PulseCountEntity countRow(String projectKey, String start) {
        // COUNT_KEY = ? (unique "YYYY-MM-DD|KEY"): see KpiIndex's ROLLUP_KEY on case-insensitive collations
        PulseCountEntity[] rows = ao.find(PulseCountEntity.class, Query.select()
                .where(PulseCountEntity.COUNT_KEY + " = ?", countKey(projectKey, start)));
        return rows.length == 0 ? null : rows[0];
    }

    private static long[] scores(PulseCountEntity row) {
        return new long[] {row.getScore1(), row.getScore2(), row.getScore3(), row.getScore4(), row.getScore5()};
    }

    private static long withheld(PulseCountEntity row) {
        Long withheld = row.getWithheld();
        return withheld == null ? 0 : withheld;
    }

    private static Optional<Integer> open(SealedBox box, String sealed, byte[] context) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return box.open(bytes, context).filter(p -> p.length == PLAINTEXT_BYTES && p[0] == FORMAT
                && p[1] >= MIN_SCORE && p[1] <= MAX_SCORE).map(p -> (int) p[1]);
    }

    /** What a sealed score is bound to: it opens for this project and period only. */
    private static byte[] context(String projectKey, PulseWindow window) {
        return ("failforward.pulse|" + projectKey + "|" + window.start() + "|" + window.end())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + 8L * attempt * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while folding pulse answers", e);
        }
    }
}
