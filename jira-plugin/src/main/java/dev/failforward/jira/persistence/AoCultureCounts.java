package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.kpi.Period;
import dev.failforward.core.kpi.Periods;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The counting KPIs of the rhythms that are not failure records: huddles held ({@code HUDDLE}) and the most valuable
 * failure award's nominations and voters ({@code AWARD_NOMINATION}, {@code AWARD}), per period. These tables stay
 * small (a row per team and week; a few rows per award), so each count is one range query over them, cut into the
 * periods here; no roll-up is kept.
 *
 * <ul>
 * <li>Huddles: each held huddle counts once in the period of {@code HELD_AT} when any of its projects is asked.</li>
 * <li>Nominations: each nomination counts once in the period it was made, when its record's project is asked.</li>
 * <li>Voters: an award's voters (counted when its pool was folded at the close) count once in the period its voting
 * closed in, when the award covers an asked project (the whole instance covers every project).</li>
 * </ul>
 */
@Named
public class AoCultureCounts {

    private final ActiveObjects ao;

    @Inject
    public AoCultureCounts(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    public Map<Period, Long> huddlesHeld(Collection<String> projects, Periods periods) {
        Map<Period, Long> counts = new HashMap<>();
        if (projects.isEmpty() || periods.size() == 0) {
            return counts;
        }
        Set<String> asked = Set.copyOf(projects);
        // HELD_AT >= ? AND HELD_AT < ?: indexed
        ao.stream(HuddleEntity.class, Query.select("ID, PROJECT_KEYS, HELD_AT")
                        .where(HuddleEntity.HELD_AT + " >= ? AND " + HuddleEntity.HELD_AT + " < ?", start(periods),
                                end(periods)),
                row -> {
                    if (overlaps(row.getProjectKeys(), asked)) {
                        count(counts, periods.periodOf(row.getHeldAt().toInstant()));
                    }
                });
        return counts;
    }

    public Map<Period, Long> nominations(Collection<String> projects, Periods periods) {
        Map<Period, Long> counts = new HashMap<>();
        if (projects.isEmpty() || periods.size() == 0) {
            return counts;
        }
        Set<String> asked = Set.copyOf(projects);
        // NOMINATED_AT >= ? AND NOMINATED_AT < ?: a few nominations per award, no index needed
        ao.stream(AwardNominationEntity.class, Query.select("ID, RECORD_KEY, NOMINATED_AT")
                .where(AwardNominationEntity.NOMINATED_AT + " >= ? AND " + AwardNominationEntity.NOMINATED_AT + " < ?",
                        start(periods), end(periods)), row -> {
                    if (asked.contains(projectOf(row.getRecordKey()))) {
                        count(counts, periods.periodOf(row.getNominatedAt().toInstant()));
                    }
                });
        return counts;
    }

    public Map<Period, Long> voters(Collection<String> projects, Periods periods, Instant now) {
        Map<Period, Long> counts = new HashMap<>();
        if (projects.isEmpty() || periods.size() == 0) {
            return counts;
        }
        Set<String> asked = Set.copyOf(projects);
        // every award: a handful per scope and year
        ao.stream(AwardEntity.class, Query.select("ID, PROJECT_KEYS, VOTING_ENDS, ZONE, VOTERS, VOTING_CLOSES_AT"), row -> {
            if (row.getVoters() == 0) {
                return;
            }
            String scope = row.getProjectKeys();
            if (scope != null && !scope.isEmpty() && !overlaps(scope, asked)) {
                return;
            }
            // an administrator may have closed voting early ("advance"): then its instant, else its date's midnight
            Instant closed = row.getVotingClosesAt() != null ? row.getVotingClosesAt().toInstant()
                    : LocalDate.parse(row.getVotingEnds()).atStartOfDay(ZoneId.of(row.getZone())).toInstant();
            if (!closed.isAfter(now)) {
                counts.merge(periods.periodOf(closed), row.getVoters(), Long::sum);
            }
        });
        counts.remove(null);
        return counts;
    }

    /** The project of an issue key ({@code OPS-12} → {@code OPS}). */
    static String projectOf(String issueKey) {
        int dash = issueKey.lastIndexOf('-');
        return dash > 0 ? issueKey.substring(0, dash) : issueKey;
    }

    private static boolean overlaps(String commaSeparated, Set<String> asked) {
        return commaSeparated != null && Arrays.stream(commaSeparated.split(",")).map(String::trim)
                .anyMatch(asked::contains);
    }

    private static void count(Map<Period, Long> counts, Period period) {
        if (period != null) {
            counts.merge(period, 1L, Long::sum);
        }
    }

    private static Date start(Periods periods) {
        return Date.from(periods.all().get(0).startInstant());
    }

    private static Date end(Periods periods) {
        return Date.from(periods.all().get(periods.size() - 1).endInstant());
    }
}
