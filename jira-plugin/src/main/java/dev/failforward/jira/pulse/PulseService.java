package dev.failforward.jira.pulse;

import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.kpi.Period;
import dev.failforward.core.privacy.HmacSha256;
import dev.failforward.jira.failuredb.BrowsableProjects;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoPulseStore;
import dev.failforward.jira.persistence.DatabaseErrors;
import dev.failforward.jira.persistence.PulseWindow;
import dev.failforward.jira.secrets.SecretStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
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
 * period) ({@code PulseGuardEntity}), in a transaction of its own. Its primary key refuses a second answer of the same
 * person in the period — also when two nodes receive the same person's answer at once: one insert wins, the other
 * gets a duplicate key and becomes a 409. No cluster lock.</li>
 * <li><b>Then the score, sealed, in another transaction.</b> The score goes to the pool ({@code PulsePoolEntity}),
 * encrypted and authenticated under the period's pool key with random padding: no column names a person, every
 * sealed value has the same length, equal scores seal differently. The database log shows a guard followed by a
 * pool row, so it ties a person to a ciphertext, never to a score. The keys live in the {@link SecretStore} (the
 * shared home on Jira 11), never in the database or the plugin settings ({@link PulseKeys}).</li>
 * <li><b>Counts change only by k or more at once.</b> {@link AoPulseStore} folds the pool into the counts
 * ({@code PulseCountEntity}) in one transaction per fold, at least k answers at a time (k = the pulse's
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
 *
 * <p>Every table and query of the pulse is in {@link AoPulseStore} ({@code persistence}); this class holds the
 * rules, the keys ({@link PulseKeys}) and the permission checks.
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
    public static final int MIN_SCORE = AoPulseStore.MIN_SCORE;
    public static final int MAX_SCORE = AoPulseStore.MAX_SCORE;

    private final RecordPermissions permissions;
    private final BrowsableProjects projects;
    private final PulseSettings settings;
    private final PulseKeys keys;
    private final AoPulseStore store;
    private final Clock clock;
    /** The UTC day this node last destroyed the keys of ended periods. */
    private volatile LocalDate sweptOn;

    @Inject
    public PulseService(AoPulseStore store, RecordPermissions permissions, PulseSettings settings,
                        SecretStore secrets) {
        this(store, permissions, settings, secrets, Clock.systemUTC());
    }

    public PulseService(AoPulseStore store, RecordPermissions permissions, PulseSettings settings, SecretStore secrets,
                        Clock clock) {
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.projects = new BrowsableProjects(permissions);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = new PulseKeys(Objects.requireNonNull(secrets, "secrets"), settings);
        this.store = Objects.requireNonNull(store, "store");
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
        boolean answered = store.hasGuard(guardHash(user, projectKey, period));
        long soFar = store.tally(projectKey, period.firstDay()).answers() + store.waiting(projectKey, window(period));
        Period previous = previous(period);
        return new Status(projectKey, period, answered, soFar,
                results(previous, store.tally(projectKey, previous.firstDay()), values.minAnswers()));
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
        try {
            // transaction 1: the guard alone; its primary key decides between two answers of one person
            store.addGuard(hash, period.firstDay().toString());
        } catch (RuntimeException e) {
            if (DatabaseErrors.isUniqueViolation(e)) {
                throw new FailureDbException.AlreadyAnswered(period);
            }
            throw e;
        }
        try {
            // transaction 2: the sealed score, nothing that names the person
            store.add(projectKey, window(period), score, keys.poolBox(window(period)));
        } catch (RuntimeException e) {
            try {
                store.deleteGuard(hash);
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        try {
            // transaction 3 (when 2k wait): a fold of at least k answers
            PulseWindow window = window(period);
            store.foldExcess(projectKey, window, values.minAnswers(), () -> keys.existingPoolBox(window));
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
        return store.counts(projects, from, to);
    }

    public int minAnswers() {
        return settings.read().minAnswers();
    }

    private String visible(String projectKey) {
        String user = permissions.currentUserKey().orElseThrow(() -> new IllegalStateException("not logged in"));
        projects.require(projectKey);
        return user;
    }

    /** Project and period: the unique key of a project's counts. */
    public static String countKey(String projectKey, String periodStart) {
        return AoPulseStore.countKey(projectKey, periodStart);
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
            for (AoPulseStore.Pool ended : store.ended(today)) {
                closed |= store.close(ended.projectKey(), ended.window(), k,
                        () -> keys.existingPoolBox(ended.window()));
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
        // guards of earlier periods refuse nothing any more
        store.deleteGuardsBefore(current.firstDay().toString());
        for (PulseWindow window : keys.guardKeyWindows()) {
            if (window.endedBy(today)) {
                keys.destroyGuardKey(window);
            }
        }
        for (PulseWindow window : keys.poolKeyWindows()) {
            if (window.endedBy(today) && !store.holds(window)) {
                keys.destroyPoolKey(window);
            }
        }
    }

    private static PulseWindow window(Period period) {
        return new PulseWindow(period.firstDay(), period.end().toLocalDate());
    }

    static Results results(Period period, AoPulseStore.Tally tally, int minAnswers) {
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
        byte[] key = keys.guardKey(window(period), () -> store.hasGuards(start));
        byte[] digest = HmacSha256.mac(key, (userKey + "\n" + projectKey + "\n" + period.firstDay()
                + "\n" + period.granularity()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
