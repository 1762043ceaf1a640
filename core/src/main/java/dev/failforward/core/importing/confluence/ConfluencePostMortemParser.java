package dev.failforward.core.importing.confluence;

import dev.failforward.core.importing.CategorySuggester;
import dev.failforward.core.importing.CategorySuggestion;
import dev.failforward.core.importing.ImportField;
import dev.failforward.core.importing.ImportProblem;
import dev.failforward.core.importing.ImportResult;
import dev.failforward.core.importing.ImportedAction;
import dev.failforward.core.importing.ImportedIncident;
import dev.failforward.core.importing.ImportedLearning;
import dev.failforward.core.importing.TimelineEntry;
import dev.failforward.core.importing.confluence.ConfluencePage.Block;
import dev.failforward.core.importing.confluence.ConfluencePage.BlockType;
import dev.failforward.core.importing.confluence.ConfluencePage.Cell;
import dev.failforward.core.importing.confluence.ConfluencePage.Row;
import dev.failforward.core.importing.confluence.ConfluencePage.Section;
import dev.failforward.core.importing.confluence.ConfluencePage.Text;
import dev.failforward.core.importing.markdown.DateTimeText;
import dev.failforward.core.importing.markdown.DateTimeText.Found;
import dev.failforward.core.importing.markdown.SectionKind;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Confluence page in storage format (made with the "Incident post-mortem" / "DevOps incident postmortem"
 * blueprint or a home-made template) into an {@link ImportedIncident}. Never throws on bad content and never reads
 * anything outside the page (see {@link StorageFormat}); what it cannot read becomes an {@link ImportProblem} whose
 * line is the page's storage-format line.
 *
 * <p>The page is the source: the source key is {@code confluence-page-<id>}, so a re-import of the same page updates
 * the incident it created, and the title is the page's title. Sections are found by heading names as in the Markdown
 * importer ({@link SectionKind}), and also by the rows of the blueprint's incident-details table (a two-column
 * key/value table: "Summary", "Impact", "Detection", "Response", "Recovery", "Timeline" … are sections; "Date",
 * "Authors", "Severity", "Started", "Resolved", "Time to detection" … are facts). Facts also come from paragraphs
 * "Label: value".
 *
 * <p>Times: written with a zone they use it; else a zone the page states ("All times in UTC", "Timeline (PST)", a
 * "Time zone" row); else {@code defaultZone}. A time of day without a date is on the incident date: the "Date" fact
 * (usually a {@code <time datetime>}), else the first dated timeline line, else a date in the title. The four times
 * come from facts ("Started", "Detected", "Reported"/"Declared", "Resolved"), else from timeline lines (the first
 * entry; the first alert/page/noticed; the first declared/escalated; the first resolved/restored, else mitigated), else
 * from durations ("Time to detection", "Time to recovery", "Duration").
 *
 * <p>Action items are task lists anywhere on the page (owner from the first {@code ri:user}, due date from the first
 * {@code <time datetime>}, done when the task is complete), the rows of an action table in an action section (columns
 * such as Action, Type, Owner, Issue, Due date, Status; a Jira issue is kept in the description as "(KEY-1)"), and
 * list items there. Learnings are the items (else paragraphs) of what went well / wrong, where we got lucky and
 * lessons learned. Severity is a "Severity"/"Priority" fact, else the first {@code status} macro that reads like one
 * ("SEV 2", "P1").
 */
public final class ConfluencePostMortemParser {

    /** Larger page bodies are refused: a post-mortem is a few pages, even with its macros. */
    public static final int MAX_CHARS = 2 * 1024 * 1024;

    private static final Set<String> DATE = Set.of("date", "incident date", "day", "date of incident");
    private static final Set<String> START = Set.of("start", "started", "start time", "incident start",
            "impact start", "began", "started at", "impact start time", "incident start time", "first impact");
    private static final Set<String> DETECTED = Set.of("detected", "detected at", "detection time", "time detected",
            "discovered", "discovered at", "first detected", "alerted", "alert time", "first alert", "noticed");
    private static final Set<String> REPORTED = Set.of("reported", "reported at", "declared", "declared at",
            "incident declared", "time reported", "escalated", "acknowledged", "acknowledged at");
    private static final Set<String> RESOLVED = Set.of("resolved", "resolved at", "resolution time", "time resolved",
            "recovered", "recovered at", "recovery time", "end", "ended", "end time", "mitigated", "mitigated at",
            "restored", "incident end", "impact end", "impact end time", "all clear");
    private static final Set<String> TTD = Set.of("time to detection", "time to detect", "ttd", "mttd",
            "time to discovery", "time to discover");
    private static final Set<String> TTR = Set.of("time to recovery", "time to recover", "time to resolve",
            "time to resolution", "ttr", "mttr", "time to mitigate", "time to restore", "time to repair");
    private static final Set<String> DURATION = Set.of("duration", "total duration", "outage duration",
            "incident duration", "impact duration", "downtime");
    private static final Set<String> SEVERITY = Set.of("severity", "sev", "severity level", "incident severity",
            "priority", "impact level");
    private static final Set<String> CATEGORY = Set.of("category", "failure category", "cause category",
            "root cause category", "incident category", "classification");
    private static final Set<String> ZONE = Set.of("time zone", "timezone", "tz", "zone");
    private static final Set<String> AUTHORS = Set.of("authors", "author", "attendees", "participants", "owner",
            "owners", "responders");
    /** Facts that are never sections, whatever {@link SectionKind} says of their label. */
    private static final Set<String> FACTS_ONLY = Set.of("detection time", "recovery time", "resolution time",
            "time to detection", "time to recovery");

