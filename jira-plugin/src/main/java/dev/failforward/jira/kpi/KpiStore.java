package dev.failforward.jira.kpi;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.kpi.KpiEvent;
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
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads KPI tallies for a set of projects and periods with a fixed number of queries per project, independent of how
 * many records there are. Per project (an equality on the project uses the composite indexes exactly; an IN list of
 * projects made HSQLDB scan):
 * <ol>
 * <li>one query over the project's monthly roll-ups of the months (index on project + month);</li>
 * <li>one query for the events of the windows where the user's local month boundary differs from the UTC one (none
 * in UTC; shorter than a day each): the events near the range's month boundaries, marked when written (index on
 * project + edge month);</li>
 * <li>for the 24-hour rule, one query for the rule events of the last 24 hours that are not met yet: their deadline
 * has not passed, so they are not decided and leave the count (index on project + metric + time).</li>
 * </ol>
 */
@Named
public class KpiStore {

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
        List<String> metricCodes = metrics.stream().map(Metric::code).sorted().toList();
        for (String project : new java.util.TreeSet<>(projects)) {
            readRollups(tallies, project, Set.copyOf(metricCodes));
            readWindows(tallies, periods, project, metricCodes);
            if (metrics.contains(Metric.TWENTY_FOUR_HOUR_RULE)) {
                dropUndecidedRules(tallies, periods, project, now, ruleWindow);
            }
        }
        return tallies;
    }

    private void readRollups(PeriodTallies tallies, String project, Set<String> metricCodes) {
        ao.stream(KpiRollupEntity.class, Query.select("ID, UTC_MONTH, TALLIES").where(KpiRollupEntity.PROJECT_KEY
                        + " = ? AND " + KpiRollupEntity.UTC_MONTH + " >= ? AND " + KpiRollupEntity.UTC_MONTH + " <= ?",
                        project, tallies.firstMonth(), tallies.lastMonth()),
                row -> MonthTallies.decode(row.getTallies(), metricCodes, (metric, dim, count, sum) ->
                        tallies.addMonth(row.getUtcMonth(), metric, dim, count, sum)));
    }

    /**
     * One query per project: every event near a UTC month boundary of the range ({@code EDGE_MONTH}), then each event
     * goes to the windows (and their periods, with their signs) that hold it.
     */
    private void readWindows(PeriodTallies tallies, Periods periods, String project, List<String> metricCodes) {
        List<Object[]> windows = new ArrayList<>(); // {window, period}
        for (int i = 0; i < periods.size(); i++) {
            for (MonthSlices.Window window : tallies.slices().get(i).windows()) {
                windows.add(new Object[]{window, periods.all().get(i)});
            }
        }
        if (windows.isEmpty()) {
            return;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(project);
        parameters.add(tallies.slices().get(0).startBoundary());
        parameters.add(tallies.slices().get(periods.size() - 1).endBoundary());
        parameters.addAll(metricCodes);
        String where = KpiEventEntity.PROJECT_KEY + " = ? AND " + KpiEventEntity.EDGE_MONTH + " >= ? AND "
                + KpiEventEntity.EDGE_MONTH + " <= ? AND " + KpiEventEntity.METRIC + " IN ("
                + placeholders(metricCodes.size()) + ")";
        ao.stream(KpiEventEntity.class, Query.select("ID, PROJECT_KEY, METRIC, DIM, EVENT_AT, AMOUNT")
                .where(where, parameters.toArray()), row -> {
            KpiEvent event = KpiIndex.stored(row).event();
            for (Object[] use : windows) {
                MonthSlices.Window window = (MonthSlices.Window) use[0];
                if (!event.at().isBefore(window.from()) && event.at().isBefore(window.to())) {
                    tallies.addEvent((Period) use[1], event, window.sign());
                }
            }
        });
    }

    private void dropUndecidedRules(PeriodTallies tallies, Periods periods, String project, Instant now,
                                    Duration ruleWindow) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(project);
        parameters.add(Metric.TWENTY_FOUR_HOUR_RULE.code());
        parameters.add(Date.from(now.minus(ruleWindow)));
        String where = KpiEventEntity.PROJECT_KEY + " = ? AND " + KpiEventEntity.METRIC + " = ? AND " + KpiEventEntity.EVENT_AT + " >= ? AND "
                + KpiEventEntity.AMOUNT + " = 0";
        ao.stream(KpiEventEntity.class, Query.select("ID, PROJECT_KEY, METRIC, DIM, EVENT_AT, AMOUNT")
                .where(where, parameters.toArray()), row -> {
            KpiEvent event = KpiIndex.stored(row).event();
            Period period = periods.periodOf(event.at());
            if (period != null) {
                tallies.addEvent(period, event, -1);
            }
        });
    }

    private static String placeholders(int n) {
        StringJoiner joiner = new StringJoiner(", ");
        for (int i = 0; i < n; i++) {
            joiner.add("?");
        }
        return joiner.toString();
    }
}
