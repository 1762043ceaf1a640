package dev.failforward.jira.pulse;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.kpi.Period;
import dev.failforward.core.privacy.HmacSha256;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.DatabaseErrors;
import dev.failforward.jira.persistence.Transactions;
import dev.failforward.jira.secrets.SecretStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The anonymous pulse "How comfortable do you feel sharing a failure with your team?" (1–5), asked once per period
 * and project. Its privacy design (README, "Pulse privacy design") holds against whoever reads the database, its
 * transaction log and the plugin settings:
 * <ol>
 * <li><b>Guard first, alone.</b> An answer first inserts a guard, HMAC-SHA256(the period's guard key, user, project,
 * period) ({@link PulseGuardEntity}), in a transaction of its own. Its primary key refuses a second answer of the same
 * person in the period — also when two nodes receive the same person's answer at once: one insert wins, the other
 * gets a duplicate key and becomes a 409. No cluster lock.</li>
 * <li><b>Then the score, sealed, in another transaction.</b> The score goes to the pool ({@link PulsePoolEntity}),
 * encrypted and authenticated under the period's pool key with random padding: no column names a person, every
 * sealed value has the same length, equal scores seal differently. The database log shows a guard followed by a
 * pool row, so it ties a person to a ciphertext, never to a score. The keys live in the {@link SecretStore} (the
 * shared home on Jira 11), never in the database or the plugin settings ({@link PulseKeys}).</li>
 * <li><b>Counts change only by k or more at once.</b> {@link PulsePool} folds the pool into the counts
 * ({@link PulseCountEntity}) in one transaction per fold, at least k answers at a time (k = the pulse's
 * {@code minAnswers}, at least 5): during the period only the excess over k once 2k wait, after it everything when
 * at least k wait, else the answers are withheld (deleted uncounted, their number kept).</li>
 * <li><b>Fold on read.</b> Ended periods are folded when someone next reads the pulse or the KPIs, or answers:
 * {@link #status}, {@link #counts} and {@link #answer} first close every ended period's pool (one indexed query when
 * there is none). Then the keys of ended periods are destroyed — the guard key at once, the pool key once its pool is
 * empty — so copies of the database or its log from a closed period stay unreadable even with the secret
 * directory.</li>
 * <li>Results are shown for a <em>finished</em> period only, and only when at least {@code minAnswers} answers were
 * counted.</li>
 * </ol>
 * A crash (or a database refusal) between the guard and the pool insert loses that answer but never counts it twice:
 * the guard is written first. When the pool insert fails with an error, the guard is deleted again, so the person can
 * answer once more. Periods are calendar months or quarters in UTC, the same for everybody.
 */
@Named
public class PulseService {

    /** One period's results; {@code favourableShare} and {@code distribution} only when {@code shown}. */
    public record Results(Period period, long answers, int minAnswers, boolean shown, Double favourableShare,
                          List<Long> distribution) {
    }