    private static final Pattern STAT = Pattern.compile("^([A-Za-z][A-Za-z /()'’-]{0,40}?)\\s*[:：]\\s*(.+)$");
    private static final Pattern SEVERITY_STATUS = Pattern.compile("(?i)^(sev(?:erity)?\\s*-?\\s*\\d|p\\s?\\d"
            + "|(?:critical|major|minor|high|medium|low)$)");
    private static final Pattern TITLE_PREFIX = Pattern.compile("(?i)^(?:(?:devops\\s+)?(?:blameless\\s+)?"
            + "(?:incident\\s+)?post[- ]?mortem(?:\\s+report)?|incident\\s+(?:report|review|retro(?:spective)?)|pir"
            + "|post[- ]incident\\s+review)\\s*(?:[:\\-–—|]+\\s*|$)");
    private static final Pattern DETECT_WORDS = Pattern.compile("(?i)\\b(alerts?|alerted|alerting|alarm|paged|pages"
            + "|pager|pagerduty|detected|noticed|notices|spotted|flag(?:s|ged)|fired|fires|first (?:customer )?reports?"
            + "|customers? (?:report|complain)\\w*|support tickets?|reported by)");
    private static final Pattern DECLARE_WORDS = Pattern.compile("(?i)\\b(declar\\w+|incident (?:opened|created|"
            + "raised|channel)|open(?:s|ed)? (?:an |the |a )?incident|raise[sd]? (?:an |the |a )?incident"
            + "|escalat\\w+|war ?room|incident commander)");
    private static final Pattern RESOLVE_WORDS = Pattern.compile("(?i)\\b(resolved|all[- ]clear|fully (?:recovered|"
            + "restored)|back to normal|returned to normal|service (?:restored|recovered)|recovered|restored"
            + "|incident (?:closed|over|ended|resolved))");
    private static final Pattern MITIGATE_WORDS = Pattern.compile("(?i)\\b(mitigat\\w+|stabili[sz]\\w+)");
    private static final Pattern NOT = Pattern.compile("(?i)\\b(not|no|never|without|partially|partly)\\b\\s*\\w*\\s*$");
    private static final Pattern DONE = Pattern.compile("(?i)(done|complete|completed|closed|fixed|resolved|finished"
            + "|✔|✅|yes)");

    /**
     * Parses one page. Never throws for bad content.
     *
     * @param pageId      the page's id (for the source key and the report)
     * @param title       the page's title
     * @param storageFormatXhtml the page body in storage format ({@code null} is an empty page)
     * @param defaultZone the zone of times that state none on a page that states none
     * @param now         the time of the import: later times (plus a day) are dropped, years are guessed from it
     */
    public ImportResult parse(String pageId, String title, String storageFormatXhtml, ZoneId defaultZone,
                              Instant now) {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(now, "now");
        String name = title == null || title.isBlank() ? "page " + pageId : title.strip();
        List<ImportProblem> problems = new ArrayList<>();
        if (storageFormatXhtml == null || storageFormatXhtml.isBlank()) {
            problems.add(new ImportProblem(ImportField.FILE, "the page is empty", 0));
            return new ImportResult(name, null, problems);
        }
        if (storageFormatXhtml.length() > MAX_CHARS) {
            problems.add(new ImportProblem(ImportField.FILE, "the page has " + storageFormatXhtml.length()
                    + " characters, more than the " + MAX_CHARS + " a post-mortem may have", 0));
            return new ImportResult(name, null, problems);
        }
        StorageFormat.Parsed parsed = StorageFormat.parse(storageFormatXhtml);
        for (String p : parsed.problems()) {
            problems.add(new ImportProblem(ImportField.FILE, p, p.startsWith("the page is not well-formed")
                    ? parsed.errorLine() : 0));
        }
        ConfluencePage page = ConfluencePage.read(parsed.root());
        boolean hasText = page.sections.stream().anyMatch(s -> s.heading() != null || !s.body().isEmpty());
        if (!hasText) {
            problems.add(new ImportProblem(ImportField.FILE, "the page has no text to import", 0));
            return new ImportResult(name, null, problems);
        }
        ImportedIncident incident = new Run(pageId, title, page, defaultZone, now, problems).read();
        return new ImportResult(name, incident, problems);
    }

    /** A fact: a label with its value, from a key/value table row or a "Label: value" line. */
    private record Fact(String label, String shownLabel, Text value, List<Block> blocks, int line, String where) {
    }

    private record Timed(Instant at, String where) {
    }

