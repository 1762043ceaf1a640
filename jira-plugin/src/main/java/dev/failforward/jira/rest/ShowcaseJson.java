package dev.failforward.jira.rest;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.kpi.KpiSeries;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.jira.kpi.KpiService;
import dev.failforward.jira.persistence.AoShowcaseQueries;
import dev.failforward.jira.showcase.Showcase;
import dev.failforward.jira.showcase.ShowcasePeriod;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The JSON of {@code GET /showcase} (see the OpenAPI description); every {@code url} is relative to Jira's base URL. */
final class ShowcaseJson {

    private ShowcaseJson() {
    }

    record Report(List<String> projects, PeriodJson period, String timeZone, String generatedAt,
                  List<AwardJson> awards, List<LearningJson> learnings, List<ExperimentJson> experiments,
                  int experimentsTotal, List<IncidentJson> incidents, int incidentsTotal, List<KpiJson> kpis) {
    }

    /** @param to the period's last day (inclusive) */
    record PeriodJson(String key, String label, String from, String to, String granularity) {
    }

    record RecordJson(String key, String projectKey, String summary, String kind, String status, String url) {
    }

    record NomineeJson(RecordJson record, String reason, String nominatedAt, long votes, boolean winner) {
    }

    record AwardJson(String id, String scopeKey, String scopeName, String start, String end, String votingCloses,
                     String phase, NomineeJson winner, List<NomineeJson> nominees) {
    }

    record LearningJson(long id, String text, String kind, RecordJson record, long reuses, long retros,
                        long records) {
    }

    record ExperimentJson(RecordJson record, String outcome, String decision, String decidedAt,
                          List<RecordJson> nextIterations) {
    }

    record FollowUpJson(long id, String description, String checkInDate, String note) {
    }

    record IncidentJson(RecordJson record, String discoveredAt, List<FollowUpJson> followUps) {
    }

    record KpiJson(String key, String name, String description, String unit, String direction, String trend,
                   List<PointJson> points) {
    }

    record PointJson(String period, String label, Double value, String status, long sampleSize, boolean partial) {
    }

    static Report report(Showcase showcase, I18nResolver i18n, Locale locale) {
        ShowcasePeriod period = showcase.period();
        List<AwardJson> awards = new ArrayList<>();
        for (Showcase.AwardEntry entry : showcase.awards()) {
            List<NomineeJson> nominees = entry.nominees().stream().map(ShowcaseJson::nominee).toList();
            awards.add(new AwardJson(entry.award().id(), entry.award().scope().key(), entry.award().scope().name(),
                    entry.award().period().start().toString(), entry.award().period().end().toString(),
                    entry.award().period().votingCloses().toString(), lower(entry.phase().name()),
                    nominees.stream().filter(NomineeJson::winner).findFirst().orElse(null), nominees));
        }
        List<LearningJson> learnings = new ArrayList<>();
        for (AoShowcaseQueries.ReusedLearning learning : showcase.learnings()) {
            learnings.add(new LearningJson(learning.learningId(), learning.body(), lower(learning.learningKind()),
                    record(learning.record()), learning.reuses(), learning.retros(), learning.records()));
        }
        List<ExperimentJson> experiments = new ArrayList<>();
        for (Showcase.DecidedExperiment decided : showcase.experiments()) {
            FailureRecord e = decided.experiment();
            experiments.add(new ExperimentJson(record(e), e.outcome() == null ? null : lower(e.outcome().name()),
                    e.decision() == null ? null : lower(e.decision().name()), instant(e.decidedAt()),
                    decided.nextIterations().stream().map(ShowcaseJson::record).toList()));
        }
        List<IncidentJson> incidents = new ArrayList<>();
        for (AoShowcaseQueries.VerifiedIncident verified : showcase.incidents()) {
            List<FollowUpJson> followUps = new ArrayList<>();
            for (ActionItem item : verified.effective()) {
                followUps.add(new FollowUpJson(item.id(), item.description(), item.checkInDate().toString(),
                        item.checkInNote()));
            }
            incidents.add(new IncidentJson(record(verified.incident()), instant(verified.incident().discoveredAt()),
                    followUps));
        }
        return new Report(showcase.projects(), new PeriodJson(period.key(), label(period, i18n, locale),
                period.firstDay().toString(), period.endDay().minusDays(1).toString(),
                lower(period.kpiGranularity().name())), showcase.zone().getId(), instant(showcase.generatedAt()),
                awards, learnings, experiments, showcase.experimentsTotal(), incidents, showcase.incidentsTotal(),
                kpis(showcase.kpis(), i18n, locale));
    }

    private static List<KpiJson> kpis(KpiService.Report report, I18nResolver i18n, Locale locale) {
        if (report == null) {
            return List.of();
        }
        List<KpiJson> kpis = new ArrayList<>();
        for (KpiService.Result result : report.results()) {
            KpiSeries series = result.series();
            if (series == null) {
                continue; // the mixes are charts, not headline numbers
            }
            List<PointJson> points = series.points().stream().map(p -> new PointJson(p.period().label(),
                    dev.failforward.jira.rest.KpiJson.label(p.period(), locale, i18n), p.value(),
                    lower(p.status().name()), p.sampleSize(), p.partial())).toList();
            kpis.add(new KpiJson(result.kpi().key(), i18n.getText(result.kpi().i18nKey()),
                    i18n.getText(result.kpi().descriptionKey()), lower(result.kpi().unit().name()),
                    lower(result.kpi().direction().name()), lower(series.trend().name()), points));
        }
        return kpis;
    }

    /** "Q3 2026", "September 2026", "2026", or "July 2026 – September 2026" in the user's language. */
    static String label(ShowcasePeriod period, I18nResolver i18n, Locale locale) {
        if (period.key().contains("-Q")) {
            return i18n.getText("failforward.kpi.period.quarter",
                    String.valueOf((period.first().getMonthValue() - 1) / 3 + 1),
                    String.valueOf(period.first().getYear()));
        }
        DateTimeFormatter month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        if (period.months() == 1) {
            return period.first().format(month);
        }
        if (period.months() == 12 && period.first().getMonthValue() == 1 && !period.key().contains("..")) {
            return String.valueOf(period.first().getYear());
        }
        return period.first().format(month) + " \u2013 " + period.last().format(month);
    }

    private static NomineeJson nominee(Showcase.Nominee nominee) {
        return new NomineeJson(record(nominee.record()), nominee.nomination().reason(),
                instant(nominee.nomination().nominatedAt()), nominee.votes(), nominee.winner());
    }

    private static RecordJson record(FailureRecord r) {
        return new RecordJson(r.issueKey(), r.projectKey(), r.summary(), lower(r.kind().name()), r.status(),
                "/browse/" + r.issueKey());
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

}
