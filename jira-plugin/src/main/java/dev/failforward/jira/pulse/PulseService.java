package dev.failforward.jira.pulse;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.kpi.Period;
import dev.failforward.core.privacy.HmacSha256;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.permissions.RecordPermissions;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

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
 * and project. The privacy design (README, "Pulse privacy"):
 * <ul>
 * <li>An answer only increments one of the five counts of its project and period ({@link PulseCountEntity}); nothing
 * stores who answered what, or when.</li>
 * <li>A guard row holds HMAC-SHA256(secret key, user key + project + period) ({@link PulseGuardEntity}), so the same
 * person cannot answer twice in a period; it holds no score and cannot be joined to a counter. Guards of past
 * periods are deleted at the next answer.</li>
 * <li>Results are shown for a <em>completed</em> period only, and only when at least {@code minAnswers} (5 or more)
 * answered: watching an open period's result change would reveal each new answer.</li>
 * </ul>
 * Periods are calendar months or quarters in UTC, the same for everybody, so "once per period" means one thing.
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

    static final String LOCK_NAME = "dev.failforward.pulse";
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    private final ActiveObjects ao;
    private final RecordPermissions permissions;
    private final PulseSettings settings;
    private final ClusterLockService locks;
    private final Clock clock;

    @Inject
    public PulseService(@ComponentImport ActiveObjects ao, RecordPermissions permissions, PulseSettings settings,
                        @ComponentImport ClusterLockService locks) {
        this(ao, permissions, settings, locks, Clock.systemUTC());
    }

    public PulseService(ActiveObjects ao, RecordPermissions permissions, PulseSettings settings,
                        ClusterLockService locks, Clock clock) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.locks = Objects.requireNonNull(locks, "locks");
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
        boolean answered = ao.get(PulseGuardEntity.class, guardHash(user, projectKey, period)) != null;
        long[] current = counts(projectKey, period.firstDay());
        Period previous = previous(period);
        return new Status(projectKey, period, answered, sum(current),
                results(previous, counts(projectKey, previous.firstDay()), values.minAnswers()));
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
        Period period = currentPeriod(settings.read().granularity());
        String hash = guardHash(user, projectKey, period);
        String start = period.firstDay().toString();
        ClusterLock lock = locks.getLockForName(LOCK_NAME);
        lock.lock();
        try {
            ao.executeInTransaction(() -> {
                if (ao.get(PulseGuardEntity.class, hash) != null) {
                    throw new FailureDbException.AlreadyAnswered(period.label(), period.end().toLocalDate().toString());
                }
                // the guard's primary key is the hash (a hex string); PERIOD_START < ? compares "YYYY-MM-DD" strings,
                // which order as dates under every collation (digits and dashes only)
                ao.deleteWithSQL(PulseGuardEntity.class, PulseGuardEntity.PERIOD_START + " < ?", start);
                Map<String, Object> guard = new HashMap<>();
                guard.put(PulseGuardEntity.GUARD_HASH, hash);
                guard.put(PulseGuardEntity.PERIOD_START, start);
                ao.create(PulseGuardEntity.class, guard);
                increment(projectKey, start, score);
                return null;
            });
        } finally {
            lock.unlock();
        }
        return status(projectKey);
    }

    /**
     * Answer counts per project and pulse-period start, for the sharing-score KPI: {@code [n1..n5]} per score, for
     * periods starting in {@code [from, to)}, one query per 500 projects. The caller has already narrowed
     * {@code projects} to browsable ones.
     */
    public Map<String, Map<LocalDate, long[]>> counts(Collection<String> projects, LocalDate from, LocalDate to) {
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
                            .put(LocalDate.parse(row.getPeriodStart()), scores(row)));
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

    private void increment(String projectKey, String start, int score) {
        // COUNT_KEY = ? (unique "YYYY-MM-DD|KEY"): see KpiIndex's ROLLUP_KEY on case-insensitive collations
        PulseCountEntity[] rows = ao.find(PulseCountEntity.class, Query.select()
                .where(PulseCountEntity.COUNT_KEY + " = ?", countKey(projectKey, start)));
        if (rows.length == 0) {
            Map<String, Object> row = new HashMap<>();
            row.put(PulseCountEntity.COUNT_KEY, countKey(projectKey, start));
            row.put(PulseCountEntity.PROJECT_KEY, projectKey);
            row.put(PulseCountEntity.PERIOD_START, start);
            for (int s = MIN_SCORE; s <= MAX_SCORE; s++) {
                row.put(PulseCountEntity.scoreColumn(s), s == score ? 1L : 0L);
            }
            ao.create(PulseCountEntity.class, row);
            return;
        }
        PulseCountEntity row = rows[0];
        switch (score) {
            case 1 -> row.setScore1(row.getScore1() + 1);
            case 2 -> row.setScore2(row.getScore2() + 1);
            case 3 -> row.setScore3(row.getScore3() + 1);
            case 4 -> row.setScore4(row.getScore4() + 1);
            default -> row.setScore5(row.getScore5() + 1);
        }
        row.save();
    }

    /** Project and period: the unique key of a project's counts. */
    public static String countKey(String projectKey, String periodStart) {
        return periodStart + "|" + projectKey;
    }

    private static long[] scores(PulseCountEntity row) {
        return new long[]{row.getScore1(), row.getScore2(), row.getScore3(), row.getScore4(), row.getScore5()};
    }

    private long[] counts(String projectKey, LocalDate start) {
        // COUNT_KEY = ?: as in increment()
        PulseCountEntity[] rows = ao.find(PulseCountEntity.class, Query.select()
                .where(PulseCountEntity.COUNT_KEY + " = ?", countKey(projectKey, start.toString())));
        return rows.length == 0 ? new long[MAX_SCORE] : scores(rows[0]);
    }

    static Results results(Period period, long[] counts, int minAnswers) {
        long total = sum(counts);
        if (total < minAnswers) {
            return new Results(period, total, minAnswers, false, null, null);
        }
        List<Long> distribution = new ArrayList<>();
        for (long count : counts) {
            distribution.add(count);
        }
        return new Results(period, total, minAnswers, true, (counts[3] + counts[4]) / (double) total, distribution);
    }

    private static Period previous(Period period) {
        LocalDate first = period.firstDay().minusMonths(period.granularity().months());
        return new Period(first, period.granularity(), ZoneOffset.UTC, false);
    }

    private static long sum(long[] counts) {
        long sum = 0;
        for (long count : counts) {
            sum += count;
        }
        return sum;
    }

    /** HMAC-SHA256 of user, project and period under the pulse's secret key, hex. */
    String guardHash(String userKey, String projectKey, Period period) {
        byte[] digest = HmacSha256.mac(settings.secret(), (userKey + "\n" + projectKey + "\n" + period.firstDay()
                + "\n" + period.granularity()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