    /** One parse. */
    private static final class Run {
        private final String pageId;
        private final String pageTitle;
        private final ConfluencePage page;
        private final ZoneId defaultZone;
        private final Instant now;
        private final List<ImportProblem> problems;
        private final Map<ImportField, String> provenance = new EnumMap<>(ImportField.class);
        private final List<Fact> facts = new ArrayList<>();
        /** Sections: the page's own and those made from key/value table rows. */
        private final List<Section> sections = new ArrayList<>();
        private ZoneId zone;
        private int year;
        private LocalDate incidentDate;

        Run(String pageId, String pageTitle, ConfluencePage page, ZoneId defaultZone, Instant now,
            List<ImportProblem> problems) {
            this.pageId = pageId;
            this.pageTitle = pageTitle;
            this.page = page;
            this.defaultZone = defaultZone;
            this.now = now;
            this.problems = problems;
        }

        ImportedIncident read() {
            readFactsAndSections();
            if (sections.stream().noneMatch(s -> s.kind() != null)) {
                problems.add(new ImportProblem(ImportField.FILE, "no known section headings or details-table rows "
                        + "(summary, impact, timeline, root cause, action items, …); only the title and facts were "
                        + "read", 0));
            }
            readZone();
            year = now.atZone(zone).getYear();
            String title = title();
            readIncidentDate(title);
            provenance.put(ImportField.SOURCE_KEY, "page id");
            ImportedIncident.Builder b = ImportedIncident.builder(
                    ImportedIncident.sourceKey("confluence-page-" + pageId), title);
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
            String cause = String.join("\n", nonNull(rootCause, trigger, contributing, String.join("\n", whys)));
            b.category(category(cause));
            b.learnings(learnings());
            b.actionItems(actions());
            b.attendees(attendees());
            b.provenance(provenance);
            return b.build();
        }

        // ---- facts and sections ---------------------------------------------------------------------------------

        private void readFactsAndSections() {
            for (Section s : page.sections) {
                sections.add(s);
                boolean listy = s.kind() == SectionKind.TIMELINE || s.kind() == SectionKind.ACTIONS;
                String in = s.heading() == null ? "" : " in section \"" + s.heading() + "\"";
                for (Block block : s.body()) {
                    if (block.type() == BlockType.TABLE && !listy) {
                        keyValueRows(block, in);
                    } else if ((block.type() == BlockType.PARAGRAPH || block.type() == BlockType.ITEM) && !listy) {
                        for (String line : block.text().text().split("\n")) {
                            Matcher m = STAT.matcher(line.strip());
                            if (m.matches()) {
                                String v = m.group(2).strip();
                                addFact(m.group(1), new Text(v, v, List.of(), List.of(), List.of(), List.of()),
                                        List.of(), block.line(), "\"" + m.group(1).strip() + "\" line " + block.line());
                            }
                        }
                    }
                }
            }
        }

        /** A table whose rows start with a {@code th} (or that has two columns and no header row) is key/value. */
        private void keyValueRows(Block table, String in) {
            List<Row> rows = table.rows();
            boolean thFirst = rows.stream().allMatch(r -> r.cells().size() >= 2 && r.cells().get(0).header()
                    && !r.cells().get(1).header());
            boolean twoColumns = rows.stream().allMatch(r -> r.cells().size() == 2)
                    && rows.stream().noneMatch(Row::header);
            if (!thFirst && !twoColumns) {
                return;
            }
            for (Row r : rows) {
                Cell label = r.cells().get(0);
                Cell value = r.cells().get(1);
                String shown = label.text().text().replace('\n', ' ').replaceAll("[:：]\\s*$", "").strip();
                String norm = normalise(shown);
                if (shown.isEmpty()) {
                    continue;
                }
                Optional<SectionKind> kind = ConfluencePage.kind(shown);
                if (kind.isPresent() && kind.get() != SectionKind.STATS && !FACTS_ONLY.contains(norm)
                        && !isFactLabel(norm)) {
                    sections.add(new Section(kind.get(), shown, 7, r.line(), new ArrayList<>(value.blocks()),
                            "details table row"));
                } else {
                    addFact(shown, value.text(), value.blocks(), r.line(), "details table row \"" + shown
                            + "\" line " + r.line() + in);
                }
            }
        }

        private static boolean isFactLabel(String norm) {
            for (Set<String> labels : List.of(DATE, START, DETECTED, REPORTED, RESOLVED, TTD, TTR, DURATION,
                    SEVERITY, CATEGORY, ZONE, AUTHORS)) {
                if (labels.contains(norm)) {
                    return true;
                }
            }
            return false;
        }

        private void addFact(String label, Text value, List<Block> blocks, int line, String where) {
            String norm = normalise(label);
            if (!norm.isEmpty() && !value.text().isBlank()) {
                facts.add(new Fact(norm, label.strip(), value, blocks, line, where));
            }
        }

        private static String normalise(String label) {
            return label.toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)", " ").replaceAll("[^a-z ]", " ")
                    .replaceAll("\\s+", " ").strip();
        }

        private Optional<Fact> fact(Set<String> labels) {
            return facts.stream().filter(f -> labels.contains(f.label())).findFirst();
        }

