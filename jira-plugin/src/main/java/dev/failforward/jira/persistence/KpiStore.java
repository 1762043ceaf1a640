package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.kpi.KpiEvent;
import dev.failforward.core.kpi.KpiEvents;
import dev.failforward.core.kpi.Metric;
import dev.failforward.core.kpi.MonthTallies;
import dev.failforward.core.kpi.MonthSlices;
import dev.failforward.core.kpi.Period;
import dev.failforward.core.kpi.PeriodTallies;
import dev.failforward.core.kpi.Periods;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads KPI tallies for a set of projects and periods with two queries (per 500 projects), independent of how many
 * records there are:
 * <ol>
 * <li>one query over the projects' roll-ups of the months (index on project + month; about two rows per project and
 * month): the month roll-ups, and the hour slices of the edge roll-ups (events near each month start) that hold the
 * windows where the user's local month boundary differs from the UTC one (none in UTC; shorter than a day each), summed
 * minute by minute;</li>
 * <li>for the 24-hour rule, one query for the rule events of the last 24 hours that are not met yet: their deadline
 * has not passed, so they are not decided and leave the count (index on metric + time).</li>
 * </ol>
 * It lives in {@code persistence} with the KPI tables it reads; {@code KpiService} in {@code kpi} asks it for tallies
 * and works on core values only.
 */
@Named
public class KpiStore {

    /** Projects per query: some databases cap an IN list at 1,000. */
    static final int IN_CHUNK = 500;

    /** A window with the period it corrects. */
    private record PeriodWindow(Period period, MonthSlices.Window window) {
    }

    private final ActiveObjects ao;

