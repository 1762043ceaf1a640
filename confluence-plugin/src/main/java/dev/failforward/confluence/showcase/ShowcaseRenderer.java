package dev.failforward.confluence.showcase;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.confluence.jira.ShowcaseView;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Prints a failure showcase as HTML on the server (so Confluence's PDF and Word exports and printing carry it): the
 * awards with winner and nominee badges, the most reused learnings, the decided experiments, the incidents whose
 * follow-ups worked, the KPI snapshot; "as of" the time Jira assembled it, and a notice when it is the viewer's
 * copy because Jira could not be reached. When there is nothing to print, a message that reads well on paper.
 *
 * <p>Page view and exports get the same content. The page view only adds a print button (marked
 * {@code data-ff-interactive}, hidden when printed); exports get none, and links carry Jira's absolute address so
 * they work from a PDF. As in the other renderers, the context holds only maps, lists, booleans and plain text, which
 * the host escapes once.
 */
@Named
public class ShowcaseRenderer {

    static final String TEMPLATE = "templates/showcase.vm";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final TemplateRenderer templateRenderer;
    private final I18nResolver i18n;

    @Inject
    public ShowcaseRenderer(@ComponentImport TemplateRenderer templateRenderer, @ComponentImport I18nResolver i18n) {
        this.templateRenderer = Objects.requireNonNull(templateRenderer, "templateRenderer");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /**
     * @param loaded   what Jira (or the copy) gave; ignored when the parameters are invalid
     * @param pageView whether this is a page shown in a browser (Confluence's output type {@code display})
     */
    public String render(ShowcaseParameters parameters, ShowcaseSource.Loaded loaded, boolean pageView) {
        Map<String, Object> showcase = new LinkedHashMap<>();
        showcase.put("valid", parameters.valid());
        showcase.put("interactive", pageView);
        showcase.put("output", pageView ? "page" : "export");
        showcase.put("print", text("failforward.showcase.print"));
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ShowcaseParameters.Problem problem : parameters.problems()) {
            errors.add(Map.of("parameter", problem.parameter(),
                    "title", text("failforward.showcase.error.title", problem.parameter()),
                    "message", text(problem.messageKey(), problem.parameter(), problem.value())));
        }
        showcase.put("errors", errors);
        boolean hasView = parameters.valid() && loaded != null && loaded.copy().isPresent();
        showcase.put("hasView", hasView);
        showcase.put("message", parameters.valid() && !hasView ? message(loaded, pageView) : Map.of());
        if (hasView) {
            ShowcaseCopies.Copy copy = loaded.copy().get();
            view(showcase, copy.view());
            ZoneId zone = zone(copy.view().timeZone());
            showcase.put("fromCopy", loaded.fromCopy());
            showcase.put("copyNotice", loaded.fromCopy()
                    ? text("failforward.showcase.copy", stamp(copy.fetchedAt(), zone)) : "");
        }
        StringWriter out = new StringWriter();
        try {
            templateRenderer.render(TEMPLATE, Map.of("showcase", showcase), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void view(Map<String, Object> showcase, ShowcaseView view) {
        ZoneId zone = zone(view.timeZone());
        String period = view.period().label() == null ? view.period().key() : view.period().label();
        showcase.put("title", text("failforward.showcase.title", period));
        showcase.put("projects", view.projects().isEmpty() ? text("failforward.showcase.projects.none")
                : text("failforward.showcase.projects", String.join(", ", view.projects())));
        showcase.put("dates", text("failforward.showcase.dates", nullToEmpty(view.period().from()),
                nullToEmpty(view.period().to())));
        showcase.put("asOf", text("failforward.showcase.asof", stamp(instant(view.generatedAt()), zone)));
        URI jira = view.jiraUrl();

        List<Map<String, Object>> awards = new ArrayList<>();
        for (ShowcaseView.Award award : view.awards()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", text("failforward.showcase.award.name", nullToEmpty(award.scopeName()),
                    nullToEmpty(award.start()), nullToEmpty(award.end())));
            boolean closed = "closed".equals(award.phase());
            a.put("closed", closed);
            a.put("pending", closed ? "" : text("failforward.showcase.award.pending",
                    stamp(instant(award.votingCloses()), zone)));
            List<Map<String, Object>> nominees = new ArrayList<>();
            for (ShowcaseView.Nominee nominee : award.nominees()) {
                Map<String, Object> n = record(nominee.record(), jira);
                n.put("winner", nominee.winner());
                n.put("badge", text(nominee.winner() ? "failforward.showcase.badge.winner"
                        : "failforward.showcase.badge.nominee"));
                n.put("reason", nullToEmpty(nominee.reason()));
                n.put("votes", nominee.votes() == 1 ? text("failforward.showcase.award.vote")
                        : text("failforward.showcase.award.votes", String.valueOf(nominee.votes())));
                nominees.add(n);
            }
            a.put("nominees", nominees);
            a.put("noWinner", closed && award.nominees().stream().noneMatch(ShowcaseView.Nominee::winner)
                    ? text("failforward.showcase.award.nowinner") : "");
            awards.add(a);
        }
        showcase.put("awards", awards);

        List<Map<String, Object>> learnings = new ArrayList<>();
        for (ShowcaseView.Learning learning : view.learnings()) {
            Map<String, Object> l = record(learning.record(), jira);
            l.put("text", nullToEmpty(learning.text()));
            l.put("kind", label("failforward.failuredb.learningkind.", learning.kind()));
            l.put("reuses", text(learning.reuses() == 1 ? "failforward.showcase.learning.reused.once"
                            : "failforward.showcase.learning.reuses", String.valueOf(learning.reuses()),
                    String.valueOf(learning.retros()), String.valueOf(learning.records())));
            learnings.add(l);
        }
        showcase.put("learnings", learnings);

        List<Map<String, Object>> experiments = new ArrayList<>();
        for (ShowcaseView.Experiment experiment : view.experiments()) {
            Map<String, Object> e = record(experiment.record(), jira);
            e.put("outcome", label("failforward.experiment.outcome.", experiment.outcome()));
            e.put("decision", label("failforward.experiment.decision.", experiment.decision()));
            e.put("decidedAt", stamp(instant(experiment.decidedAt()), zone));
            List<Map<String, Object>> next = new ArrayList<>();
            for (ShowcaseView.Record iteration : experiment.nextIterations()) {
                next.add(record(iteration, jira));
            }
            e.put("next", next);
            e.put("noNext", text("failforward.showcase.experiment.nonext"));
            experiments.add(e);
        }
        showcase.put("experiments", experiments);
        // a big instance decides more experiments in a quarter than a page can print: Jira sends the latest
        showcase.put("experimentsMore", view.experimentsTotal() > experiments.size()
                ? text("failforward.showcase.experiments.more", String.valueOf(experiments.size()),
                String.valueOf(view.experimentsTotal())) : "");

        List<Map<String, Object>> incidents = new ArrayList<>();
        for (ShowcaseView.Incident incident : view.incidents()) {
            Map<String, Object> i = record(incident.record(), jira);
            List<Map<String, Object>> followUps = new ArrayList<>();
            for (ShowcaseView.FollowUp followUp : incident.followUps()) {
                followUps.add(Map.of("description", nullToEmpty(followUp.description()),
                        "checked", text("failforward.showcase.incident.checked", nullToEmpty(followUp.checkInDate())),
                        "note", nullToEmpty(followUp.note())));
            }
            i.put("followUps", followUps);
            incidents.add(i);
        }
        showcase.put("incidents", incidents);
        showcase.put("incidentsMore", view.incidentsTotal() > incidents.size()
                ? text("failforward.showcase.incidents.more", String.valueOf(incidents.size()),
                String.valueOf(view.incidentsTotal())) : "");

        List<Map<String, Object>> kpis = new ArrayList<>();
        for (ShowcaseView.Kpi kpi : view.kpis()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("key", nullToEmpty(kpi.key()));
            k.put("name", nullToEmpty(kpi.name()));
            k.put("description", nullToEmpty(kpi.description()));
            String direction = kpi.direction() == null ? "neutral" : kpi.direction();
            k.put("direction", direction);
            k.put("healthy", text("failforward.showcase.kpi.direction." + ("up".equals(direction) || "down"
                    .equals(direction) ? direction : "neutral")));
            List<Map<String, Object>> points = new ArrayList<>();
            for (ShowcaseView.Point point : kpi.points()) {
                points.add(Map.of("label", nullToEmpty(point.label()), "value", value(kpi.unit(), point)));
            }
            k.put("points", points);
            kpis.add(k);
        }
        showcase.put("kpis", kpis);

        Map<String, String> headings = new LinkedHashMap<>();
        for (String section : List.of("awards", "learnings", "experiments", "incidents", "kpis")) {
            headings.put(section, text("failforward.showcase.section." + section));
            headings.put(section + "None", text("failforward.showcase.section." + section + ".none"));
        }
        showcase.put("headings", headings);
    }

    /** Why there is nothing to print, in words that read well on paper (an export has no "retry" button). */
    private Map<String, Object> message(ShowcaseSource.Loaded loaded, boolean pageView) {
        JiraResult<ShowcaseView> failure = loaded == null ? null : loaded.failure();
        String kind;
        String detail = "";
        String link = "";
        if (failure instanceof JiraResult.NoLink<ShowcaseView>) {
            kind = "nolink";
        } else if (failure instanceof JiraResult.AuthorizationRequired<ShowcaseView> auth) {
            kind = "authorize";
            link = pageView ? auth.authorizeUri().toString() : "";
        } else if (failure instanceof JiraResult.Forbidden<ShowcaseView>) {
            kind = "forbidden";
        } else if (failure instanceof JiraResult.Invalid<ShowcaseView> invalid) {
            kind = "invalid";
            List<String> problems = new ArrayList<>();
            invalid.problems().forEach(p -> problems.add(p.message() == null ? p.field() : p.message()));
            detail = String.join(" ", problems);
        } else if (failure instanceof JiraResult.NotFound<ShowcaseView>) {
            kind = "notfound";
        } else {
            kind = "unavailable";
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("kind", kind);
        message.put("title", text("failforward.showcase.message." + kind + ".title"));
        message.put("text", text("failforward.showcase.message." + kind));
        message.put("detail", detail);
        message.put("link", link);
        message.put("linkText", link.isEmpty() ? "" : text("failforward.showcase.message.authorize.link"));
        return message;
    }

    private Map<String, Object> record(ShowcaseView.Record record, URI jira) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("key", record.key());
        r.put("summary", nullToEmpty(record.summary()));
        r.put("href", href(jira, record.url()));
        return r;
    }

    /** Jira's absolute address of an issue page: only for Jira's {@code /browse/…} paths and a known http(s) link. */
    static String href(URI jira, String path) {
        if (jira == null || path == null || !path.startsWith("/browse/") || jira.getScheme() == null
                || !(jira.getScheme().equalsIgnoreCase("http") || jira.getScheme().equalsIgnoreCase("https"))) {
            return "";
        }
        String base = jira.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private String value(String unit, ShowcaseView.Point point) {
        if (point.value() == null) {
            return text("withheld".equals(point.status()) ? "failforward.showcase.kpi.withheld"
                    : "failforward.showcase.kpi.nodata");
        }
        double v = point.value();
        String shown = switch (unit == null ? "" : unit) {
            case "share" -> String.format(Locale.ROOT, "%.0f %%", v * 100);
            case "hours" -> String.format(Locale.ROOT, "%.1f h", v);
            default -> v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
        };
        return point.partial() ? text("failforward.showcase.kpi.partial", shown) : shown;
    }

    private String label(String prefix, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String key = prefix + value.toLowerCase(Locale.ROOT);
        String message = i18n.getText(key);
        return message == null || message.equals(key) ? value : message;
    }

    static String stamp(Instant instant, ZoneId zone) {
        return instant == null ? "" : STAMP.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private String text(String key, String... arguments) {
        return i18n.getText(key, (Serializable[]) arguments);
    }
}