        private List<Section> sections(SectionKind kind) {
            return sections.stream().filter(s -> s.kind() == kind).toList();
        }

        private void readZone() {
            Optional<Fact> tz = fact(ZONE);
            if (tz.isPresent()) {
                Optional<ZoneId> z = DateTimeText.zone(tz.get().value().text());
                if (z.isPresent()) {
                    zone = z.get();
                    provenance.put(ImportField.TIME_ZONE, tz.get().where());
                    return;
                }
                problems.add(new ImportProblem(ImportField.TIME_ZONE, "unknown time zone \""
                        + tz.get().value().text() + "\"", tz.get().line()));
            }
            for (Section s : sections) {
                for (Block block : s.body()) {
                    for (String text : texts(block)) {
                        Optional<ZoneId> z = DateTimeText.statedZone(text);
                        if (z.isPresent()) {
                            zone = z.get();
                            provenance.put(ImportField.TIME_ZONE, "line " + block.line());
                            return;
                        }
                    }
                }
            }
            zone = defaultZone;
            provenance.put(ImportField.TIME_ZONE, "import default");
        }

        private static List<String> texts(Block block) {
            if (block.type() != BlockType.TABLE) {
                return List.of(block.text().text());
            }
            List<String> texts = new ArrayList<>();
            for (Row r : block.rows()) {
                for (Cell c : r.cells()) {
                    texts.add(c.text().text());
                }
            }
            return texts;
        }

        // ---- title and texts ------------------------------------------------------------------------------------

        private String title() {
            String t = pageTitle == null ? "" : TITLE_PREFIX.matcher(pageTitle.strip()).replaceFirst("").strip();
            String where = "page title";
            if (!t.codePoints().anyMatch(Character::isLetterOrDigit)) {
                t = "";
                for (Section s : page.sections) {
                    if (s.kind() == null && s.heading() != null) {
                        t = TITLE_PREFIX.matcher(s.heading()).replaceFirst("").strip();
                        where = "heading line " + s.line();
                        break;
                    }
                }
            }
            if (t.isEmpty()) {
                t = "Confluence page " + pageId;
                where = "page id";
            }
            if (t.length() > FailureRecord.SUMMARY_MAX_LENGTH) {
                problems.add(new ImportProblem(ImportField.TITLE, "the title has " + t.length()
                        + " characters; cut to " + FailureRecord.SUMMARY_MAX_LENGTH, 0));
                t = t.substring(0, FailureRecord.SUMMARY_MAX_LENGTH - 1).strip() + "…";
            }
            provenance.put(ImportField.TITLE, where);
            return t;
        }

        private String summary() {
            String s = text(SectionKind.SUMMARY, ImportField.SUMMARY);
            if (s != null) {
                return s;
            }
            StringBuilder b = new StringBuilder();
            int first = 0;
            for (Block block : page.sections.get(0).body()) {
                if (block.type() == BlockType.PARAGRAPH && !STAT.matcher(block.text().text()).matches()) {
                    first = first == 0 ? block.line() : first;
                    b.append(b.isEmpty() ? "" : "\n").append(block.text().text());
                }
            }
            if (b.isEmpty()) {
                return null;
            }
            provenance.put(ImportField.SUMMARY, "text before the first heading, line " + first);
            return b.toString();
        }

        private String text(SectionKind kind, ImportField field) {
            StringBuilder b = new StringBuilder();
            List<String> where = new ArrayList<>();
            for (Section s : sections(kind)) {
                String t = sectionText(s);
                if (!t.isBlank()) {
                    b.append(b.isEmpty() ? "" : "\n\n").append(t);
                    where.add(where(s));
                }
            }
            if (b.isEmpty()) {
                return null;
            }
            provenance.put(field, String.join(", ", where));
            return b.toString();
        }

        private static String where(Section s) {
            return s.origin() + " \"" + s.heading() + "\" line " + s.line();
        }

        private static String sectionText(Section s) {
            StringBuilder b = new StringBuilder();
            for (Block block : s.body()) {
                String t;
                if (block.type() == BlockType.TABLE) {
                    StringBuilder rows = new StringBuilder();
                    for (Row r : block.rows()) {
                        rows.append(rows.isEmpty() ? "" : "\n").append(String.join(" | ",
                                r.cells().stream().map(c -> c.text().text().replace('\n', ' ')).toList()));
                    }
                    t = rows.toString();
                } else {
                    t = (block.type() == BlockType.ITEM || block.type() == BlockType.TASK ? "- " : "")
                            + block.text().text();
                }
                if (!t.isBlank()) {
                    b.append(b.isEmpty() ? "" : "\n").append(t);
                }
            }
            return b.toString();
        }

        // ---- dates and times ------------------------------------------------------------------------------------

