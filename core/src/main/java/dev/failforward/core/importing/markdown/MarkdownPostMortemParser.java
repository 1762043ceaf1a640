package dev.failforward.core.importing.markdown;

import dev.failforward.core.importing.CategorySuggester;
import dev.failforward.core.importing.CategorySuggestion;
import dev.failforward.core.importing.ImportField;
import dev.failforward.core.importing.ImportProblem;
import dev.failforward.core.importing.ImportResult;
import dev.failforward.core.importing.ImportText;
import dev.failforward.core.importing.ImportedAction;
import dev.failforward.core.importing.ImportedIncident;
import dev.failforward.core.importing.ImportedLearning;
import dev.failforward.core.importing.TimelineEntry;
import dev.failforward.core.importing.markdown.DateTimeText.Found;
import dev.failforward.core.importing.markdown.MarkdownDocument.FrontValue;
import dev.failforward.core.importing.markdown.MarkdownDocument.Item;
import dev.failforward.core.importing.markdown.MarkdownDocument.Line;
import dev.failforward.core.importing.markdown.MarkdownDocument.Row;
import dev.failforward.core.importing.markdown.MarkdownDocument.Section;
import dev.failforward.core.importing.markdown.MarkdownDocument.Table;
import dev.failforward.core.incident.FailureMode;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.incident.WhyChain;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Markdown post-mortem (one file per incident, as teams keep them in repositories) into an
 * {@link ImportedIncident}. Never throws on bad input: what it cannot read becomes an {@link ImportProblem}; a file
 * that is empty, binary-looking or larger than {@value #MAX_CHARS} characters gives no incident at all.
 *
 * <p>Structure is read by {@link MarkdownDocument} (front matter, headings of any level, bold and plain
 * pseudo-headings) and section names by {@link SectionKind}. Dates, times, zones and durations by
 * {@link DateTimeText}.
 *
 * <h2>Time zone</h2>
 * Times written with a zone use it. Others use, in this order: front matter {@code timezone} / {@code time_zone} /
 * {@code tz}; a zone stated next to the timeline heading ("Timeline (PST)") for the timeline; the first statement
 * in the text ("All times in UTC", "(times in PST)", "Times are CET"); {@code defaultZone}.
 *
 * <h2>The incident date</h2>
 * A time of day without a date ("14:32") is on the incident date: front matter {@code date}; else a "Date:" or
 * "Start:" stat with a date; else the first dated timeline line; else a date in the title; else a date in the file
 * name ({@code 2024-03-05-db.md}). In a timeline, a date line or date heading sets the date of the lines below it, and
 * a time earlier than the line before (by more than an hour) is on the next day (timelines that pass midnight). A
 * date without a year takes the year of {@code now} in the zone.
 *
 * <h2>The four times</h2>
 * <ul>
 * <li>{@code startedAt}, when the failure began: front matter {@code start}/{@code started}, or a time in
 * {@code date}; a "Start:"/"Impact start:" stat; else the first timed timeline line.</li>
 * <li>{@code discoveredAt}, when it was noticed: front matter {@code detected}/{@code discovered}; a
 * "Detected:"/"Detection time:" stat; else the first timeline line saying an alert fired, someone was paged, noticed
 * or reported it; else {@code startedAt} + "Time to detection".</li>
 * <li>{@code reportedAt}, when it was declared or reported as an incident: front matter {@code reported}/
 * {@code declared}; a "Reported:"/"Declared:" stat; else the first timeline line declaring it, opening an incident
 * or escalating it; else {@code discoveredAt} + "Time to report/declare".</li>
 * <li>{@code resolvedAt}, when service was restored: front matter {@code resolved}/{@code ended}; a
 * "Resolved:"/"End:" stat; else the first timeline line saying it was resolved, recovered, restored or all clear
 * (else mitigated); else {@code discoveredAt} (or, without it, {@code startedAt}) + "Time to recovery/resolve/
 * mitigate"; else {@code startedAt} + "Duration". A duration also gives a missing {@code startedAt} backwards from
 * {@code discoveredAt} (time to detection) or {@code resolvedAt} (duration).</li>
 * </ul>
 * A time later than {@code now} plus a day is dropped with a problem; times out of order are kept and reported.
 *
 * <h2>Other fields</h2>
 * Title: front matter {@code title}; a "Title:" stat; the first heading before any known section that is not a known
 * section itself, without prefixes such as "Post-mortem:" or "Incident report -"; the summary's first sentence; the
 * first line; the file name. Cut to {@link FailureRecord#SUMMARY_MAX_LENGTH}. The source key is
 * {@link ImportedIncident#sourceKey(String)} of front matter {@code id} (or {@code incident_id}, {@code key}), else
 * of the file name. Category: stated ({@code category}) or suggested by {@link CategorySuggester}. Learnings and
 * action items come from their sections' list items, task lists, paragraphs and tables.
 */
public final class MarkdownPostMortemParser {

    /** Larger files are refused: post-mortems are a few pages, a larger file is a log dump or not a post-mortem. */
    public static final int MAX_CHARS = 512 * 1024;

    private static final Set<String> START = Set.of("start", "started", "start time", "incident start",
            "impact start", "began", "start of impact", "impact began", "incident began", "occurred", "started at",
            "start date", "incident start time", "impact start time", "first impact");
    private static final Set<String> DATE = Set.of("date", "incident date", "day", "date of incident");
    private static final Set<String> DETECTED = Set.of("detected", "detected at", "detection time",
            "time detected", "discovered", "discovered at", "detection", "first detected", "alerted", "alert time",
            "first alert", "detected on", "noticed", "triggered", "triggered at", "alert triggered");
    private static final Set<String> REPORTED = Set.of("reported", "reported at", "declared", "declared at",
            "incident declared", "time reported", "report time", "incident opened", "escalated", "reported on",
            "time declared", "declaration time", "acknowledged", "acknowledged at", "acked");
    private static final Set<String> RESOLVED = Set.of("resolved", "resolved at", "resolution time",
            "time resolved", "recovered", "recovered at", "recovery time", "end", "ended", "end time", "mitigated",
            "mitigated at", "fixed", "closed", "incident end", "impact end", "impact ended", "restored", "resolved on",
            "incident end time", "impact end time", "all clear");
    private static final Set<String> TTD = Set.of("time to detection", "time to detect", "ttd", "mttd",
            "detection delay", "time to discovery", "time to discover");
    private static final Set<String> TTR = Set.of("time to recovery", "time to recover", "time to resolve",
            "time to resolution", "ttr", "mttr", "time to mitigate", "time to mitigation", "ttm", "time to restore",
            "time to repair", "time to fix", "time to resolved");
    private static final Set<String> TTREPORT = Set.of("time to report", "time to declare", "time to declaration",
            "time to escalate", "time to escalation");
    private static final Set<String> DURATION = Set.of("duration", "total duration", "outage duration",
            "incident duration", "length", "impact duration", "downtime", "total downtime", "outage length",
            "total impact");
    private static final Set<String> SEVERITY = Set.of("severity", "sev", "severity level", "sev level",
            "incident severity", "priority", "impact level");
    private static final Set<String> CATEGORY = Set.of("category", "failure category", "cause category",
            "root cause category", "incident category", "classification");
    private static final Set<String> TYPE = Set.of("failure type", "type of failure");
    private static final Set<String> MODE = Set.of("failure mode", "what failed");
    private static final Set<String> TITLE = Set.of("title", "incident title", "incident name", "name");

    private static final Pattern STAT = Pattern.compile("^([A-Za-z][A-Za-z /()'’-]{0,40}?)\\s*[:：]\\s*(.+)$");
    private static final Pattern BULLET_PREFIX = Pattern.compile("^\\s*(?:[-*+•]|\\d{1,3}[.)])\\s+");
    private static final Pattern TITLE_PREFIX = Pattern.compile("(?i)^(?:(?:blameless\\s+)?post[- ]?mortem"
            + "(?:\\s+report)?|incident\\s+(?:report|review|post[- ]?mortem|retro(?:spective)?|analysis)|pir|rca"
            + "|retro(?:spective)?|post[- ]incident\\s+review|root\\s+cause\\s+analysis|incident(?:\\s*#\\s*\\d+)?)"
            + "\\s*(?:[:\\-–—|#]+\\s*|$)");

    private static final Pattern DETECT_WORDS = Pattern.compile("(?i)\\b(alerts?|alerted|alerting|alarm|paged|pages|"
            + "pager|pagerduty|detected|detects|noticed|notices|spotted|spots|flagged|fired|fires|caught|"
            + "first (?:customer )?reports?|customers? (?:report|complain|call|email|write)\\w*|reported by|"
            + "support tickets?|ticket (?:opened|raised|filed)|raises? (?:a )?ticket|calls? (?:in|support)|"
            + "complain\\w*|report(?:s|ed)?\\b(?! to)|observ\\w+ (?:a |an )?(?:spike|drop|errors?))");
    private static final Pattern DECLARE_WORDS = Pattern.compile("(?i)\\b(declar\\w+|incident (?:opened|created|"
            + "raised|channel|started|ticket)|open(?:s|ed)? (?:an |the |a )?(?:incident|inc-?\\d*|sev)|raise[sd]? "
            + "(?:an |the |a )?(?:incident|sev)|escalat\\w+|war ?room|incident commander|ic (?:assigned|takes)|"
            + "sev ?[0-4] (?:declared|raised|opened)|reported (?:to|the incident|internally|upwards))");
    private static final Pattern RESOLVE_WORDS = Pattern.compile("(?i)\\b(resolved|resolves|all[- ]clear|fully "
            + "(?:recovered|restored|operational)|back to normal|returned to normal|service (?:restored|recovered)|"
            + "recovered|recovers|restored|incident (?:closed|over|ended|resolved)|closes? the incident|"
            + "errors? (?:stop|cease)\\w*|back online|normal operations?)");
    private static final Pattern MITIGATE_WORDS = Pattern.compile("(?i)\\b(mitigat\\w+|stabili[sz]\\w+|stable)");
    private static final Pattern NOT = Pattern.compile("(?i)\\b(not|no|never|without|partially|partly|no longer)\\b"
            + "\\s*\\w*\\s*$");
    private static final Pattern DONE = Pattern.compile("(?i)(?:\\(\\s*(?:done|completed?|closed|fixed)\\s*\\)"
            + "|✅|✔|\\[(?:done|closed)]|\\b(?:status\\s*:\\s*)(?:done|completed?|closed)\\b|~~)");

    /**
     * Parses one file. Never throws for bad content.
     *
     * @param fileName    the file's name as uploaded (paths allowed), for the source key and the report
     * @param content     the file's text ({@code null} is an empty file)
     * @param defaultZone the zone of times that state none and whose file states none
     * @param now         the time of the import: times after it (plus a day) are dropped, years are guessed from it
     */
    public ImportResult parse(String fileName, String content, ZoneId defaultZone, Instant now) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(now, "now");
        List<ImportProblem> problems = new ArrayList<>();
        if (content == null || content.isBlank()) {
            problems.add(new ImportProblem(ImportField.FILE, "the file is empty", 0));
            return new ImportResult(fileName, null, problems);
        }
        if (content.length() > MAX_CHARS) {
            problems.add(new ImportProblem(ImportField.FILE, "the file has " + content.length()
                    + " characters, more than the " + MAX_CHARS + " a post-mortem may have", 0));
            return new ImportResult(fileName, null, problems);
        }
        if (ImportText.looksBinary(content)) {
            problems.add(new ImportProblem(ImportField.FILE,
                    "the file is not text (binary content, or an encoding other than UTF-8)", 0));
            return new ImportResult(fileName, null, problems);
        }
        long replaced = content.chars().filter(c -> c == '\uFFFD').count();
        if (replaced > 0) {
            problems.add(new ImportProblem(ImportField.FILE, replaced + " character(s) could not be read as UTF-8 and "
                    + "show as \uFFFD; save the file as UTF-8 and import it again", 0));
        }
        Run run = new Run(fileName, MarkdownDocument.parse(content), defaultZone, now, problems);
        ImportedIncident incident = run.read();
        return new ImportResult(fileName, incident, problems);
    }

    /** One parse: the document, what was found so far, the problems. */
    private static final class Run {
        private final String fileName;
        private final MarkdownDocument doc;
        private final ZoneId defaultZone;
        private final Instant now;
        private final List<ImportProblem> problems;
        private final Map<ImportField, String> provenance = new EnumMap<>(ImportField.class);
        private final List<Stat> stats = new ArrayList<>();
        private ZoneId zone;
        private int year;
        private LocalDate incidentDate;

        record Stat(String label, String shownLabel, String value, int line) {
        }

        Run(String fileName, MarkdownDocument doc, ZoneId defaultZone, Instant now, List<ImportProblem> problems) {
            this.fileName = fileName;
            this.doc = doc;
            this.defaultZone = defaultZone;
            this.now = now;
            this.problems = problems;
            problems.addAll(doc.problems);
        }

        ImportedIncident read() {
            if (doc.sections.isEmpty()) {
                problems.add(new ImportProblem(ImportField.FILE, "no known section headings (summary, impact, "
                        + "timeline, root cause, action items, …); only the title, stats and text were read", 0));
            }
            readStats();
            readZone();
            year = now.atZone(zone).getYear();
            String title = title();
            readIncidentDate(title);
            String sourceKey = sourceKey();
            ImportedIncident.Builder b = ImportedIncident.builder(sourceKey, title);
            b.summary(summary());
            b.impact(text(SectionKind.IMPACT, ImportField.IMPACT));
            b.detection(text(SectionKind.DETECTION, ImportField.DETECTION));
            b.resolution(text(SectionKind.RESOLUTION, ImportField.RESOLUTION));
            String rootCause = text(SectionKind.ROOT_CAUSE, ImportField.ROOT_CAUSE);
            String trigger = text(SectionKind.TRIGGER, ImportField.TRIGGER);
            String contributing = text(SectionKind.CONTRIBUTING, ImportField.CONTRIBUTING_FACTORS);
            b.rootCause(rootCause).trigger(trigger).contributingFactors(contributing);
            List<String> whys = whys();
            b.whys(whys);
            List<TimelineEntry> timeline = timeline();
            b.timeline(timeline);
            times(b, timeline);
            b.severity(severity());
            b.category(category(String.join("\n", nonNull(rootCause, trigger, contributing, String.join("\n", whys)))));
            b.failureType(failureType());
            b.failureMode(failureMode());
            b.learnings(learnings());
            b.actionItems(actions());
            b.attendees(attendees());
            b.provenance(provenance);
            if (incidentDate != null && zone != null) {
                b.incidentDay(incidentDate.atStartOfDay(zone).toInstant());
            }
            return b.build();
        }

        // ---- stats and zone -------------------------------------------------------------------------------------

        private void readStats() {
            for (Line line : doc.textLines) {
                String t = line.text();
                if (t.strip().startsWith("#") || t.strip().startsWith("|")) {
                    continue;
                }
                String s = BULLET_PREFIX.matcher(t).replaceFirst("").replace("**", "").replace("__", "").strip();
                for (String part : s.split("\\s+[·•|]\\s+")) {
                    Matcher m = STAT.matcher(part.strip());
                    if (m.matches()) {
                        addStat(m.group(1), m.group(2), line.number());
                    }
                }
            }
            for (Section section : doc.sections) {
                if (section.kind() == SectionKind.TIMELINE || section.kind() == SectionKind.ACTIONS) {
                    continue;
                }
                for (Table table : MarkdownDocument.tables(section.body())) {
                    if (table.header().size() == 2) {
                        addStat(table.header().get(0), table.header().get(1), section.line());
                    }
                    for (Row row : table.rows()) {
                        if (row.cells().size() >= 2) {
                            addStat(row.cells().get(0), row.cells().get(1), row.line());
                        }
                    }
                }
            }
        }

        private void addStat(String label, String value, int line) {
            String shown = MarkdownDocument.inline(label).strip();
            String norm = shown.toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)", " ").replaceAll("[^a-z ]", " ")
                    .replaceAll("\\s+", " ").strip();
            String v = MarkdownDocument.inline(value).strip();
            if (!norm.isEmpty() && !v.isEmpty()) {
                stats.add(new Stat(norm, shown, v, line));
            }
        }

        private Optional<Stat> stat(Set<String> labels) {
            return stats.stream().filter(s -> labels.contains(s.label())).findFirst();
        }

        private void readZone() {
            Optional<FrontValue> tz = doc.front("timezone", "time_zone", "tz", "zone");
            if (tz.isPresent()) {
                Optional<ZoneId> z = DateTimeText.zone(tz.get().value());
                if (z.isPresent()) {
                    zone = z.get();
                    provenance.put(ImportField.TIME_ZONE, "front matter \"" + tz.get().key() + "\"");
                    return;
                }
                problems.add(new ImportProblem(ImportField.TIME_ZONE, "unknown time zone \"" + tz.get().value()
                        + "\"", tz.get().line()));
            }
            for (Line line : doc.textLines) {
                Optional<ZoneId> z = DateTimeText.statedZone(line.text());
                if (z.isPresent()) {
                    zone = z.get();
                    provenance.put(ImportField.TIME_ZONE, "line " + line.number());
                    return;
                }
            }
            zone = defaultZone;
            provenance.put(ImportField.TIME_ZONE, "import default");
        }

        // ---- title, key, summary --------------------------------------------------------------------------------

        private String title() {
            Optional<FrontValue> fm = doc.front("title");
            if (fm.isPresent()) {
                return title(fm.get().value(), "front matter \"" + fm.get().key() + "\"", fm.get().line());
            }
            Optional<Stat> st = stat(TITLE);
            if (st.isPresent()) {
                return title(st.get().value(), "stat \"" + st.get().shownLabel() + "\" line " + st.get().line(),
                        st.get().line());
            }
            for (MarkdownDocument.Heading h : doc.headings) {
                if (h.kind() != null) {
                    break;
                }
                String t = TITLE_PREFIX.matcher(h.text()).replaceFirst("").strip();
                if (t.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    return title(t, "heading line " + h.line(), h.line());
                }
            }
            for (Line l : doc.preamble) {
                String t = MarkdownDocument.inline(l.text());
                if (!t.isBlank() && !STAT.matcher(t).matches() && !t.startsWith("---")) {
                    if (t.length() <= 120 && !t.endsWith(".")) {
                        return title(t, "line " + l.number(), l.number());
                    }
                    break;
                }
            }
            List<Section> summaries = doc.sections(SectionKind.SUMMARY);
            if (!summaries.isEmpty()) {
                List<Item> items = MarkdownDocument.items(summaries.get(0).body());
                if (!items.isEmpty()) {
                    return title(firstSentence(items.get(0).text()), "section \"" + summaries.get(0).heading()
                            + "\" first sentence line " + items.get(0).line(), items.get(0).line());
                }
            }
            for (Line l : doc.preamble) {
                String t = MarkdownDocument.inline(l.text());
                if (!t.isBlank() && !STAT.matcher(t).matches() && !t.startsWith("---")) {
                    return title(firstSentence(t), "line " + l.number(), l.number());
                }
            }
            String name = fileName.replaceAll(".*[/\\\\]", "").replaceFirst("(?i)\\.(md|markdown|txt)$", "")
                    .replaceAll("[-_]+", " ").strip();
            return title(name.isEmpty() ? "Imported incident" : name, "file name", 0);
        }

        private String title(String raw, String where, int line) {
            String t = MarkdownDocument.inline(raw).replaceFirst("^[^\\p{L}\\p{N}\"'(\\[]+", "").strip();
            if (t.length() > FailureRecord.SUMMARY_MAX_LENGTH) {
                problems.add(new ImportProblem(ImportField.TITLE, "the title has " + t.length()
                        + " characters; cut to " + FailureRecord.SUMMARY_MAX_LENGTH, line));
                t = t.substring(0, FailureRecord.SUMMARY_MAX_LENGTH - 1).strip() + "…";
            }
            provenance.put(ImportField.TITLE, where);
            return t;
        }

        private static String firstSentence(String text) {
            Matcher m = Pattern.compile("^(.{10,200}?[.!?])(\\s|$)").matcher(text);
            String s = m.find() ? m.group(1) : text;
            return s.length() > 120 ? s.substring(0, 119).strip() + "…" : s;
        }

        private String sourceKey() {
            Optional<FrontValue> id = doc.front("id", "incident_id", "key", "incident");
            if (id.isPresent()) {
                provenance.put(ImportField.SOURCE_KEY, "front matter \"" + id.get().key() + "\"");
                return ImportedIncident.sourceKey(id.get().value());
            }
            provenance.put(ImportField.SOURCE_KEY, "file name");
            return ImportedIncident.sourceKey(fileName);
        }

        private String summary() {
            String s = text(SectionKind.SUMMARY, ImportField.SUMMARY);
            if (s != null) {
                return s;
            }
            StringBuilder b = new StringBuilder();
            int first = 0;
            for (Line l : doc.preamble) {
                String t = l.text().strip();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("|") || t.startsWith("---")
                        || STAT.matcher(BULLET_PREFIX.matcher(t).replaceFirst("").replace("**", "")).matches()) {
                    continue;
                }
                if (first == 0) {
                    first = l.number();
                }
                b.append(t).append('\n');
            }
            if (b.isEmpty()) {
                return null;
            }
            provenance.put(ImportField.SUMMARY, "text before the first heading, line " + first);
            return b.toString().strip();
        }

        private String text(SectionKind kind, ImportField field) {
            List<Section> sections = doc.sections(kind);
            StringBuilder b = new StringBuilder();
            List<String> where = new ArrayList<>();
            for (Section s : sections) {
                String t = s.text();
                if (!t.isBlank()) {
                    if (!b.isEmpty()) {
                        b.append("\n\n");
                    }
                    b.append(t);
                    where.add("section \"" + s.heading() + "\" line " + s.line());
                }
            }
            if (b.isEmpty()) {
                return null;
            }
            provenance.put(field, String.join(", ", where));
            return b.toString();
        }

        // ---- dates and times ------------------------------------------------------------------------------------

        private void readIncidentDate(String title) {
            Optional<FrontValue> fm = doc.front("date", "incident_date", "start", "started", "started_at");
            if (fm.isPresent()) {
                Optional<Found> f = DateTimeText.find(fm.get().value(), year);
                if (f.isPresent() && f.get().date() != null) {
                    incidentDate = f.get().date();
                    return;
                }
                problems.add(new ImportProblem(ImportField.STARTED_AT, "front matter \"" + fm.get().key()
                        + "\" is not a date: " + fm.get().value(), fm.get().line()));
            }
            for (Set<String> labels : List.of(DATE, START)) {
                Optional<Stat> st = stat(labels);
                if (st.isPresent()) {
                    Optional<Found> f = DateTimeText.find(st.get().value(), year);
                    if (f.isPresent() && f.get().date() != null) {
                        incidentDate = f.get().date();
                        return;
                    }
                }
            }
            for (Section s : doc.sections(SectionKind.TIMELINE)) {
                for (Line l : s.body()) {
                    Optional<Found> f = DateTimeText.find(l.text(), year);
                    if (f.isPresent() && f.get().date() != null) {
                        incidentDate = f.get().date();
                        return;
                    }
                }
            }
            for (String text : List.of(title, fileName.replaceAll(".*[/\\\\]", ""))) {
                Optional<Found> f = DateTimeText.find(text, year);
                if (f.isPresent() && f.get().date() != null) {
                    incidentDate = f.get().date();
                    return;
                }
            }
        }

        private List<TimelineEntry> timeline() {
            List<TimelineEntry> entries = new ArrayList<>();
            boolean reportedNoDate = false;
            for (Section s : doc.sections(SectionKind.TIMELINE)) {
                ZoneId tz = headingZone(s.heading()).orElse(zone);
                LocalDate current = incidentDate;
                Instant previous = null;
                List<Table> tables = MarkdownDocument.tables(s.body());
                List<Candidate> candidates = new ArrayList<>();
                for (Table table : tables) {
                    int timeCol = table.column("time", "when", "timestamp", "utc", "date", "local");
                    int dateCol = table.column("date", "day");
                    if (timeCol < 0) {
                        timeCol = 0;
                    }
                    for (Row row : table.rows()) {
                        StringBuilder when = new StringBuilder();
                        StringBuilder what = new StringBuilder();
                        for (int i = 0; i < row.cells().size(); i++) {
                            String c = row.cells().get(i);
                            if (i == dateCol && dateCol != timeCol) {
                                when.insert(0, c + " ");
                            } else if (i == timeCol) {
                                when.append(c);
                            } else if (!c.isBlank()) {
                                what.append(what.isEmpty() ? "" : " — ").append(c);
                            }
                        }
                        candidates.add(new Candidate(when.toString().strip(), what.toString(), row.line(), true));
                    }
                }
                for (Line l : s.body()) {
                    if (MarkdownDocument.isTableLine(l.text()) || l.text().isBlank()) {
                        continue;
                    }
                    candidates.add(new Candidate(l.text(), null, l.number(), false));
                }
                candidates.sort((a, c) -> Integer.compare(a.line(), c.line()));
                for (Candidate c : candidates) {
                    String text = c.when().replaceAll("^\\s*#+\\s*", "");
                    text = BULLET_PREFIX.matcher(text).replaceFirst("").replace("**", "").replace("__", "").strip();
                    Optional<Found> found = DateTimeText.find(text, year, true);
                    if (found.isEmpty()) {
                        continue;
                    }
                    Found f = found.get();
                    String rest = c.what() != null ? c.what() : text.substring(Math.min(f.end(), text.length()));
                    rest = MarkdownDocument.inline(rest.replaceFirst("^[\\s\\-–—:|*)\\]>,.]+", "")).strip();
                    if (f.time() == null) {
                        String leftover = rest.replaceAll("(?i)\\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b", "")
                                .replaceAll("[^A-Za-z]", "");
                        if (leftover.isEmpty() || c.table()) {
                            current = f.date();
                            previous = null;
                        }
                        continue;
                    }
                    LocalDate base = f.date() != null ? f.date() : current;
                    if (base == null) {
                        if (!reportedNoDate) {
                            problems.add(new ImportProblem(ImportField.TIMELINE, "timeline times without a date: "
                                    + "give the incident date in front matter (date: 2024-03-05)", c.line()));
                            reportedNoDate = true;
                        }
                        continue;
                    }
                    Instant at = f.instant(base, tz).orElseThrow();
                    if (f.date() == null && previous != null && at.isBefore(previous.minus(Duration.ofHours(1)))) {
                        base = base.plusDays(1);
                        at = f.instant(base, tz).orElseThrow();
                    }
                    current = base;
                    previous = at;
                    entries.add(new TimelineEntry(at, rest, c.line()));
                }
            }
            if (!entries.isEmpty()) {
                provenance.put(ImportField.TIMELINE, "section \"" + doc.sections(SectionKind.TIMELINE).get(0).heading()
                        + "\" (" + entries.size() + " entries)");
            }
            return entries;
        }

        private record Candidate(String when, String what, int line, boolean table) {
        }

        private static Optional<ZoneId> headingZone(String heading) {
            Optional<ZoneId> stated = DateTimeText.statedZone(heading);
            if (stated.isPresent()) {
                return stated;
            }
            Matcher m = Pattern.compile("[(\\[]([^)\\]]+)[)\\]]|[-–—,]\\s*([A-Z]{2,5}|[A-Z][a-z]+/[A-Za-z_]+)\\s*$")
                    .matcher(heading);
            while (m.find()) {
                Optional<ZoneId> z = DateTimeText.zone(m.group(1) != null ? m.group(1) : m.group(2));
                if (z.isPresent()) {
                    return z;
                }
            }
            return Optional.empty();
        }

        private void times(ImportedIncident.Builder b, List<TimelineEntry> timeline) {
            Timed started = explicit(ImportField.STARTED_AT, List.of("started", "start", "started_at", "start_time",
                    "began", "date"), START, true);
            Timed discovered = explicit(ImportField.DISCOVERED_AT, List.of("detected", "discovered", "detected_at",
                    "discovered_at", "detection"), DETECTED, false);
            Timed reported = explicit(ImportField.REPORTED_AT, List.of("reported", "declared", "reported_at",
                    "declared_at"), REPORTED, false);
            Timed resolved = explicit(ImportField.RESOLVED_AT, List.of("resolved", "resolved_at", "ended", "end",
                    "recovered", "end_time", "mitigated"), RESOLVED, false);
            if (started == null && !timeline.isEmpty()) {
                started = new Timed(timeline.get(0).at(), "section \"Timeline\" line " + timeline.get(0).line());
            }
            if (discovered == null) {
                discovered = fromTimeline(timeline, e -> affirmed(DETECT_WORDS, e), false);
            }
            if (reported == null) {
                reported = fromTimeline(timeline, e -> affirmed(DECLARE_WORDS, e), false);
            }
            if (resolved == null) {
                resolved = fromTimeline(timeline, e -> affirmed(RESOLVE_WORDS, e), false);
                if (resolved == null) {
                    resolved = fromTimeline(timeline, e -> affirmed(MITIGATE_WORDS, e), false);
                }
            }
            Stat ttd = durationStat(TTD);
            Stat ttr = durationStat(TTR);
            Stat ttrep = durationStat(TTREPORT);
            Stat dur = durationStat(DURATION);
            if (discovered == null && started != null && ttd != null) {
                discovered = plus(started, ttd, "start");
            }
            if (started == null && discovered != null && ttd != null) {
                started = minus(discovered, ttd, "detection");
            }
            if (reported == null && discovered != null && ttrep != null) {
                reported = plus(discovered, ttrep, "detection");
            }
            if (resolved == null && ttr != null) {
                resolved = discovered != null ? plus(discovered, ttr, "detection")
                        : started != null ? plus(started, ttr, "start") : null;
            }
            if (resolved == null && started != null && dur != null) {
                resolved = plus(started, dur, "start");
            }
            if (started == null && resolved != null && dur != null) {
                started = minus(resolved, dur, "resolution");
            }
            Instant limit = now.plus(Duration.ofDays(1));
            started = set(ImportField.STARTED_AT, started, limit);
            discovered = set(ImportField.DISCOVERED_AT, discovered, limit);
            reported = set(ImportField.REPORTED_AT, reported, limit);
            resolved = set(ImportField.RESOLVED_AT, resolved, limit);
            b.startedAt(at(started)).discoveredAt(at(discovered)).reportedAt(at(reported)).resolvedAt(at(resolved));
            order(started, discovered, "started", "discovered");
            order(discovered, reported, "discovered", "reported");
            order(discovered, resolved, "discovered", "resolved");
            order(started, resolved, "started", "resolved");
        }

        private record Timed(Instant at, String where) {
        }

        private static Instant at(Timed t) {
            return t == null ? null : t.at();
        }

        private Timed set(ImportField field, Timed t, Instant limit) {
            if (t == null) {
                return null;
            }
            if (t.at().isAfter(limit)) {
                problems.add(new ImportProblem(field, "the time " + t.at() + " is in the future; left out", 0));
                return null;
            }
            provenance.put(field, t.where());
            return t;
        }

        private void order(Timed earlier, Timed later, String a, String b) {
            if (earlier != null && later != null && later.at().isBefore(earlier.at())) {
                problems.add(new ImportProblem(ImportField.TIMELINE, "the incident was " + b + " (" + later.at()
                        + ") before it was " + a + " (" + earlier.at() + ")", 0));
            }
        }

        private static boolean affirmed(Pattern words, String text) {
            Matcher m = words.matcher(text);
            while (m.find()) {
                if (!NOT.matcher(text.substring(0, m.start())).find()) {
                    return true;
                }
            }
            return false;
        }

        private static Timed fromTimeline(List<TimelineEntry> timeline, Predicate<String> test, boolean last) {
            Timed found = null;
            for (TimelineEntry e : timeline) {
                if (test.test(e.text())) {
                    found = new Timed(e.at(), "section \"Timeline\" line " + e.line());
                    if (!last) {
                        break;
                    }
                }
            }
            return found;
        }

        private Timed plus(Timed base, Stat d, String from) {
            Duration duration = DateTimeText.duration(d.value()).orElseThrow();
            return new Timed(base.at().plus(duration), "stat \"" + d.shownLabel() + "\" line " + d.line() + " ("
                    + d.value() + " after " + from + ", " + base.where() + ")");
        }

        private Timed minus(Timed base, Stat d, String from) {
            Duration duration = DateTimeText.duration(d.value()).orElseThrow();
            return new Timed(base.at().minus(duration), "stat \"" + d.shownLabel() + "\" line " + d.line() + " ("
                    + d.value() + " before " + from + ", " + base.where() + ")");
        }

        private Stat durationStat(Set<String> labels) {
            Optional<Stat> st = stat(labels);
            if (st.isEmpty()) {
                return null;
            }
            if (DateTimeText.duration(st.get().value()).isEmpty()) {
                problems.add(new ImportProblem(ImportField.TIMELINE, "\"" + st.get().shownLabel()
                        + "\" is not a duration: " + st.get().value(), st.get().line()));
                return null;
            }
            return st.get();
        }

        private Timed explicit(ImportField field, List<String> frontKeys, Set<String> labels, boolean timeOptional) {
            for (String key : frontKeys) {
                Optional<FrontValue> fm = doc.front(key);
                if (fm.isEmpty()) {
                    continue;
                }
                Optional<Found> f = DateTimeText.find(fm.get().value(), year);
                Optional<Instant> at = f.flatMap(x -> x.instant(incidentDate, zone));
                if (at.isPresent()) {
                    return new Timed(at.get(), "front matter \"" + fm.get().key() + "\"");
                }
                if (!timeOptional && !key.equals("date")) {
                    problems.add(new ImportProblem(field, "front matter \"" + fm.get().key()
                            + "\" has no time of day: " + fm.get().value(), fm.get().line()));
                }
            }
            for (Stat st : stats) {
                if (!labels.contains(st.label())) {
                    continue;
                }
                Optional<Found> f = DateTimeText.find(st.value(), year);
                if (f.isPresent() && f.get().time() != null) {
                    Optional<Instant> at = f.get().instant(incidentDate, zone);
                    if (at.isPresent()) {
                        return new Timed(at.get(), "stat \"" + st.shownLabel() + "\" line " + st.line());
                    }
                    problems.add(new ImportProblem(field, "\"" + st.shownLabel() + "\" has a time but the incident "
                            + "date is not known", st.line()));
                } else if (f.isPresent() && !timeOptional) {
                    problems.add(new ImportProblem(field, "\"" + st.shownLabel() + "\" has a date but no time of day: "
                            + st.value(), st.line()));
                }
            }
            return null;
        }

        // ---- classification -------------------------------------------------------------------------------------

        private String severity() {
            Optional<FrontValue> fm = doc.front("severity", "sev", "priority", "level");
            if (fm.isPresent()) {
                provenance.put(ImportField.SEVERITY, "front matter \"" + fm.get().key() + "\"");
                return fm.get().value();
            }
            Optional<Stat> st = stat(SEVERITY);
            if (st.isPresent()) {
                provenance.put(ImportField.SEVERITY, "stat \"" + st.get().shownLabel() + "\" line " + st.get().line());
                String v = st.get().value();
                return v.length() > 60 ? v.substring(0, 60).strip() : v;
            }
            return null;
        }

        private CategorySuggestion category(String causeText) {
            Optional<FrontValue> fm = doc.front("category", "failure_category");
            String where = null;
            String value = null;
            int line = 0;
            if (fm.isPresent()) {
                where = "front matter \"" + fm.get().key() + "\"";
                value = fm.get().value();
                line = fm.get().line();
            } else {
                Optional<Stat> st = stat(CATEGORY);
                if (st.isPresent()) {
                    where = "stat \"" + st.get().shownLabel() + "\" line " + st.get().line();
                    value = st.get().value();
                    line = st.get().line();
                }
            }
            if (value != null) {
                var stated = CategorySuggester.stated(value);
                if (stated.isPresent()) {
                    provenance.put(ImportField.CATEGORY, where);
                    return CategorySuggestion.stated(stated.get());
                }
                problems.add(new ImportProblem(ImportField.CATEGORY, "\"" + value + "\" is no failure category "
                        + "(design flaw, data gap, process deviation, external shock, other); suggested instead",
                        line));
            }
            StringBuilder other = new StringBuilder();
            for (Section s : doc.sections) {
                if (s.kind() != SectionKind.ROOT_CAUSE && s.kind() != SectionKind.TRIGGER
                        && s.kind() != SectionKind.CONTRIBUTING && s.kind() != SectionKind.WHYS
                        && s.kind() != SectionKind.ATTENDEES) {
                    other.append(s.text()).append('\n');
                }
            }
            for (Line l : doc.preamble) {
                other.append(l.text()).append('\n');
            }
            Optional<CategorySuggestion> suggestion = CategorySuggester.suggest(causeText, other.toString());
            suggestion.ifPresent(x -> provenance.put(ImportField.CATEGORY, "suggested from the text, " + x.reason()));
            return suggestion.orElse(null);
        }

        private FailureType failureType() {
            return stated("failure_type", TYPE, ImportField.FAILURE_TYPE, "failure type (basic, complex, intelligent)",
                    v -> v.startsWith("basic") || v.startsWith("preventable") ? FailureType.BASIC
                            : v.startsWith("complex") ? FailureType.COMPLEX
                            : v.startsWith("intelligent") ? FailureType.INTELLIGENT : null);
        }

        /** "Failure mode: process" (the way of working failed) or "outcome" (a sound process, a bad result). */
        private FailureMode failureMode() {
            return stated("failure_mode", MODE, ImportField.FAILURE_MODE, "failure mode (process, outcome)",
                    v -> v.startsWith("process") ? FailureMode.PROCESS
                            : v.startsWith("outcome") || v.startsWith("result") ? FailureMode.OUTCOME : null);
        }

        /** A value the source states in its front matter or a stat line (never guessed), read by {@code parse}. */
        private <T> T stated(String frontKey, Set<String> statLabels, ImportField field, String what,
                             java.util.function.Function<String, T> parse) {
            Optional<FrontValue> fm = doc.front(frontKey);
            String value = null;
            String where = null;
            int line = 0;
            if (fm.isPresent()) {
                value = fm.get().value();
                where = "front matter \"" + fm.get().key() + "\"";
                line = fm.get().line();
            } else {
                Optional<Stat> st = stat(statLabels);
                if (st.isPresent()) {
                    value = st.get().value();
                    where = "stat \"" + st.get().shownLabel() + "\" line " + st.get().line();
                    line = st.get().line();
                }
            }
            if (value == null) {
                return null;
            }
            T parsed = parse.apply(value.strip().toLowerCase(Locale.ROOT));
            if (parsed == null) {
                problems.add(new ImportProblem(field, "\"" + value + "\" is no " + what, line));
                return null;
            }
            provenance.put(field, where);
            return parsed;
        }

        // ---- lists ----------------------------------------------------------------------------------------------

        private List<String> whys() {
            List<String> whys = new ArrayList<>();
            List<String> where = new ArrayList<>();
            for (Section s : doc.sections(SectionKind.WHYS)) {
                StringBuilder text = new StringBuilder();
                for (Line l : s.body()) {
                    text.append(MarkdownDocument.inline(l.text().replaceAll("^\\s*#+\\s*", ""))).append('\n');
                }
                List<String> chain = WhyChain.parse(text.toString()).whys();
                if (!chain.isEmpty()) {
                    whys.addAll(chain);
                    where.add("section \"" + s.heading() + "\" line " + s.line());
                }
            }
            if (!where.isEmpty()) {
                provenance.put(ImportField.WHYS, String.join(", ", where));
            }
            return whys;
        }

        private List<ImportedLearning> learnings() {
            List<ImportedLearning> learnings = new ArrayList<>();
            List<String> where = new ArrayList<>();
            for (Section s : doc.sections) {
                LearningKind kind = s.kind() == null ? null : switch (s.kind()) {
                    case WENT_WELL -> LearningKind.WENT_WELL;
                    case WENT_WRONG -> LearningKind.SURPRISE;
                    case LUCKY -> LearningKind.GOT_LUCKY;
                    case LESSONS -> LearningKind.INSIGHT;
                    default -> null;
                };
                if (kind == null) {
                    continue;
                }
                int before = learnings.size();
                for (Item item : MarkdownDocument.items(withoutHeadings(s.body()))) {
                    String text = item.text();
                    if (text.length() > Learning.TEXT_MAX_LENGTH) {
                        problems.add(new ImportProblem(ImportField.LEARNINGS, "a learning has " + text.length()
                                + " characters; cut to " + Learning.TEXT_MAX_LENGTH, item.line()));
                        text = text.substring(0, Learning.TEXT_MAX_LENGTH - 1) + "…";
                    }
                    learnings.add(new ImportedLearning(text, kind, "section \"" + s.heading() + "\" line "
                            + item.line()));
                }
                if (learnings.size() > before) {
                    where.add("section \"" + s.heading() + "\" line " + s.line());
                }
            }
            if (!where.isEmpty()) {
                provenance.put(ImportField.LEARNINGS, String.join(", ", where));
            }
            return learnings;
        }

        private static List<Line> withoutHeadings(List<Line> body) {
            return body.stream().filter(l -> !l.text().strip().startsWith("#")).toList();
        }

        private List<ImportedAction> actions() {
            List<ImportedAction> actions = new ArrayList<>();
            List<String> where = new ArrayList<>();
            for (Section s : doc.sections(SectionKind.ACTIONS)) {
                int before = actions.size();
                String heading = "section \"" + s.heading() + "\"";
                for (Table table : MarkdownDocument.tables(s.body())) {
                    int owner = table.column("owner", "assignee", "who", "responsible", "assigned", "dri");
                    int due = table.column("due", "deadline", "target", "eta", "by when", "date");
                    int status = table.column("status", "state", "done", "complete");
                    int desc = table.column("action", "item", "task", "description", "what", "follow", "todo",
                            "remediation", "title", "step");
                    if (desc < 0) {
                        for (int i = 0; i < table.header().size(); i++) {
                            if (i != owner && i != due && i != status) {
                                desc = i;
                                break;
                            }
                        }
                    }
                    for (Row row : table.rows()) {
                        String d = cell(row, desc);
                        if (d.isBlank()) {
                            continue;
                        }
                        String st = cell(row, status).toLowerCase(Locale.ROOT);
                        boolean done = st.matches("(?s).*(done|complete|closed|fixed|resolved|finished|✅|✔|yes|"
                                + "\\[x]).*") && !st.contains("not ");
                        LocalDate dueDate = date(cell(row, due));
                        String o = cell(row, owner).replaceFirst("^@", "");
                        addAction(actions, d, o.isBlank() || o.equals("-") || o.equalsIgnoreCase("tbd") ? null : o,
                                dueDate, done, heading + " table row line " + row.line(), row.line());
                    }
                }
                for (Item item : MarkdownDocument.items(withoutHeadings(s.body()))) {
                    action(actions, item, heading + " line " + item.line());
                }
                if (actions.size() > before) {
                    where.add(heading + " line " + s.line());
                }
            }
            if (!where.isEmpty()) {
                provenance.put(ImportField.ACTION_ITEMS, String.join(", ", where));
            }
            return actions;
        }

        private static String cell(Row row, int i) {
            return i >= 0 && i < row.cells().size() ? row.cells().get(i).strip() : "";
        }

        private LocalDate date(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            Optional<Found> f = DateTimeText.find(text, incidentDate != null ? incidentDate.getYear() : year);
            return f.map(Found::date).orElse(null);
        }

        private static final Pattern OWNER_PAREN = Pattern.compile("(?i)[(\\[]\\s*(?:owner|owners|assignee|assigned"
                + " to|owned by|who|dri)\\s*[:=]?\\s*@?([^)\\],;]+?)\\s*(?:[,;]\\s*(?:due|by)\\b[^)\\]]*)?[)\\]]");
        private static final Pattern OWNER_LABEL = Pattern.compile("(?i)\\b(?:owner|assignee|assigned to|owned by|"
                + "dri)\\s*[:=]\\s*@?([^,;()|]+?)\\s*(?=[,;()|]|\\.(?:\\s|$)|\\bdue\\b|$)");
        private static final Pattern OWNER_AT = Pattern.compile("(?U)(?<![\\w.])@([A-Za-z][\\w.-]*[A-Za-z0-9])");
        private static final Pattern OWNER_DASH = Pattern.compile("(?U)\\s[—–-]{1,2}\\s*([A-Z][\\w.'-]*(?:\\s[\\w"
                + ".'-]+){0,2})\\s*(?:[,;(]\\s*(?:due|by|done)\\b.*|\\))?$");
        /** "(Petra)", "(Luca, by 2024-10-31)": a name alone in brackets at the end. */
        private static final Pattern OWNER_BRACKETS = Pattern.compile(
                "(?U)\\(\\s*([A-Z][a-z][\\w.'-]*(?:\\s[A-Z][\\w.'-]*){0,2})\\s*"
                + "(?:[,;]\\s*(?:due|by)\\b[^)]*)?\\)\\s*$");
        private static final Pattern DUE = Pattern.compile("(?i)[,;(\\[]?\\s*\\b(?:due(?:\\s+date)?|deadline|target|"
                + "eta|by)\\b\\s*:?\\s*((?:\\d{4}-\\d{1,2}-\\d{1,2})|(?:[A-Za-z]{3,9}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?"
                + "(?:,?\\s+\\d{4})?)|(?:\\d{1,2}\\s+[A-Za-z]{3,9}(?:\\s+\\d{4})?)|(?:\\d{1,2}/\\d{1,2}/\\d{4}))"
                + "\\s*[)\\]]?");

        private void action(List<ImportedAction> actions, Item item, String where) {
            String text = item.text();
            boolean done = Boolean.TRUE.equals(item.checked());
            Matcher dm = DONE.matcher(text);
            if (dm.find()) {
                done = true;
                text = DONE.matcher(text).replaceAll("").strip();
            }
            String owner = null;
            LocalDate due = null;
            Matcher m = OWNER_PAREN.matcher(text);
            boolean bracketed = m.find();
            if (!bracketed) {
                m = OWNER_BRACKETS.matcher(text);
                bracketed = m.find();
            }
            if (bracketed) {
                owner = m.group(1).strip();
                Matcher inner = DUE.matcher(m.group());
                if (inner.find()) {
                    due = date(inner.group(1));
                }
                text = (text.substring(0, m.start()) + " " + text.substring(m.end())).strip();
            }
            if (due == null) {
                Matcher d = DUE.matcher(text);
                while (d.find()) {
                    LocalDate found = date(d.group(1));
                    if (found != null) {
                        due = found;
                        text = (text.substring(0, d.start()) + " " + text.substring(d.end())).strip();
                        break;
                    }
                }
            }
            if (owner == null && (m = OWNER_LABEL.matcher(text)).find()) {
                owner = m.group(1).strip();
                text = (text.substring(0, m.start()) + text.substring(m.end())).strip();
            } else if (owner == null && (m = OWNER_AT.matcher(text)).find()) {
                owner = m.group(1);
                String before = text.substring(0, m.start());
                String after = text.substring(m.end());
                text = (before.replaceFirst("[\\s—–\\-:(\\[]+$", "") + " " + after.replaceFirst("^[\\s)\\]]+", ""))
                        .strip();
            } else if (owner == null && (m = OWNER_DASH.matcher(text)).find()) {
                owner = m.group(1).strip();
                text = text.substring(0, m.start()).strip();
            }
            text = text.replaceAll("\\(\\s*\\)|\\[\\s*]", "").replaceAll("\\s{2,}", " ")
                    .replaceAll("[\\s,;:—–\\-(\\[.]+$", "").replaceAll("^[\\s,;:—–\\-]+", "").strip();
            addAction(actions, text, owner, due, done, where, item.line());
        }

        private void addAction(List<ImportedAction> actions, String description, String owner, LocalDate due,
                               boolean done, String where, int line) {
            String d = description;
            if (!d.codePoints().anyMatch(Character::isLetterOrDigit)) {
                return;
            }
            if (d.length() > ActionItem.DESCRIPTION_MAX_LENGTH) {
                problems.add(new ImportProblem(ImportField.ACTION_ITEMS, "an action item has " + d.length()
                        + " characters; cut to " + ActionItem.DESCRIPTION_MAX_LENGTH, line));
                d = d.substring(0, ActionItem.DESCRIPTION_MAX_LENGTH - 1) + "…";
            }
            actions.add(new ImportedAction(d, owner, due, done, where));
        }

        private List<String> attendees() {
            List<String> names = new ArrayList<>();
            Optional<FrontValue> fm = doc.front("attendees", "participants", "authors", "author");
            if (fm.isPresent()) {
                names.addAll(fm.get().list());
                if (fm.get().list().isEmpty()) {
                    names.addAll(splitNames(fm.get().value()));
                }
                provenance.put(ImportField.ATTENDEES, "front matter \"" + fm.get().key() + "\"");
            }
            for (Section s : doc.sections(SectionKind.ATTENDEES)) {
                for (Item item : MarkdownDocument.items(s.body())) {
                    names.addAll(splitNames(item.text()));
                }
                provenance.putIfAbsent(ImportField.ATTENDEES, "section \"" + s.heading() + "\" line " + s.line());
            }
            return names.stream().distinct().toList();
        }

        private static List<String> splitNames(String text) {
            List<String> names = new ArrayList<>();
            for (String n : text.split("[,;]|\\band\\b")) {
                String name = n.replaceAll("\\(.*?\\)", "").replaceFirst("^@", "").strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        }

        private static List<String> nonNull(String... texts) {
            List<String> list = new ArrayList<>();
            for (String t : texts) {
                if (t != null && !t.isBlank()) {
                    list.add(t);
                }
            }
            return list;
        }
    }
}
