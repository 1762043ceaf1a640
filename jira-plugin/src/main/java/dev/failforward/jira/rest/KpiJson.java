package dev.failforward.jira.rest;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.kpi.KpiSeries;
import dev.failforward.core.kpi.Period;
import dev.failforward.core.kpi.Point;
import dev.failforward.jira.kpi.KpiService;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON of {@code GET /kpis} (see the OpenAPI description). */
final class KpiJson {

    private KpiJson() {
    }

    record FilterJson(long id, String name) {
    }

    record Report(List<String> projects, FilterJson filter, String granularity, String timeZone, String from, String to,
                  List<PeriodJson> periods, List<KpiJsonItem> kpis, Sharing sharing) {
    }

    record PeriodJson(String key, String label, String start, String end, boolean partial) {
    }

    record KpiJsonItem(String key, String name, String description, String unit, String direction, String trend,
                       List<PointJson> points, List<SeriesJson> series, String searchUrl) {
    }

    record SeriesJson(String key, String name, List<PointJson> points) {
    }

    record PointJson(String period, Double value, String status, long sampleSize, boolean partial) {
    }

    record Sharing(int minAnswers) {
    }

    static Report report(KpiService.Report report, I18nResolver i18n) {
        List<Period> periods = report.periods().all();
        List<PeriodJson> periodJson = periods.stream().map(p -> new PeriodJson(p.label(), label(p, report.locale(), i18n),
                p.firstDay().toString(), p.end().toLocalDate().toString(), p.partial())).toList();
        List<KpiJsonItem> items = new ArrayList<>();
        for (KpiService.Result result : report.results()) {
            String key = result.kpi().key();
            List<PointJson> points = result.series() == null ? null : points(result.series());
            List<SeriesJson> series = null;
            String trend = result.series() == null ? "not_rated" : lower(result.series().trend().name());
            if (result.mix() != null) {
                series = new ArrayList<>();
                for (Map.Entry<String, KpiSeries> entry : result.mix().entrySet()) {
                    series.add(new SeriesJson(entry.getKey(), i18n.getText(mixKey(result, entry.getKey())),
                            points(entry.getValue())));
                }
            }
            String searchUrl = result.jql() == null ? null
                    : "/issues/?jql=" + URLEncoder.encode(result.jql(), StandardCharsets.UTF_8).replace("+", "%20");
            items.add(new KpiJsonItem(key, i18n.getText(result.kpi().i18nKey()),
                    i18n.getText(result.kpi().descriptionKey()), lower(result.kpi().unit().name()),
                    lower(result.kpi().direction().name()), trend, points, series, searchUrl));
        }
        FilterJson filter = report.filter() == null ? null
                : new FilterJson(report.filter().id(), report.filter().name());
        return new Report(report.projects(), filter, lower(periods.isEmpty() ? Granularity.MONTH.name()
                : periods.get(0).granularity().name()), report.zone().getId(),
                periods.isEmpty() ? null : periods.get(0).firstDay().toString(),
                periods.isEmpty() ? null : periods.get(periods.size() - 1).end().toLocalDate().minusDays(1).toString(),
                periodJson, items, new Sharing(report.minAnswers()));
    }

    private static String mixKey(KpiService.Result result, String value) {
        String constant = value.toUpperCase(Locale.ROOT);
        return result.kpi() == dev.failforward.core.kpi.Kpi.FAILURE_TYPE_MIX
                ? dev.failforward.core.incident.FailureType.valueOf(constant).i18nKey()
                : dev.failforward.core.incident.FailureCategory.valueOf(constant).i18nKey();
    }

    private static List<PointJson> points(KpiSeries series) {
        return series.points().stream().map(p -> new PointJson(p.period().label(), p.value(), lower(p.status().name()),
                p.sampleSize(), p.partial())).toList();
    }

    /** "Mar 2026" or "Q1 2026" in the user's language. */
    static String label(Period period, Locale locale, I18nResolver i18n) {
        if (period.granularity() == Granularity.QUARTER) {
            return i18n.getText("failforward.kpi.period.quarter",
                    String.valueOf((period.firstDay().getMonthValue() - 1) / 3 + 1),
                    String.valueOf(period.firstDay().getYear()));
        }
        return period.firstDay().format(DateTimeFormatter.ofPattern("MMM yyyy", locale));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
