package dev.failforward.core.importing.tabular;

import dev.failforward.core.importing.CategorySuggester;
import dev.failforward.core.importing.CategorySuggestion;
import dev.failforward.core.importing.ImportField;
import dev.failforward.core.importing.ImportProblem;
import dev.failforward.core.importing.ImportResult;
import dev.failforward.core.importing.ImportText;
import dev.failforward.core.importing.ImportedAction;
import dev.failforward.core.importing.ImportedIncident;
import dev.failforward.core.importing.ImportedLearning;
import dev.failforward.core.importing.tabular.TabularData.Problem;
import dev.failforward.core.importing.tabular.TabularData.Row;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an incident tool's CSV or JSON export into one {@link ImportResult} per row, through a {@link ColumnMapping}
 * the user confirmed (propose one with {@link ColumnMapping#suggest(List)} on {@link #parse(String, String)}'s
 * headers). Never throws on bad content: a file that cannot be read at all (empty, binary, larger than
 * {@value #MAX_CHARS} characters, invalid JSON, a header and no rows) gives a single result named after the file with
 * no incident; a row that cannot be read gives a result with no incident; unreadable values are problems naming the
 * column and the row.
 *
 * <h2>Format</h2>
 * JSON when the file name ends in {@code .json}, or, with no {@code .csv}/{@code .tsv} name, when the content starts
 * with {@code [} or <code>{</code>; CSV otherwise ({@link CsvReader}, {@link JsonReader}).
 *
 * <h2>Each row</h2>
 * <ul>
 * <li>Result name: {@code file.csv#INC-42} with the row's id, else {@code file.csv#row 3} (data rows counted from 1,
 * the header not counted). Problems carry the file line the row starts on.</li>
 * <li>Source key: {@link ImportedIncident#sourceKey(String)} of the id, so re-importing a later export of the same
 * tool updates the same incidents whatever the file is called. Without an id: {@code row-} and the first 16 hex
 * digits of the SHA-256 of the title (stripped, lower case), {@code |} and the first known of startedAt,
 * discoveredAt, reportedAt (ISO-8601, or nothing); editing the title in the tool then makes a new incident, which the
 * row's problems say. Two rows with the same id in one file are reported.</li>
 * <li>Title: the title column; else the summary's first line; else the id; none of them gives no incident. Cut to
 * {@link FailureRecord#SUMMARY_MAX_LENGTH} with a problem.</li>
 * <li>Times: see {@link TabularDates}; zoneless values are in {@code zone}. Slash dates follow the mapping's
 * {@link ColumnMapping.DateOrder}; with {@code AUTO} the whole file is day first only when some value of its mapped
 * date columns starts with a number above 12 and none has one above 12 in second place (both at once is reported and
 * read month first). A time more than a day after {@code now} is dropped with a problem; times out of order are kept
 * and reported.</li>
 * <li>Category: stated in the category column ({@link CategorySuggester#stated(String)}); else, or when the stated
 * value names no category (reported), suggested from root cause, trigger and contributing factors (the cause text)
 * and title, summary and impact, and always marked "to confirm": a row of an export holds too little text to trust a
 * keyword score.</li>
 * <li>Learnings and action items: each mapped column's cell is a list, one item per line when the cell has line
 * breaks, else split at {@code ;}; bullets and numbering are dropped. A learning's kind comes from its column's name
 * ("went well", "lucky", "went wrong"/"badly"/"surprise", else insight). An action item starting {@code [x]} is done;
 * its owner is an {@code @handle} in it or "owner: Name" in brackets.</li>
 * <li>Owner: kept as the incident's only attendee. Post-mortem URL: added to the summary as a last line
 * "Post-mortem: URL".</li>
 * </ul>
 */
public final class TabularImporter {

    /** Larger files are refused; about 30,000 incidents of 1 KB. */
    public static final int MAX_CHARS = 32 * 1024 * 1024;

    private static final Duration FUTURE_SLACK = Duration.ofDays(1);

    private TabularImporter() {
    }

    /** The file as rows, for {@link ColumnMapping#suggest(List)} and a preview; never throws on bad content. */
    public static TabularData parse(String fileName, String content) {
        Objects.requireNonNull(fileName, "fileName");
        String format = format(fileName, content);
        if (content == null || content.replace("\uFEFF", "").isBlank()) {
            return fatal(format, "the file is empty");
        }
        if (content.length() > MAX_CHARS) {
            return fatal(format, "the file has " + content.length() + " characters, more than the " + MAX_CHARS
                    + " an export may have");
        }
        if (ImportText.looksBinary(content)) {
            return fatal(format, "the file is not text (binary content, or an encoding other than UTF-8)");
        }
        TabularData data = format.equals("json") ? JsonReader.read(content) : CsvReader.read(content);
        long replaced = content.chars().filter(c -> c == '\uFFFD').count();
        if (replaced > 0) {
            List<Problem> problems = new ArrayList<>(data.problems());
            problems.add(0, new Problem(0, 0, replaced + " character(s) could not be read as UTF-8 and show as "
                    + "\uFFFD; export the file as UTF-8 and import it again", false));
            return new TabularData(data.format(), data.headers(), data.rows(), problems);
        }
        return data;
    }

    /** Reads every row of the file through {@code mapping}; see the class comment. */
    public static List<ImportResult> read(String fileName, String content, ColumnMapping mapping, ZoneId zone,
                                          Instant now) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        TabularData data = parse(fileName, content);
        List<ImportProblem> fileProblems = new ArrayList<>();
        boolean fatal = false;
        Map<Integer, List<ImportProblem>> rowProblems = new HashMap<>();
        java.util.Set<Integer> rowNumbers = new java.util.HashSet<>();
        data.rows().forEach(r -> rowNumbers.add(r.number()));
        for (Problem p : data.problems()) {
            ImportProblem ip = new ImportProblem(ImportField.FILE, p.message(), p.line());
            fatal |= p.fatal();
            if (rowNumbers.contains(p.row())) {
                rowProblems.computeIfAbsent(p.row(), r -> new ArrayList<>()).add(ip);
            } else {
                fileProblems.add(ip);
            }
        }
        if (fatal || data.rows().isEmpty()) {
            if (fileProblems.isEmpty()) {
                fileProblems.add(new ImportProblem(ImportField.FILE, "the file holds no rows", 0));
            }
            return List.of(new ImportResult(fileName, null, fileProblems));
        }
        for (Map.Entry<MappedField, List<String>> e : mapping.columns().entrySet()) {
            for (String column : e.getValue()) {
                if (!data.headers().contains(column)) {
                    fileProblems.add(new ImportProblem(field(e.getKey()), "the column \"" + column + "\" mapped to "
                            + e.getKey().key() + " is not in the file", 0));
                }
            }
        }
        boolean dayFirst = dayFirst(data, mapping, fileProblems);
        int defaultYear = now.atZone(zone).getYear();
        List<ImportResult> results = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (Row row : data.rows()) {
            List<ImportProblem> problems = new ArrayList<>(fileProblems);
            problems.addAll(rowProblems.getOrDefault(row.number(), List.of()));
            RowReader reader = new RowReader(fileName, row, mapping, zone, now, dayFirst, defaultYear, problems);
            String id = reader.text(MappedField.SOURCE_ID);
            String name = fileName + "#" + (id != null ? id : "row " + row.number());
            if (id != null) {
                Integer earlier = ids.putIfAbsent(ImportedIncident.sourceKey(id), row.number());
                if (earlier != null) {
                    problems.add(new ImportProblem(ImportField.SOURCE_KEY, "row " + row.number() + ": the id \""
                            + id + "\" is also on row " + earlier + "; both would update the same incident",
                            row.line()));
                }
            }
            ImportedIncident incident = reader.read(id);
            results.add(new ImportResult(name, incident, problems));
        }
        return results;
    }

    private static boolean dayFirst(TabularData data, ColumnMapping mapping, List<ImportProblem> problems) {
        if (mapping.dateOrder() != ColumnMapping.DateOrder.AUTO) {
            return mapping.dateOrder() == ColumnMapping.DateOrder.DAY_FIRST;
        }
        boolean firstAbove12 = false;
        boolean secondAbove12 = false;
        for (MappedField f : List.of(MappedField.STARTED_AT, MappedField.DISCOVERED_AT, MappedField.REPORTED_AT,
                MappedField.RESOLVED_AT)) {
            String column = mapping.column(f);
            if (column == null) {
                continue;
            }
            for (Row row : data.rows()) {
                String v = row.get(column);
                Matcher m = v == null ? null : TabularDates.SLASH_DATE.matcher(v);
                if (m != null && m.find()) {
                    firstAbove12 |= Integer.parseInt(m.group(1)) > 12;
                    secondAbove12 |= Integer.parseInt(m.group(2)) > 12;
                }
            }
        }
        if (firstAbove12 && secondAbove12) {
            problems.add(new ImportProblem(ImportField.TIME_ZONE, "the file has dates with a day first (13/…) and "
                    + "others with a month first (…/13/…); read month first, set the date order to fix it", 0));
            return false;
        }
        return firstAbove12;
    }

    private static ImportField field(MappedField f) {
        return switch (f) {
            case SOURCE_ID -> ImportField.SOURCE_KEY;
            case TITLE -> ImportField.TITLE;
            case SUMMARY, POSTMORTEM_URL -> ImportField.SUMMARY;
            case IMPACT -> ImportField.IMPACT;
            case DETECTION -> ImportField.DETECTION;
            case RESOLUTION -> ImportField.RESOLUTION;
            case ROOT_CAUSE -> ImportField.ROOT_CAUSE;
            case TRIGGER -> ImportField.TRIGGER;
            case CONTRIBUTING_FACTORS -> ImportField.CONTRIBUTING_FACTORS;
            case STARTED_AT -> ImportField.STARTED_AT;
            case DISCOVERED_AT -> ImportField.DISCOVERED_AT;
            case REPORTED_AT -> ImportField.REPORTED_AT;
            case RESOLVED_AT -> ImportField.RESOLVED_AT;
            case SEVERITY -> ImportField.SEVERITY;
            case CATEGORY -> ImportField.CATEGORY;
            case FAILURE_TYPE -> ImportField.FAILURE_TYPE;
            case LEARNINGS -> ImportField.LEARNINGS;
            case ACTION_ITEMS -> ImportField.ACTION_ITEMS;
            case OWNER -> ImportField.ATTENDEES;
        };
    }

    private static String format(String fileName, String content) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return "json";
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return "csv";
        }
        String start = content == null ? "" : content.replace("\uFEFF", "").stripLeading();
        return start.startsWith("[") || start.startsWith("{") ? "json" : "csv";
    }

    private static TabularData fatal(String format, String message) {
        return new TabularData(format, List.of(), List.of(), List.of(new Problem(0, 0, message, true)));
    }

    /** Reads one row; collects problems instead of throwing. */
    private static final class RowReader {
        private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*+•]|\\d{1,3}[.)])\\s+");
        private static final Pattern CHECKBOX = Pattern.compile("^\\[([ xX])\\]\\s*");
        private static final Pattern OWNER_AT = Pattern.compile("(?U)(?<![\\w.])@([A-Za-z][\\w.-]*[A-Za-z0-9])");
        private static final Pattern OWNER_LABEL = Pattern.compile("(?i)\\s*[(\\[]\\s*(?:owner|assignee)\\s*[:=]\\s*"
                + "([^)\\]]+?)\\s*[)\\]]");

        private final String fileName;
        private final Row row;
        private final ColumnMapping mapping;
        private final ZoneId zone;
        private final Instant now;
        private final boolean dayFirst;
        private final int defaultYear;
        private final List<ImportProblem> problems;
        private final Map<ImportField, String> provenance = new EnumMap<>(ImportField.class);

        RowReader(String fileName, Row row, ColumnMapping mapping, ZoneId zone, Instant now, boolean dayFirst,
                  int defaultYear, List<ImportProblem> problems) {
            this.fileName = fileName;
            this.row = row;
            this.mapping = mapping;
            this.zone = zone;
            this.now = now;
            this.dayFirst = dayFirst;
            this.defaultYear = defaultYear;
            this.problems = problems;
        }

        private String where(String column) {
            return "column \"" + column + "\" row " + row.number();
        }

        /** The text of a single-column field, with its provenance; {@code null} when unmapped or blank. */
        String text(MappedField field) {
            String column = mapping.column(field);
            if (column == null) {
                return null;
            }
            String v = row.get(column);
            if (v != null && field != MappedField.SOURCE_ID) {
                provenance.put(field(field), where(column));
            }
            return v;
        }

        ImportedIncident read(String id) {
            String summary = text(MappedField.SUMMARY);
            String url = text(MappedField.POSTMORTEM_URL);
            if (url != null) {
                summary = (summary == null ? "" : summary + "\n\n") + "Post-mortem: " + url;
                provenance.put(ImportField.SUMMARY, summary.startsWith("Post-mortem: ")
                        ? where(mapping.column(MappedField.POSTMORTEM_URL))
                        : where(mapping.column(MappedField.SUMMARY)) + " and "
                                + where(mapping.column(MappedField.POSTMORTEM_URL)));
            }
            String title = title(id, summary);
            if (title == null) {
                problems.add(new ImportProblem(ImportField.TITLE, "row " + row.number() + " has no title"
                        + (mapping.mapped(MappedField.TITLE) ? " (column \"" + mapping.column(MappedField.TITLE)
                        + "\" is empty)" : " (no column is mapped to the title)") + ", summary or id; skipped",
                        row.line()));
                return null;
            }
            Instant started = time(MappedField.STARTED_AT);
            Instant discovered = time(MappedField.DISCOVERED_AT);
            Instant reported = time(MappedField.REPORTED_AT);
            Instant resolved = time(MappedField.RESOLVED_AT);
            order(started, discovered, "started", "discovered");
            order(discovered, reported, "discovered", "reported");
            order(started != null ? started : discovered != null ? discovered : reported, resolved,
                    started != null ? "started" : discovered != null ? "discovered" : "reported", "resolved");
            String key = sourceKey(id, title, started != null ? started : discovered != null ? discovered : reported);
            String impact = text(MappedField.IMPACT);
            String rootCause = text(MappedField.ROOT_CAUSE);
            String trigger = text(MappedField.TRIGGER);
            String factors = text(MappedField.CONTRIBUTING_FACTORS);
            String owner = text(MappedField.OWNER);
            ImportedIncident.Builder b = ImportedIncident.builder(key, title)
                    .summary(summary)
                    .impact(impact)
                    .detection(text(MappedField.DETECTION))
                    .resolution(text(MappedField.RESOLUTION))
                    .rootCause(rootCause)
                    .trigger(trigger)
                    .contributingFactors(factors)
                    .startedAt(started)
                    .discoveredAt(discovered)
                    .reportedAt(reported)
                    .resolvedAt(resolved)
                    .severity(severity())
                    .failureType(failureType())
                    .learnings(learnings())
                    .actionItems(actions())
                    .attendees(owner == null ? List.of() : List.of(owner));
            b.category(category(join(rootCause, trigger, factors), join(title, summary, impact)));
            provenance.put(ImportField.SOURCE_KEY, id != null ? where(mapping.column(MappedField.SOURCE_ID))
                    : "hash of title and start, row " + row.number());
            return b.provenance(provenance).build();
        }

        private String title(String id, String summary) {
            String t = text(MappedField.TITLE);
            if (t == null && summary != null && !summary.startsWith("Post-mortem: ")) {
                t = summary.lines().filter(l -> !l.isBlank()).findFirst().orElse(null);
                provenance.put(ImportField.TITLE, "first line of " + where(mapping.column(MappedField.SUMMARY)));
            }
            if (t == null && id != null) {
                t = id;
                provenance.put(ImportField.TITLE, "the id, " + where(mapping.column(MappedField.SOURCE_ID)));
            }
            if (t == null) {
                return null;
            }
            t = t.replaceAll("\\s+", " ").strip();
            if (t.length() > FailureRecord.SUMMARY_MAX_LENGTH) {
                problems.add(new ImportProblem(ImportField.TITLE, "row " + row.number() + ": the title has "
                        + t.length() + " characters; cut to " + FailureRecord.SUMMARY_MAX_LENGTH, row.line()));
                t = t.substring(0, FailureRecord.SUMMARY_MAX_LENGTH - 1).strip() + "…";
            }
            return t;
        }

        private String sourceKey(String id, String title, Instant start) {
            if (id != null) {
                return ImportedIncident.sourceKey(id);
            }
            problems.add(new ImportProblem(ImportField.SOURCE_KEY, "row " + row.number() + " has no id"
                    + (mapping.mapped(MappedField.SOURCE_ID) ? "" : " column") + "; its key is a hash of title and "
                    + "start, so a title edited in the tool imports as a new incident", row.line()));
            return hashKey(title, start);
        }

        private Instant time(MappedField field) {
            String column = mapping.column(field);
            String v = column == null ? null : row.get(column);
            if (v == null) {
                return null;
            }
            Optional<Instant> at = TabularDates.parse(v, zone, dayFirst, defaultYear);
            if (at.isEmpty()) {
                problems.add(new ImportProblem(field(field), where(column) + ": \"" + shorten(v)
                        + "\" is not a date and time", row.line()));
                return null;
            }
            if (at.get().isAfter(now.plus(FUTURE_SLACK))) {
                problems.add(new ImportProblem(field(field), where(column) + ": " + at.get()
                        + " is in the future; dropped", row.line()));
                return null;
            }
            provenance.put(field(field), where(column));
            return at.get();
        }

        private void order(Instant earlier, Instant later, String earlierName, String laterName) {
            if (earlier != null && later != null && later.isBefore(earlier)) {
                problems.add(new ImportProblem(ImportField.TIMELINE, "row " + row.number() + ": " + laterName + " ("
                        + later + ") is before " + earlierName + " (" + earlier + "); both kept", row.line()));
            }
        }

        private String severity() {
            String s = text(MappedField.SEVERITY);
            return s == null ? null : shorten(s.replaceAll("\\s+", " "));
        }

        private FailureType failureType() {
            String column = mapping.column(MappedField.FAILURE_TYPE);
            String v = column == null ? null : row.get(column);
            if (v == null) {
                return null;
            }
            String l = v.toLowerCase(Locale.ROOT);
            FailureType type = l.startsWith("basic") || l.startsWith("preventable") ? FailureType.BASIC
                    : l.startsWith("complex") ? FailureType.COMPLEX
                    : l.startsWith("intelligent") ? FailureType.INTELLIGENT : null;
            if (type == null) {
                problems.add(new ImportProblem(ImportField.FAILURE_TYPE, where(column) + ": \"" + shorten(v)
                        + "\" is no failure type (basic, complex, intelligent)", row.line()));
                return null;
            }
            provenance.put(ImportField.FAILURE_TYPE, where(column));
            return type;
        }

        private CategorySuggestion category(String causeText, String otherText) {
            String column = mapping.column(MappedField.CATEGORY);
            String v = column == null ? null : row.get(column);
            if (v != null) {
                Optional<FailureCategory> stated = CategorySuggester.stated(v);
                if (stated.isPresent()) {
                    provenance.put(ImportField.CATEGORY, where(column));
                    return CategorySuggestion.stated(stated.get());
                }
                problems.add(new ImportProblem(ImportField.CATEGORY, where(column) + ": \"" + shorten(v)
                        + "\" names no category (design flaw, data gap, process deviation, external shock, other);"
                        + " suggested from the text instead", row.line()));
            }
            Optional<CategorySuggestion> s = CategorySuggester.suggest(causeText, otherText);
            if (s.isEmpty()) {
                return null;
            }
            provenance.put(ImportField.CATEGORY, "suggested from the text, " + s.get().reason());
            return new CategorySuggestion(s.get().category(), true, s.get().reason());
        }

        private List<ImportedLearning> learnings() {
            List<ImportedLearning> learnings = new ArrayList<>();
            List<String> where = new ArrayList<>();
            for (String column : mapping.columns(MappedField.LEARNINGS)) {
                LearningKind kind = kind(column);
                for (String item : items(row.get(column))) {
                    if (item.length() > Learning.TEXT_MAX_LENGTH) {
                        problems.add(new ImportProblem(ImportField.LEARNINGS, where(column) + ": a learning has "
                                + item.length() + " characters; cut to " + Learning.TEXT_MAX_LENGTH, row.line()));
                        item = item.substring(0, Learning.TEXT_MAX_LENGTH - 1) + "…";
                    }
                    learnings.add(new ImportedLearning(item, kind, where(column)));
                    if (!where.contains(column)) {
                        where.add(column);
                    }
                }
            }
            if (!where.isEmpty()) {
                provenance.put(ImportField.LEARNINGS, columnsWhere(where));
            }
            return learnings;
        }

        private List<ImportedAction> actions() {
            List<ImportedAction> actions = new ArrayList<>();
            List<String> where = new ArrayList<>();
            for (String column : mapping.columns(MappedField.ACTION_ITEMS)) {
                for (String item : items(row.get(column))) {
                    boolean done = false;
                    Matcher box = CHECKBOX.matcher(item);
                    if (box.find()) {
                        done = !box.group(1).isBlank();
                        item = item.substring(box.end());
                    }
                    String owner = null;
                    Matcher label = OWNER_LABEL.matcher(item);
                    if (label.find()) {
                        owner = label.group(1).strip();
                        item = (item.substring(0, label.start()) + item.substring(label.end())).strip();
                    } else {
                        Matcher at = OWNER_AT.matcher(item);
                        if (at.find()) {
                            owner = at.group(1);
                        }
                    }
                    if (item.isBlank()) {
                        continue;
                    }
                    if (item.length() > ActionItem.DESCRIPTION_MAX_LENGTH) {
                        problems.add(new ImportProblem(ImportField.ACTION_ITEMS, where(column) + ": an action item "
                                + "has " + item.length() + " characters; cut to " + ActionItem.DESCRIPTION_MAX_LENGTH,
                                row.line()));
                        item = item.substring(0, ActionItem.DESCRIPTION_MAX_LENGTH - 1) + "…";
                    }
                    actions.add(new ImportedAction(item, owner, null, done, where(column)));
                    if (!where.contains(column)) {
                        where.add(column);
                    }
                }
            }
            if (!where.isEmpty()) {
                provenance.put(ImportField.ACTION_ITEMS, columnsWhere(where));
            }
            return actions;
        }

        private String columnsWhere(List<String> columns) {
            return columns.size() == 1 ? where(columns.get(0))
                    : "columns \"" + String.join("\", \"", columns) + "\" row " + row.number();
        }

        private static LearningKind kind(String column) {
            String c = column.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ");
            if (c.contains("went well")) {
                return LearningKind.WENT_WELL;
            }
            if (c.contains("lucky")) {
                return LearningKind.GOT_LUCKY;
            }
            if (c.contains("went wrong") || c.contains("badly") || c.contains("surprise")) {
                return LearningKind.SURPRISE;
            }
            return LearningKind.INSIGHT;
        }

        /** A list cell: one item per line when it has line breaks, else split at {@code ;}. */
        static List<String> items(String cell) {
            if (cell == null) {
                return List.of();
            }
            String[] parts = cell.contains("\n") ? cell.split("\\r?\\n") : cell.split(";");
            List<String> items = new ArrayList<>();
            for (String p : parts) {
                String item = BULLET.matcher(p).replaceFirst("").strip();
                if (!item.isEmpty()) {
                    items.add(item);
                }
            }
            return items;
        }
    }

    static String hashKey(String title, Instant start) {
        String basis = title.strip().toLowerCase(Locale.ROOT) + "|" + (start == null ? "" : start.toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "row-" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String join(String... texts) {
        StringBuilder sb = new StringBuilder();
        for (String t : texts) {
            if (t != null) {
                sb.append(t).append('\n');
            }
        }
        return sb.toString();
    }

    private static String shorten(String v) {
        return v.length() > 80 ? v.substring(0, 79) + "…" : v;
    }
}