    /** What the pulse item shows one user: the open period, whether they answered it, the last complete results. */
    public record Status(String projectKey, Period period, boolean answered, long answersSoFar, Results previous) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PulseService.class);
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    private final ActiveObjects ao;
    private final RecordPermissions permissions;
    private final PulseSettings settings;
    private final PulseKeys keys;
    private final PulsePool pool;
    private final Clock clock;
    /** The UTC day this node last destroyed the keys of ended periods. */
    private volatile LocalDate sweptOn;

    @Inject
    public PulseService(@ComponentImport ActiveObjects ao, RecordPermissions permissions, PulseSettings settings,
                        SecretStore secrets) {
        this(ao, permissions, settings, secrets, Clock.systemUTC());
    }

    public PulseService(ActiveObjects ao, RecordPermissions permissions, PulseSettings settings, SecretStore secrets,
                        Clock clock) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = new PulseKeys(Objects.requireNonNull(secrets, "secrets"), settings);
        this.pool = new PulsePool(ao, keys);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The open period of the current settings (UTC). */
    public Period currentPeriod() {
        return currentPeriod(settings.read().granularity());
    }

    private Period currentPeriod(Granularity granularity) {
        Period period = Period.containing(clock.instant(), granularity, ZoneOffset.UTC);
        return new Period(period.firstDay(), granularity, ZoneOffset.UTC, true);
    }

    public Status status(String projectKey) {
        String user = visible(projectKey);
        PulseSettings.Values values = settings.read();
        Period period = currentPeriod(values.granularity());
        closeEndedPeriods(values.minAnswers(), period);
        boolean answered = ao.get(PulseGuardEntity.class, guardHash(user, projectKey, period)) != null;
        long soFar = pool.tally(projectKey, period.firstDay()).answers() + pool.waiting(projectKey, window(period));
        Period previous = previous(period);
        return new Status(projectKey, period, answered, soFar,
                results(previous, pool.tally(projectKey, previous.firstDay()), values.minAnswers()));
    }

    /**
     * Records one answer of the current user; refused with {@link FailureDbException.AlreadyAnswered} when they
     * answered this period already. The caller checked the score is 1..5.
     */
    public Status answer(String projectKey, int score) {
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new IllegalArgumentException("score must be 1..5: " + score);
        }
        String user = visible(projectKey);
        PulseSettings.Values values = settings.read();
        Period period = currentPeriod(values.granularity());
        String hash = guardHash(user, projectKey, period);
        Map<String, Object> guard = new HashMap<>();
        guard.put(PulseGuardEntity.GUARD_HASH, hash);
        guard.put(PulseGuardEntity.PERIOD_START, period.firstDay().toString());
        try {
            // transaction 1: the guard alone; its primary key decides between two answers of one person
            Transactions.write(ao, () -> ao.create(PulseGuardEntity.class, guard));
        } catch (RuntimeException e) {
            if (DatabaseErrors.isUniqueViolation(e)) {
                throw new FailureDbException.AlreadyAnswered(period.label(), period.end().toLocalDate().toString());
            }
            throw e;
        }
        try {
            // transaction 2: the sealed score, nothing that names the person
            pool.add(projectKey, window(period), score);
        } catch (RuntimeException e) {
            try {
                Transactions.write(ao, () -> ao.deleteWithSQL(PulseGuardEntity.class,
                        PulseGuardEntity.GUARD_HASH + " = ?", hash));
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        try {
            // transaction 3 (when 2k wait): a fold of at least k answers
            pool.foldExcess(projectKey, window(period), values.minAnswers());
        } catch (RuntimeException e) {
            // the answer is stored; the next answer or read folds
            LOG.warn("Fail Forward pulse: answers of {} could not be folded now: {}", projectKey, e.toString());
        }
        return status(projectKey);
    }

    /**
     * Answer counts per project and pulse-period start, for the sharing-score KPI: {@code [n1..n5]} per score, for
     * periods starting in {@code [from, to)}, one query per 500 projects. The caller has already narrowed
     * {@code projects} to browsable ones.
     */
    public Map<String, Map<LocalDate, long[]>> counts(Collection<String> projects, LocalDate from, LocalDate to) {
        PulseSettings.Values values = settings.read();
        closeEndedPeriods(values.minAnswers(), currentPeriod(values.granularity()));
        Map<String, Map<LocalDate, long[]>> counts = new HashMap<>();
        List<String> sorted = new java.util.TreeSet<>(projects).stream().toList();
        for (int i = 0; i < sorted.size(); i += 500) {
            List<String> chunk = sorted.subList(i, Math.min(sorted.size(), i + 500));
            List<Object> parameters = new ArrayList<>(chunk);
            parameters.add(from.toString());
            parameters.add(to.toString());
            // PROJECT_KEY IN (≤ 500) AND PERIOD_START >= ? AND < ?: chunks stay under Oracle's 1,000-item IN list
            // and SQL Server's 2,100 parameters; dates as "YYYY-MM-DD" strings, portable
            ao.stream(PulseCountEntity.class, Query.select("ID, PROJECT_KEY, PERIOD_START, SCORE1, SCORE2, SCORE3,"
                    + " SCORE4, SCORE5").where(PulseCountEntity.PROJECT_KEY + " IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") AND "
                    + PulseCountEntity.PERIOD_START + " >= ? AND " + PulseCountEntity.PERIOD_START + " < ?",
                    parameters.toArray()), row -> counts.computeIfAbsent(row.getProjectKey(), k -> new HashMap<>())
                            .put(LocalDate.parse(row.getPeriodStart()), PulsePool.scores(row)));
        }
        return counts;
    }

    public int minAnswers() {
        return settings.read().minAnswers();
    }

    private String visible(String projectKey) {
        String user = permissions.currentUserKey().orElseThrow(() -> new IllegalStateException("not logged in"));
        if (projectKey == null || !permissions.canBrowse(projectKey)) {
            throw new FailureDbException.ProjectHidden(String.valueOf(projectKey));
        }
        return user;
    }

    /** Project and period: the unique key of a project's counts. */
    public static String countKey(String projectKey, String periodStart) {
        return periodStart + "|" + projectKey;
    }

    /**
     * Closes the pools of every ended period (all projects): folds or withholds what waits there, then, once a day
     * per node or after a close, deletes the guards of past periods and destroys the keys of ended periods. A failure
     * here never fails the request: the next one tries again.
     */
    private void closeEndedPeriods(int k, Period current) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean closed = false;
        try {
            for (PulsePool.Pool ended : pool.ended(today)) {
                closed |= pool.close(ended.projectKey(), ended.window(), k);
            }
        } catch (RuntimeException e) {
            LOG.warn("Fail Forward pulse: an ended period could not be closed now: {}", e.toString());
            return;
        }
        if (closed || !today.equals(sweptOn)) {
            try {
                sweep(today, current);
                sweptOn = today;
            } catch (RuntimeException e) {
                LOG.warn("Fail Forward pulse: the keys of ended periods could not be destroyed now: {}", e.toString());
            }
        }
    }

    private void sweep(LocalDate today, Period current) {
        // guards of earlier periods refuse nothing any more; PERIOD_START < ?: "YYYY-MM-DD" strings order as dates
        Transactions.write(ao, () -> ao.deleteWithSQL(PulseGuardEntity.class, PulseGuardEntity.PERIOD_START + " < ?",
                current.firstDay().toString()));
        for (PulseKeys.Window window : keys.guardKeyWindows()) {
            if (window.endedBy(today)) {
                keys.destroyGuardKey(window);
            }
        }
        for (PulseKeys.Window window : keys.poolKeyWindows()) {
            if (window.endedBy(today) && !pool.holds(window)) {
                keys.destroyPoolKey(window);
            }
        }
    }

    private static PulseKeys.Window window(Period period) {
        return new PulseKeys.Window(period.firstDay(), period.end().toLocalDate());
    }

    static Results results(Period period, PulsePool.Tally tally, int minAnswers) {
        long counted = tally.counted();
        if (counted < minAnswers) {
            return new Results(period, tally.answers(), minAnswers, false, null, null);
        }
        long[] counts = tally.scores();
        List<Long> distribution = new ArrayList<>();
        for (long count : counts) {
            distribution.add(count);
        }
        return new Results(period, tally.answers(), minAnswers, true, (counts[3] + counts[4]) / (double) counted,
                distribution);
    }

    private static Period previous(Period period) {
        LocalDate first = period.firstDay().minusMonths(period.granularity().months());
        return new Period(first, period.granularity(), ZoneOffset.UTC, false);
    }

    /**
     * HMAC-SHA256 of user, project and period under the period's guard key, hex (the message as earlier versions
     * wrote it, so guards written before the key moved to the secret store stay valid).
     */
    String guardHash(String userKey, String projectKey, Period period) {
        String start = period.firstDay().toString();
        byte[] key = keys.guardKey(window(period), () -> ao.count(PulseGuardEntity.class,
                PulseGuardEntity.PERIOD_START + " = ?", start) > 0);
        byte[] digest = HmacSha256.mac(key, (userKey + "\n" + projectKey + "\n" + period.firstDay()
                + "\n" + period.granularity()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
