package dev.failforward.preview.jira;

import com.atlassian.jira.issue.fields.CustomField;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordPage;
import dev.failforward.jira.failuredb.BrowsableProjects;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.FieldRegistry;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoRecordFieldSearch;
import dev.failforward.jira.persistence.RecordFieldQuery;
import dev.failforward.jira.persistence.RecordFieldQuery.Bound;
import dev.failforward.jira.persistence.RecordFieldQuery.Comparison;
import dev.failforward.jira.persistence.RecordFieldQuery.Field;
import dev.failforward.preview.jira.Jql.Clause;
import dev.failforward.preview.jira.Jql.JqlException;
import dev.failforward.preview.jira.Jql.Operator;
import dev.failforward.preview.jira.Jql.Value;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The preview's issue search ({@code /issues/?jql=…}, where the KPI charts' "Open in issue search" links go): the JQL
 * the plugin writes ({@code KpiSearchLinks}) and a little more, run over the failure database — every preview issue is
 * projected into a failure record, and the demo records stand for issues of a Jira the preview does not run, so the
 * records are every issue the preview has.
 *
 * <p>Understood: clauses joined by {@code AND} on {@code project} and {@code issuetype} ({@code =}, {@code IN}),
 * {@code key} ({@code =}, {@code IN}), and the times {@code created}, {@code updated} and the Fail Forward date fields
 * by id, {@code cf[ID]} (Started, Decided, Discovered, Reported, Resolved; {@code = > >= < <=}, a date
 * {@code yyyy-MM-dd} or {@code yyyy/MM/dd}, optionally with {@code HH:mm}, in the user's time zone as Jira reads it),
 * and the count fields by id or name ({@code "Failure learnings" >= 3}, {@code "Failure next steps" = 0}; a whole
 * number, {@code = > >= < <=}: what Jira's number range searcher answers from its index, here counted in the failure
 * database); {@code ORDER BY} one of {@code key}, {@code created}, {@code updated} or those fields, {@code ASC} or {@code DESC}
 * (by default: key ascending, times newest first); without {@code ORDER BY}, newest created first. The ids come from
 * the field registry on every search, so a field whose id differs in another instance is still found. Anything else
 * is refused with a {@link JqlException} naming the clause, as Jira answers a query it cannot run (400), never with
 * an empty result; a project the user may not browse is "does not exist", exactly like a missing one.
 */
public final class PreviewIssueSearch {

    public static final int PAGE_SIZE = 50;

    /** The Fail Forward fields the search compares and orders by, and their column of the failure record. */
    private static final Map<FailForwardField, Field> DATE_FIELDS = new LinkedHashMap<>();

    static {
        DATE_FIELDS.put(FailForwardField.STARTED_AT, Field.STARTED);
        DATE_FIELDS.put(FailForwardField.DECIDED_AT, Field.DECIDED);
        DATE_FIELDS.put(FailForwardField.DISCOVERED_AT, Field.DISCOVERED);
        DATE_FIELDS.put(FailForwardField.REPORTED_AT, Field.REPORTED);
        DATE_FIELDS.put(FailForwardField.RESOLVED_AT, Field.RESOLVED);
    }

    /** The count fields the search compares, and what they count. */
    private static final Map<FailForwardField, RecordFieldQuery.Count> COUNT_FIELDS = Map.of(
            FailForwardField.LEARNING_COUNT, RecordFieldQuery.Count.LEARNINGS,
            FailForwardField.NEXT_STEP_COUNT, RecordFieldQuery.Count.NEXT_STEPS);
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}(\\.0+)?");

    private static final Pattern CUSTOM_FIELD = Pattern.compile("(?i)cf\\[(\\d{1,18})]");
    private static final Pattern RELATIVE = Pattern.compile("[-+]?\\s*\\d+\\s*[wdhm](\\s*[-+]?\\s*\\d+\\s*[wdhm])*",
            Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    /** The longest query the search reads. */
    public static final int MAX_LENGTH = 10_000;

    private final AoRecordFieldSearch records;
    private final BrowsableProjects projects;
    private final FieldRegistry registry;
    private final KpiUserContext user;
    private final java.util.function.Function<FailForwardField, String> names;

    public PreviewIssueSearch(AoRecordFieldSearch records, RecordPermissions permissions, FieldRegistry registry,
                              KpiUserContext user) {
        this(records, permissions, registry, user, FailForwardField::key);
    }

    /**
     * @param names each field's display name, as JQL may name it ({@code "Failure learnings" >= 3}); Jira matches
     *              names case-insensitively
     */
    public PreviewIssueSearch(AoRecordFieldSearch records, RecordPermissions permissions, FieldRegistry registry,
                              KpiUserContext user, java.util.function.Function<FailForwardField, String> names) {
        this.names = Objects.requireNonNull(names, "names");
        this.records = Objects.requireNonNull(records, "records");
        this.projects = new BrowsableProjects(permissions);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.user = Objects.requireNonNull(user, "user");
    }

    /**
     * One page of the issues matching the query.
     *
     * @param column what the result table shows besides key, summary, type and status: the time the query orders
     *               by, with the i18n key of its name; {@code null} when it orders by key
     */
    public record Result(RecordFieldQuery query, RecordPage page, Field column, String columnI18nKey) {
        /** The shown column's value for a record of the page ({@code null} when none). */
        public Instant columnValue(FailureRecord record) {
            return column == null ? null : column.valueOf(record);
        }
    }

    /**
     * Runs the query for the current user, from the {@code offset}-th issue.
     *
     * @throws JqlException when the query is not JQL, or says what the preview's search does not do; the message
     *                      names the clause
     */
    public Result search(String jql, int offset) {
        if (jql != null && jql.length() > MAX_LENGTH) {
            throw new JqlException("preview.search.error.toolong", Integer.toString(MAX_LENGTH));
        }
        Jql.Query parsed = Jql.parse(jql);
        Map<Long, FailForwardField> ours = customFieldIds();
        Set<String> inProjects = null;
        Set<RecordKind> kinds = null;
        Set<String> keys = null;
        List<Bound> bounds = new ArrayList<>();
        List<RecordFieldQuery.CountBound> counts = new ArrayList<>();
        for (Clause clause : parsed.clauses()) {
            String name = clause.field().toLowerCase(Locale.ROOT);
            switch (name) {
                case "project" -> inProjects = intersect(inProjects, projects(clause));
                case "issuetype", "type" -> kinds = intersect(kinds, kinds(clause));
                case "key", "issuekey" -> keys = intersect(keys, keys(clause));
                default -> {
                    RecordFieldQuery.Count count = countField(clause.field(), ours);
                    if (count != null) {
                        counts.add(countBound(clause, count));
                    } else {
                        bounds.add(bound(clause, timeField(clause.field(), clause.text(), ours)));
                    }
                }
            }
        }
        Field sort = Field.CREATED;
        boolean ascending = false;
        if (parsed.sorts().size() > 1) {
            throw new JqlException("preview.search.error.sort.many",
                    parsed.sorts().stream().map(Jql.Sort::text).collect(Collectors.joining(", ")));
        }
        if (!parsed.sorts().isEmpty()) {
            Jql.Sort by = parsed.sorts().get(0);
            String name = by.field().toLowerCase(Locale.ROOT);
            sort = name.equals("key") || name.equals("issuekey") ? Field.KEY
                    : timeField(by.field(), "ORDER BY " + by.text(), ours);
            ascending = by.ascending() != null ? by.ascending() : sort == Field.KEY;
        }
        Set<String> allowed = inProjects == null ? projects.all() : inProjects;
        RecordFieldQuery query = new RecordFieldQuery(allowed, kinds, keys, bounds, sort, ascending,
                new PageRequest(Math.max(0, offset), PAGE_SIZE), counts);
        return new Result(query, records.search(query), sort == Field.KEY ? null : sort, columnI18nKey(sort));
    }

    /** Custom field id (the number of {@code customfield_10208}) of each Fail Forward field, as the registry has them. */
    private Map<Long, FailForwardField> customFieldIds() {
        Map<Long, FailForwardField> ids = new LinkedHashMap<>();
        for (FailForwardField field : FailForwardField.values()) {
            registry.field(field).map(CustomField::getIdAsLong).ifPresent(id -> ids.put(id, field));
        }
        return ids;
    }

    private Set<String> projects(Clause clause) {
        Set<String> browsable = projects.all();
        Set<String> keys = new LinkedHashSet<>();
        for (Value value : values(clause, Operator.EQUALS, Operator.IN)) {
            String key = value.text().strip().toUpperCase(Locale.ROOT);
            if (!browsable.contains(key)) {
                // Jira's answer for a project that does not exist or that the user may not browse: the same 400
                throw new JqlException("preview.search.error.value", value.text(), clause.field());
            }
            keys.add(key);
        }
        return keys;
    }

    private static Set<RecordKind> kinds(Clause clause) {
        Set<RecordKind> kinds = EnumSet.noneOf(RecordKind.class);
        for (Value value : values(clause, Operator.EQUALS, Operator.IN)) {
            String type = value.text().strip();
            if (type.equalsIgnoreCase("Experiment")) {
                kinds.add(RecordKind.EXPERIMENT);
            } else if (type.equalsIgnoreCase("Incident")) {
                kinds.add(RecordKind.INCIDENT);
            } else {
                throw new JqlException("preview.search.error.value", value.text(), clause.field());
            }
        }
        return kinds;
    }

    private static Set<String> keys(Clause clause) {
        Set<String> keys = new LinkedHashSet<>();
        for (Value value : values(clause, Operator.EQUALS, Operator.IN)) {
            String key = value.text().strip().toUpperCase(Locale.ROOT);
            if (!FailureRecord.isIssueKey(key)) {
                throw new JqlException("preview.search.error.key", value.text(), clause.field());
            }
            keys.add(key);
        }
        if (keys.size() > RecordFieldQuery.MAX_ISSUE_KEYS) {
            throw new JqlException("preview.search.error.keys.many", clause.text(),
                    Integer.toString(RecordFieldQuery.MAX_ISSUE_KEYS));
        }
        return keys;
    }

    /**
     * The record time a field name stands for: {@code created}, {@code updated} or a Fail Forward date field by id.
     *
     * @param shown what the message names: the clause, or the ORDER BY part
     */
    private static Field timeField(String field, String shown, Map<Long, FailForwardField> ours) {
        String name = field.toLowerCase(Locale.ROOT);
        if (name.equals("created") || name.equals("createddate")) {
            return Field.CREATED;
        }
        if (name.equals("updated") || name.equals("updateddate")) {
            return Field.UPDATED;
        }
        var custom = CUSTOM_FIELD.matcher(field.strip());
        if (custom.matches()) {
            FailForwardField known = ours.get(Long.parseLong(custom.group(1)));
            if (known == null) {
                throw new JqlException("preview.search.error.field.missing", field);
            }
            Field time = DATE_FIELDS.get(known);
            if (time != null) {
                return time;
            }
        }
        throw new JqlException("preview.search.error.field.unsupported", shown, supportedCustomFields(ours));
    }

    private static String supportedCustomFields(Map<Long, FailForwardField> ours) {
        return ours.entrySet().stream()
                .filter(e -> DATE_FIELDS.containsKey(e.getValue()) || COUNT_FIELDS.containsKey(e.getValue()))
                .map(e -> "cf[" + e.getKey() + "]").collect(Collectors.joining(", "));
    }

    /**
     * What a count field counts, when the clause names one: by id ({@code cf[10224]}) or by its display name
     * ({@code "Failure learnings"}, any case, as Jira matches names); {@code null} for any other field.
     */
    private RecordFieldQuery.Count countField(String field, Map<Long, FailForwardField> ours) {
        var custom = CUSTOM_FIELD.matcher(field.strip());
        if (custom.matches()) {
            FailForwardField known = ours.get(Long.parseLong(custom.group(1)));
            return known == null ? null : COUNT_FIELDS.get(known);
        }
        for (Map.Entry<FailForwardField, RecordFieldQuery.Count> count : COUNT_FIELDS.entrySet()) {
            if (names.apply(count.getKey()).equalsIgnoreCase(field.strip())) {
                return count.getValue();
            }
        }
        return null;
    }

    /** {@code "Failure learnings" >= 3}: a whole number, compared with =, >, >=, <, <=, as Jira's number searcher does. */
    private static RecordFieldQuery.CountBound countBound(Clause clause, RecordFieldQuery.Count count) {
        Comparison op = switch (clause.operator()) {
            case EQUALS -> Comparison.AT;
            case GREATER -> Comparison.AFTER;
            case GREATER_OR_EQUAL -> Comparison.AT_OR_AFTER;
            case LESS -> Comparison.BEFORE;
            case LESS_OR_EQUAL -> Comparison.AT_OR_BEFORE;
            default -> throw new JqlException("preview.search.error.operator", clause.text(), clause.field(),
                    "=, >, >=, <, <=");
        };
        String text = values(clause).get(0).text().strip();
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new JqlException("preview.search.error.count", text, clause.field());
        }
        return new RecordFieldQuery.CountBound(count, op, (long) Double.parseDouble(text));
    }

    private Bound bound(Clause clause, Field field) {
        Comparison op = switch (clause.operator()) {
            case EQUALS -> Comparison.AT;
            case GREATER -> Comparison.AFTER;
            case GREATER_OR_EQUAL -> Comparison.AT_OR_AFTER;
            case LESS -> Comparison.BEFORE;
            case LESS_OR_EQUAL -> Comparison.AT_OR_BEFORE;
            default -> throw new JqlException("preview.search.error.operator", clause.text(), clause.field(),
                    "=, >, >=, <, <=");
        };
        Value value = values(clause).get(0);
        return new Bound(field, op, instant(value.text(), clause));
    }

    /** A JQL date ({@code 2026-01-31}, {@code 2026/01/31}, optionally {@code HH:mm}) in the user's zone. */
    private Instant instant(String text, Clause clause) {
        String date = text.strip().replace('/', '-');
        ZoneId zone = user.zone();
        try {
            if (date.length() == 10) {
                return LocalDate.parse(date, DAY).atStartOfDay(zone).toInstant();
            }
            return LocalDateTime.parse(date.replaceAll("\\s+", " "), MINUTE).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            if (RELATIVE.matcher(text.strip()).matches()) {
                throw new JqlException("preview.search.error.relative", clause.text());
            }
            throw new JqlException("preview.search.error.date", text, clause.field());
        }
    }

    /** The clause's values, when it has one of the operators and plain values (no function, no EMPTY). */
    private static List<Value> values(Clause clause, Operator... operators) {
        if (operators.length > 0 && !List.of(operators).contains(clause.operator())) {
            throw new JqlException("preview.search.error.operator", clause.text(), clause.field(),
                    List.of(operators).stream().map(o -> o.symbol().toUpperCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")));
        }
        for (Value value : clause.values()) {
            if (value.function()) {
                throw new JqlException("preview.search.error.function", clause.text(), value.text());
            }
            if (value.empty()) {
                throw new JqlException("preview.search.error.empty", clause.text());
            }
        }
        if (clause.list() && operators.length == 0) {
            throw new JqlException("preview.search.error.operator", clause.text(), clause.field(), "=, >, >=, <, <=");
        }
        return clause.values();
    }

    private static <T> Set<T> intersect(Set<T> so, Set<T> more) {
        if (so == null) {
            return more;
        }
        Set<T> both = new LinkedHashSet<>(so);
        both.retainAll(more);
        return both;
    }

    private static String columnI18nKey(Field sort) {
        return switch (sort) {
            case KEY -> null;
            case CREATED -> "preview.search.column.created";
            case UPDATED -> "preview.search.column.updated";
            default -> DATE_FIELDS.entrySet().stream().filter(e -> e.getValue() == sort).findFirst().orElseThrow()
                    .getKey().nameI18nKey();
        };
    }
}