        private void readIncidentDate(String title) {
            for (Set<String> labels : List.of(DATE, START)) {
                Optional<Fact> f = fact(labels);
                if (f.isPresent()) {
                    Optional<Found> d = DateTimeText.find(f.get().value().text(), year);
                    if (d.isPresent() && d.get().date() != null) {
                        incidentDate = d.get().date();
                        return;
                    }
                }
            }
            for (Candidate c : timelineCandidates()) {
                Optional<Found> d = DateTimeText.find(c.when(), year);
                if (d.isPresent() && d.get().date() != null) {
                    incidentDate = d.get().date();
                    return;
                }
            }
            for (Section s : sections) {
                if (s.kind() == SectionKind.ACTIONS) {
                    continue;
                }
                for (Block block : s.body()) {
                    for (String t : block.text().times()) {
                        Optional<Found> d = DateTimeText.find(t, year);
                        if (d.isPresent() && d.get().date() != null) {
                            incidentDate = d.get().date();
                            return;
                        }
                    }
                }
            }
            for (String text : nonNull(title, pageTitle)) {
                Optional<Found> d = DateTimeText.find(text, year);
                if (d.isPresent() && d.get().date() != null) {
                    incidentDate = d.get().date();
                    return;
                }
            }
        }

        private record Candidate(String when, String what, int line, boolean row, ZoneId zone) {
        }

        /** The timeline's lines: table rows (time column, the rest) and each line of its paragraphs and items. */
        private List<Candidate> timelineCandidates() {
            List<Candidate> out = new ArrayList<>();
            for (Section s : sections(SectionKind.TIMELINE)) {
                ZoneId tz = headingZone(s.heading()).orElse(null);
                for (Block block : s.body()) {
                    if (block.type() == BlockType.TABLE) {
                        List<Row> rows = block.rows();
                        int timeCol = 0;
                        int dateCol = -1;
                        if (!rows.isEmpty() && rows.get(0).header()) {
                            List<String> head = rows.get(0).cells().stream()
                                    .map(c -> c.text().text().toLowerCase(Locale.ROOT)).toList();
                            timeCol = Math.max(0, column(head, "time", "when", "timestamp", "utc", "date"));
                            dateCol = column(head, "date", "day");
                        }
                        for (Row r : rows) {
                            if (r.header()) {
                                continue;
                            }
                            StringBuilder when = new StringBuilder();
                            StringBuilder what = new StringBuilder();
                            for (int i = 0; i < r.cells().size(); i++) {
                                String c = r.cells().get(i).text().text().replace('\n', ' ');
                                if (i == dateCol && dateCol != timeCol) {
                                    when.insert(0, c + " ");
                                } else if (i == timeCol) {
                                    when.append(c);
                                } else if (!c.isBlank()) {
                                    what.append(what.isEmpty() ? "" : " — ").append(c);
                                }
                            }
                            out.add(new Candidate(when.toString().strip(), what.toString(), r.line(), true, tz));
                        }
                    } else {
                        for (String line : block.text().text().split("\n")) {
                            out.add(new Candidate(line, null, block.line(), false, tz));
                        }
                    }
                }
            }
            return out;
        }

