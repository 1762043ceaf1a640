package dev.failforward.jira.showcase;

import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardPhase;
import dev.failforward.core.award.Nomination;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.jira.kpi.KpiService;
import dev.failforward.jira.persistence.AoShowcaseQueries;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A failure showcase as one user may see it: only records of projects they may browse, nothing about the others.
 *
 * @param projects         the projects showcased (all browsable), sorted
 * @param generatedAt      when it was assembled
 * @param experiments      the most recently decided experiments of the period (at most
 *                         {@link dev.failforward.jira.showcase.ShowcaseService#MAX_EXPERIMENTS}), in decision order
 * @param experimentsTotal how many experiments were decided in the period in all
 * @param incidents        the most recently verified incidents (at most
 *                         {@link dev.failforward.jira.showcase.ShowcaseService#MAX_INCIDENTS})
 * @param incidentsTotal   how many incidents had a follow-up verified effective in the period in all
 */
public record Showcase(List<String> projects, ShowcasePeriod period, ZoneId zone, Instant generatedAt,
                       List<AwardEntry> awards, List<AoShowcaseQueries.ReusedLearning> learnings,
                       List<DecidedExperiment> experiments, int experimentsTotal,
                       List<AoShowcaseQueries.VerifiedIncident> incidents, int incidentsTotal,
                       KpiService.Report kpis) {

    public Showcase {
        projects = List.copyOf(projects);
        awards = List.copyOf(awards);
        learnings = List.copyOf(learnings);
        experiments = List.copyOf(experiments);
        incidents = List.copyOf(incidents);
        experimentsTotal = Math.max(experimentsTotal, experiments.size());
        incidentsTotal = Math.max(incidentsTotal, incidents.size());
    }

    /**
     * An award whose period overlaps the showcase's. Its nominees (public) and the winner are known once voting has
     * closed; before, {@code nominees} is empty and the phase says when results come.
     */
    public record AwardEntry(Award award, AwardPhase phase, List<Nominee> nominees) {
        public AwardEntry {
            nominees = List.copyOf(nominees);
        }

        public Optional<Nominee> winner() {
            return nominees.stream().filter(Nominee::winner).findFirst();
        }
    }

    /** A nominee the user may browse, with its votes (counted at the close). */
    public record Nominee(Nomination nomination, FailureRecord record, long votes, boolean winner) {
    }

    /** An experiment decided in the period, and the experiments that pivoted from it (its next iterations). */
    public record DecidedExperiment(FailureRecord experiment, List<FailureRecord> nextIterations) {
        public DecidedExperiment {
            nextIterations = List.copyOf(nextIterations);
        }
    }
}