    @Inject
    public KpiStore(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    /**
     * @param ruleWindow the 24-hour rule's window (events of the rule younger than it are undecided unless met)
     */
    public PeriodTallies tallies(Collection<String> projects, Periods periods, Set<Metric> metrics, Instant now,
                                 Duration ruleWindow) {
        PeriodTallies tallies = new PeriodTallies(periods);
        if (projects.isEmpty() || metrics.isEmpty() || periods.size() == 0) {
            return tallies;
        }
        Set<String> metricCodes = metrics.stream().map(Metric::code).collect(java.util.stream.Collectors.toSet());
        PeriodTallies organisation = readAllProjects(periods, projects, metricCodes);
        if (organisation != null) {
            tallies = organisation;
        } else {
            List<String> sorted = new java.util.TreeSet<>(projects).stream().toList();
            for (int i = 0; i < sorted.size(); i += IN_CHUNK) {
                readRollups(tallies, periods, sorted.subList(i, Math.min(sorted.size(), i + IN_CHUNK)), metricCodes,
                        Set.of());
            }
        }
        if (metrics.contains(Metric.TWENTY_FOUR_HOUR_RULE)) {
            dropUndecided(tallies, periods, Set.copyOf(projects), Metric.TWENTY_FOUR_HOUR_RULE, now.minus(ruleWindow));
        }
        if (metrics.contains(Metric.ACTION_CHECK_IN)) {
            // a check-in whose day is not over everywhere and that is not verified yet (includes those still ahead)
            dropUndecided(tallies, periods, Set.copyOf(projects), Metric.ACTION_CHECK_IN,
                    now.minus(KpiEvents.CHECK_IN_DEADLINE));
        }
        return tallies;
    }

    /**
     * The organisation-wide view: when the asked projects include every project that ever had KPI events, the
     * cross-project roll-ups ({@link KpiRollupEntity#ALL_PROJECTS}) hold exactly their sum, and two rows per month are
     * read instead of two per project and month. When they include most of them — a user who may not browse a few
     * projects — the roll-ups of those few are read in the same statement (one snapshot, so the sum and its parts agree)
     * and taken away from the sum. The list of projects with events only grows (rows are never removed), and it is read
     * again after the roll-ups: a project whose events reached the roll-ups just read is on the second list, so if that
     * list holds no project other than the asked and the taken-away ones, nothing of another project was counted;
     * otherwise the tallies read are thrown away and the caller reads project by project. Returns the tallies, or
     * {@code null} when the caller must read project by project.
     */
    private PeriodTallies readAllProjects(Periods periods, Collection<String> projects, Set<String> metricCodes) {
        if (projects.size() < 2) {
            return null;
        }
        Set<String> missing = new java.util.TreeSet<>(projectsWithEvents());
        missing.removeAll(projects);
        if (missing.size() >= IN_CHUNK || missing.size() * 2 >= projects.size()) {
            return null;
        }
        List<String> read = new ArrayList<>(missing.size() + 1);
        read.add(KpiRollupEntity.ALL_PROJECTS);
        read.addAll(missing);
        PeriodTallies all = new PeriodTallies(periods);
        readRollups(all, periods, read, metricCodes, missing);
        Set<String> now = new java.util.HashSet<>(projectsWithEvents());
        now.removeAll(projects);
        return missing.containsAll(now) ? all : null;
    }

    /** Every project that ever had KPI events (one small query: a row per project). */
    private Set<String> projectsWithEvents() {
        Set<String> keys = new java.util.HashSet<>();
        ao.stream(KpiProjectEntity.class, Query.select("ID, PROJECT_KEY"), row -> keys.add(row.getProjectKey()));
        return keys;
    }

    /**
     * One query per project: the month roll-ups of the periods' UTC months and, of the edge roll-ups of their
     * boundaries (the month after the last one included), only the hour slices the windows touch (none in UTC; one or
     * two per boundary for a whole-hour zone). Each edge entry is an event count at a minute from its boundary; it goes
     * to the windows of that boundary (and their periods, with their signs) that hold that minute.
     */
    private void readRollups(PeriodTallies tallies, Periods periods, List<String> projects, Set<String> metricCodes,
                             Set<String> subtracted) {
        Map<Integer, List<PeriodWindow>> windowsByBoundary = new HashMap<>();
        Set<String> kinds = new TreeSet<>(List.of(KpiRollupEntity.MONTH));
        for (int i = 0; i < periods.size(); i++) {
            for (MonthSlices.Window window : tallies.slices().get(i).windows()) {
                int boundary = MonthSlices.boundaryOf(window);
                windowsByBoundary.computeIfAbsent(boundary, b -> new ArrayList<>())
                        .add(new PeriodWindow(periods.all().get(i), window));
                for (int hour : MonthSlices.edgeHours(window, MonthSlices.boundaryInstant(boundary))) {
                    kinds.add(KpiIndex.edgeKind(hour));
                }
            }
        }
        int lastBoundary = tallies.slices().get(periods.size() - 1).endBoundary();
        List<Object> parameters = new ArrayList<>(projects);
        parameters.add(tallies.firstMonth());
        parameters.add(lastBoundary);
        parameters.addAll(kinds);
        // PROJECT_KEY IN (…) AND UTC_MONTH BETWEEN … AND KIND IN (…): every name followed by an operator, so quoted
        // where needed (PostgreSQL, Oracle); at most RecordQuery.MAX_PROJECTS = 1,000 keys (Oracle's IN-list limit);
        // KIND is one character whose values differ without regard to case (MySQL's and SQL Server's default
        // collations compare case-insensitively); TALLIES is unlimited text (TEXT, CLOB, LONGTEXT, NVARCHAR(max)) and
        // only read, never compared
        ao.stream(KpiRollupEntity.class, Query.select("ID, PROJECT_KEY, UTC_MONTH, KIND, TALLIES").where(KpiRollupEntity.PROJECT_KEY
                        + " IN (" + placeholders(projects.size()) + ") AND " + KpiRollupEntity.UTC_MONTH + " >= ? AND "
                        + KpiRollupEntity.UTC_MONTH + " <= ? AND " + KpiRollupEntity.KIND + " IN ("
                        + placeholders(kinds.size()) + ")", parameters.toArray()), row -> {
            int rowSign = subtracted.contains(row.getProjectKey()) ? -1 : 1;
            if (KpiRollupEntity.MONTH.equals(row.getKind())) {
                MonthTallies.decode(row.getTallies(), metricCodes, (metric, dim, count, sum) ->
                        tallies.addMonth(row.getUtcMonth(), metric, dim, rowSign * count, rowSign * sum));
                return;
            }
            List<PeriodWindow> windows = windowsByBoundary.get(row.getUtcMonth());
            if (windows == null) {
                return;
            }
            long boundary = MonthSlices.boundaryInstant(row.getUtcMonth()).getEpochSecond();
            MonthTallies.decode(row.getTallies(), metricCodes, (metric, minuteAndDim, count, sum) -> {
                int colon = minuteAndDim.indexOf(':');
                // the middle of the minute: inside a window exactly when the whole minute is
                long at = boundary + Long.parseLong(minuteAndDim, 0, colon, 10) * 60 + 30;
                String dim = null;
                for (PeriodWindow use : windows) {
                    if (at >= use.window().from().getEpochSecond() && at < use.window().to().getEpochSecond()) {
                        if (dim == null) {
                            dim = minuteAndDim.substring(colon + 1);
                        }
                        int sign = use.window().sign() * rowSign;
                        tallies.add(use.period(), metric, dim, sign * count, sign * sum);
                    }
                }
            });
        });
    }

    /**
     * One query for every project: the events of a metric decided only once their window has passed (the 24-hour
     * rule, a check-in) that are younger than it ({@code since}) and not met (index on metric + time; a day's incidents
     * or check-ins across the instance), those of the asked projects taken away from their periods.
     */
    private void dropUndecided(PeriodTallies tallies, Periods periods, Set<String> projects, Metric metric,
                               Instant since) {
        // METRIC = ? AND EVENT_AT >= ? AND AMOUNT = 0: a Date parameter against TIMESTAMP/DATETIME; on PostgreSQL's
        // TIMESTAMP (no zone) both sides are the JVM's local time, so nodes must share a time zone
        String where = KpiEventEntity.METRIC + " = ? AND " + KpiEventEntity.EVENT_AT + " >= ? AND "
                + KpiEventEntity.AMOUNT + " = 0";
        ao.stream(KpiEventEntity.class, Query.select("ID, PROJECT_KEY, METRIC, DIM, EVENT_AT, AMOUNT")
                .where(where, metric.code(), Date.from(since)), row -> {
            if (projects.contains(row.getProjectKey())) {
                KpiEvent event = KpiIndex.stored(row).event();
                Period period = periods.periodOf(event.at());
                if (period != null) {
                    tallies.addEvent(period, event, -1);
                }
            }
        });
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