        private static int column(List<String> head, String... names) {
            for (String n : names) {
                for (int i = 0; i < head.size(); i++) {
                    if (head.get(i).contains(n)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        private static Optional<ZoneId> headingZone(String heading) {
            if (heading == null) {
                return Optional.empty();
            }
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

        private List<TimelineEntry> timeline() {
            List<TimelineEntry> entries = new ArrayList<>();
            LocalDate current = incidentDate;
            Instant previous = null;
            boolean reportedNoDate = false;
            for (Candidate c : timelineCandidates()) {
                String text = c.when().replaceFirst("^\\s*[-*•]\\s+", "").strip();
                Optional<Found> found = DateTimeText.find(text, year, true);
                if (found.isEmpty()) {
                    continue;
                }
                Found f = found.get();
                String rest = c.what() != null ? c.what() : text.substring(Math.min(f.end(), text.length()));
                rest = rest.replaceFirst("^[\\s\\-–—:|)\\]>,.]+", "").strip();
                if (f.time() == null) {
                    if (c.row() || rest.replaceAll("[^A-Za-z]", "").isEmpty()) {
                        current = f.date();
                        previous = null;
                    }
                    continue;
                }
                LocalDate base = f.date() != null ? f.date() : current;
                if (base == null) {
                    if (!reportedNoDate) {
                        problems.add(new ImportProblem(ImportField.TIMELINE, "timeline times without a date: give "
                                + "the incident date in the details table (Date)", c.line()));
                        reportedNoDate = true;
                    }
                    continue;
                }
                ZoneId tz = c.zone() != null ? c.zone() : zone;
                Instant at = f.instant(base, tz).orElseThrow();
                if (f.date() == null && previous != null && at.isBefore(previous.minus(Duration.ofHours(1)))) {
                    base = base.plusDays(1);
                    at = f.instant(base, tz).orElseThrow();
                }
                current = base;
                previous = at;
                entries.add(new TimelineEntry(at, rest, c.line()));
            }
            if (!entries.isEmpty()) {
                provenance.put(ImportField.TIMELINE, where(sections(SectionKind.TIMELINE).get(0)) + " ("
                        + entries.size() + " entries)");
            }
            return entries;
        }

        private void times(ImportedIncident.Builder b, List<TimelineEntry> timeline) {
            Timed started = explicit(ImportField.STARTED_AT, START);
            Timed discovered = explicit(ImportField.DISCOVERED_AT, DETECTED);
            Timed reported = explicit(ImportField.REPORTED_AT, REPORTED);
            Timed resolved = explicit(ImportField.RESOLVED_AT, RESOLVED);
            String tl = sections(SectionKind.TIMELINE).isEmpty() ? "Timeline"
                    : sections(SectionKind.TIMELINE).get(0).heading();
            if (started == null && !timeline.isEmpty()) {
                started = new Timed(timeline.get(0).at(), "timeline \"" + tl + "\" line " + timeline.get(0).line());
            }
            if (discovered == null) {
                discovered = fromTimeline(timeline, DETECT_WORDS, tl);
            }
            if (reported == null) {
                reported = fromTimeline(timeline, DECLARE_WORDS, tl);
            }
            if (resolved == null) {
                resolved = fromTimeline(timeline, RESOLVE_WORDS, tl);
                if (resolved == null) {
                    resolved = fromTimeline(timeline, MITIGATE_WORDS, tl);
                }
            }
            Fact ttd = durationFact(TTD);
            Fact ttr = durationFact(TTR);
            Fact dur = durationFact(DURATION);
            if (discovered == null && started != null && ttd != null) {
                discovered = shift(started, ttd, 1, "start");
            }
            if (started == null && discovered != null && ttd != null) {
                started = shift(discovered, ttd, -1, "detection");
            }
            if (resolved == null && ttr != null && (discovered != null || started != null)) {
                resolved = discovered != null ? shift(discovered, ttr, 1, "detection") : shift(started, ttr, 1, "start");
            }
            if (resolved == null && started != null && dur != null) {
                resolved = shift(started, dur, 1, "start");
            }
            if (started == null && resolved != null && dur != null) {
                started = shift(resolved, dur, -1, "resolution");
            }
            Instant limit = now.plus(Duration.ofDays(1));
            started = set(ImportField.STARTED_AT, started, limit);
            discovered = set(ImportField.DISCOVERED_AT, discovered, limit);
            reported = set(ImportField.REPORTED_AT, reported, limit);
            resolved = set(ImportField.RESOLVED_AT, resolved, limit);
            b.startedAt(at(started)).discoveredAt(at(discovered)).reportedAt(at(reported)).resolvedAt(at(resolved));
            order(started, discovered, "started", "discovered");
            order(discovered, reported, "discovered", "reported");
            order(started, resolved, "started", "resolved");
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

        private static Timed fromTimeline(List<TimelineEntry> timeline, Pattern words, String heading) {
            for (TimelineEntry e : timeline) {
                Matcher m = words.matcher(e.text());
                while (m.find()) {
                    if (!NOT.matcher(e.text().substring(0, m.start())).find()) {
                        return new Timed(e.at(), "timeline \"" + heading + "\" line " + e.line());
                    }
                }
            }
            return null;
        }

        private static Timed shift(Timed base, Fact d, int sign, String from) {
            Duration duration = DateTimeText.duration(d.value().text()).orElseThrow();
            return new Timed(sign > 0 ? base.at().plus(duration) : base.at().minus(duration), d.where() + " ("
                    + d.value().text() + (sign > 0 ? " after " : " before ") + from + ", " + base.where() + ")");
        }

        private Fact durationFact(Set<String> labels) {
            Optional<Fact> f = fact(labels);
            if (f.isEmpty()) {
                return null;
            }
            if (DateTimeText.duration(f.get().value().text()).isEmpty()) {
                problems.add(new ImportProblem(ImportField.TIMELINE, "\"" + f.get().shownLabel()
                        + "\" is not a duration: " + f.get().value().text(), f.get().line()));
                return null;
            }
            return f.get();
        }

        private Timed explicit(ImportField field, Set<String> labels) {
            for (Fact f : facts) {
                if (!labels.contains(f.label())) {
                    continue;
                }
                Optional<Found> found = DateTimeText.find(f.value().text(), year);
                if (found.isPresent() && found.get().time() != null) {
                    Optional<Instant> at = found.get().instant(incidentDate, zone);
                    if (at.isPresent()) {
                        return new Timed(at.get(), f.where());
                    }
                    problems.add(new ImportProblem(field, "\"" + f.shownLabel() + "\" has a time but the incident "
                            + "date is not known", f.line()));
                } else if (found.isPresent() && field != ImportField.STARTED_AT) {
                    problems.add(new ImportProblem(field, "\"" + f.shownLabel() + "\" has a date but no time of day: "
                            + f.value().text(), f.line()));
                }
            }
            return null;
        }

        // ---- classification -------------------------------------------------------------------------------------

        private String severity() {
            Optional<Fact> f = fact(SEVERITY);
            if (f.isPresent()) {
                provenance.put(ImportField.SEVERITY, f.get().where());
                String v = f.get().value().text().replace('\n', ' ');
                return v.length() > 60 ? v.substring(0, 60).strip() : v;
            }
            for (Block status : page.statusMacros) {
                if (SEVERITY_STATUS.matcher(status.text().text()).find()) {
                    provenance.put(ImportField.SEVERITY, "status macro line " + status.line());
                    return status.text().text();
                }
            }
            return null;
        }

        private CategorySuggestion category(String causeText) {
            Optional<Fact> f = fact(CATEGORY);
            if (f.isPresent()) {
                var stated = CategorySuggester.stated(f.get().value().text());
                if (stated.isPresent()) {
                    provenance.put(ImportField.CATEGORY, f.get().where());
                    return CategorySuggestion.stated(stated.get());
                }
                problems.add(new ImportProblem(ImportField.CATEGORY, "\"" + f.get().value().text() + "\" is no "
                        + "failure category (design flaw, data gap, process deviation, external shock, other); "
                        + "suggested instead", f.get().line()));
            }
            StringBuilder other = new StringBuilder();
            for (Section s : sections) {
                if (s.kind() != SectionKind.ROOT_CAUSE && s.kind() != SectionKind.TRIGGER
                        && s.kind() != SectionKind.CONTRIBUTING && s.kind() != SectionKind.WHYS
                        && s.kind() != SectionKind.ATTENDEES) {
                    other.append(sectionText(s)).append('\n');
                }
            }
            Optional<CategorySuggestion> suggestion = CategorySuggester.suggest(causeText, other.toString());
            suggestion.ifPresent(x -> provenance.put(ImportField.CATEGORY, "suggested from the text, " + x.reason()));
            return suggestion.orElse(null);
        }

        // ---- lists ----------------------------------------------------------------------------------------------

        private List<String> whys() {
            List<String> whys = new ArrayList<>();
            List<String> where = new ArrayList<>();
            for (Section s : sections(SectionKind.WHYS)) {
                StringBuilder text = new StringBuilder();
                for (Block block : s.body()) {
                    for (String t : texts(block)) {
                        text.append(t).append('\n');
                    }
                }
                List<String> chain = WhyChain.parse(text.toString()).whys();
                if (!chain.isEmpty()) {
                    whys.addAll(chain);
                    where.add(where(s));
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
            for (Section s : sections) {
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
                boolean items = s.body().stream().anyMatch(bl -> bl.type() == BlockType.ITEM);
                int before = learnings.size();
                for (Block block : s.body()) {
                    if (block.type() != (items ? BlockType.ITEM : BlockType.PARAGRAPH)) {
                        continue;
                    }
                    String text = block.text().text().replace('\n', ' ');
                    if (text.length() > Learning.TEXT_MAX_LENGTH) {
                        problems.add(new ImportProblem(ImportField.LEARNINGS, "a learning has " + text.length()
                                + " characters; cut to " + Learning.TEXT_MAX_LENGTH, block.line()));
                        text = text.substring(0, Learning.TEXT_MAX_LENGTH - 1) + "…";
                    }
                    learnings.add(new ImportedLearning(text, kind, where(s).replaceFirst(" line \\d+$", "")
                            + " line " + block.line()));
                }
                if (learnings.size() > before) {
                    where.add(where(s));
                }
            }
            if (!where.isEmpty()) {
                provenance.put(ImportField.LEARNINGS, String.join(", ", where));
            }
            return learnings;
        }

        private List<ImportedAction> actions() {
            List<ImportedAction> actions = new ArrayList<>();
            List<String> where = new ArrayList<>();
            for (Section s : sections) {
                int before = actions.size();
                String heading = s.heading() == null ? "page" : where(s).replaceFirst(" line \\d+$", "");
                boolean actionSection = s.kind() == SectionKind.ACTIONS;
                for (Block block : s.body()) {
                    if (block.type() == BlockType.TASK) {
                        Text t = block.text();
                        add(actions, t.bare(), first(t.users()), due(t.times(), block.line()), block.done(),
                                heading + " task line " + block.line(), block.line());
                    } else if (actionSection && block.type() == BlockType.TABLE) {
                        table(actions, block, heading);
                    } else if (actionSection && block.type() == BlockType.ITEM) {
                        Text t = block.text();
                        boolean done = DONE.matcher(String.join(" ", t.statuses())).find();
                        String d = t.bare().replaceAll("(?i)\\((?:done|completed?)\\)", "").strip();
                        add(actions, d, first(t.users()), due(t.times(), block.line()),
                                done || !d.equals(t.bare().strip()), heading + " line " + block.line(), block.line());
                    }
                }
                for (Block block : s.body()) {
                    if (block.type() == BlockType.TABLE) {
                        for (Row r : block.rows()) {
                            for (Cell c : r.cells()) {
                                for (Block inner : c.blocks()) {
                                    if (inner.type() == BlockType.TASK) {
                                        Text t = inner.text();
                                        add(actions, t.bare(), first(t.users()), due(t.times(), inner.line()),
                                                inner.done(), heading + " task line " + inner.line(), inner.line());
                                    }
                                }
                            }
                        }
                    }
                }
                if (actions.size() > before) {
                    where.add(s.heading() == null ? "page line " + s.line() : where(s));
                }
            }
            if (!where.isEmpty()) {
                provenance.put(ImportField.ACTION_ITEMS, String.join(", ", where));
            }
            return actions;
        }

        private void table(List<ImportedAction> actions, Block table, String heading) {
            List<Row> rows = table.rows();
            if (rows.isEmpty()) {
                return;
            }
            Row head = rows.get(0).header() ? rows.get(0) : null;
            List<String> names = head == null ? List.of() : head.cells().stream()
                    .map(c -> c.text().text().toLowerCase(Locale.ROOT)).toList();
            int owner = column(names, "owner", "assignee", "who", "responsible", "dri");
            int due = column(names, "due", "deadline", "target", "by when");
            int status = column(names, "status", "state", "done");
            int issue = column(names, "issue", "ticket", "jira");
            int type = column(names, "type", "kind");
            int desc = column(names, "action", "item", "task", "description", "what", "follow", "remediation");
            if (desc < 0) {
                for (int i = 0; i < Math.max(1, names.size()); i++) {
                    if (i != owner && i != due && i != status && i != issue && i != type) {
                        desc = i;
                        break;
                    }
                }
            }
            for (Row r : rows) {
                if (r.header() || desc >= r.cells().size()) {
                    continue;
                }
                if (r.cells().stream().allMatch(c -> c.blocks().stream().allMatch(b -> b.type() == BlockType.TASK))
                        && r.cells().stream().anyMatch(c -> !c.blocks().isEmpty())) {
                    continue;
                }
                Text d = r.cells().get(desc).text();
                String description = d.bare().replace('\n', ' ');
                Text o = cell(r, owner);
                String who = o == null ? first(d.users()) : o.users().isEmpty() ? clean(o.text()) : o.users().get(0);
                Text dueText = cell(r, due);
                LocalDate dueDate = dueText == null ? null : dueText.times().isEmpty()
                        ? date(dueText.text()) : due(dueText.times(), r.line());
                Text st = cell(r, status);
                boolean done = st != null && DONE.matcher(st.text()).find()
                        && !st.text().toLowerCase(Locale.ROOT).contains("not ");
                Text is = cell(r, issue);
                List<String> keys = new ArrayList<>(d.issues());
                if (is != null) {
                    keys.addAll(is.issues().isEmpty() && !is.text().isBlank()
                            ? List.of(is.text().replace('\n', ' ')) : is.issues());
                }
                for (String k : keys) {
                    if (!description.contains(k)) {
                        description = description + " (" + k + ")";
                    }
                }
                add(actions, description, who, dueDate, done, heading + " table row line " + r.line(), r.line());
            }
        }

        private static Text cell(Row r, int i) {
            return i >= 0 && i < r.cells().size() ? r.cells().get(i).text() : null;
        }

        private static String clean(String owner) {
            String o = owner.replace('\n', ' ').replaceFirst("^@", "").strip();
            return o.isEmpty() || o.equals("-") || o.equalsIgnoreCase("tbd") ? null : o;
        }

        private LocalDate due(List<String> times, int line) {
            for (String t : times) {
                LocalDate d = date(t);
                if (d != null) {
                    return d;
                }
                problems.add(new ImportProblem(ImportField.ACTION_ITEMS, "a due date is not a date: " + t, line));
            }
            return null;
        }

        private LocalDate date(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            return DateTimeText.find(text, incidentDate != null ? incidentDate.getYear() : year)
                    .map(Found::date).orElse(null);
        }

        private void add(List<ImportedAction> actions, String description, String owner, LocalDate due,
                         boolean done, String where, int line) {
            String d = description.replace('\n', ' ').replaceAll("\\s{2,}", " ")
                    .replaceAll("[\\s,;:—–\\-(\\[]+$", "").replaceAll("(?i)\\s+(?:by|due|until|before|on)$", "")
                    .replaceAll("^[\\s,;:—–\\-]+", "").strip();
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
            Optional<Fact> f = fact(AUTHORS);
            if (f.isPresent()) {
                Text v = f.get().value();
                names.addAll(v.users());
                String rest = v.bare();
                for (String n : rest.split("[,;\\n]|\\band\\b")) {
                    String name = n.replaceAll("\\(.*?\\)", "").replaceFirst("^@", "").strip();
                    if (name.codePoints().anyMatch(Character::isLetter)) {
                        names.add(name);
                    }
                }
                provenance.put(ImportField.ATTENDEES, f.get().where());
            }
            for (Section s : sections(SectionKind.ATTENDEES)) {
                for (Block block : s.body()) {
                    if (block.type() == BlockType.ITEM || block.type() == BlockType.PARAGRAPH) {
                        names.addAll(block.text().users());
                        for (String n : block.text().bare().split("[,;\\n]")) {
                            String name = n.replaceAll("\\(.*?\\)", "").strip();
                            if (name.codePoints().anyMatch(Character::isLetter)) {
                                names.add(name);
                            }
                        }
                    }
                }
                provenance.putIfAbsent(ImportField.ATTENDEES, where(s));
            }
            return names.stream().distinct().toList();
        }

        private static String first(List<String> values) {
            return values.isEmpty() ? null : values.get(0);
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
