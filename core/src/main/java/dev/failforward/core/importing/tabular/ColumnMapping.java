package dev.failforward.core.importing.tabular;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which column of an export feeds which {@link MappedField}, with how sure {@link #suggest(List)} was of each (1.0
 * for a mapping a person set or confirmed), and how slash dates are read.
 *
 * <h2>Saved form</h2>
 * {@link #toMap()} gives {@code field key → column name}: {@code "title" → "Name"}; a field fed by several columns
 * has {@code "learnings" → first}, {@code "learnings.2" → second}, …; {@code "option.dates" → "month-first" |
 * "day-first"} when not automatic. {@link #fromMap(Map)} reads it back and throws {@link InvalidMappingException}
 * naming every bad key. Confidences are not saved: a saved mapping was confirmed.
 *
 * <h2>Suggesting</h2>
 * Each header is normalised (lower case, camelCase and {@code _ - . ( )} split into words, a leading "custom field"
 * dropped) and compared with the names the common tools export (incident.io, FireHydrant, Rootly, PagerDuty,
 * Opsgenie, Jira, generic). For a JSON path the last segment is tried as well, or its parent with it when the last
 * is generic ({@code severity.name} → "severity name" and "severity"), at 0.9 of the score; below a wrapper such as
 * {@code fields} or {@code attributes} the last segment alone ({@code fields.summary} → "summary"). Paths through an
 * array ({@code follow_ups[].title}) only feed learnings and action items. Fields are then filled in the order of
 * {@link MappedField}, each taking its best column not yet taken, so "Summary" is the title only when no "Name" or
 * "Title" column exists (Jira) and the summary otherwise (incident.io). Learnings and action items take every column
 * that matches.
 */
public final class ColumnMapping {

    /** How a date such as {@code 3/5/2024} is read. */
    public enum DateOrder {
        /**
         * Month first ({@code 3/5/2024} is March 5, as US tools export), unless a value of the file's date columns
         * has a first number above 12 and none has a second number above 12: then the whole file is day first.
         */
        AUTO("auto"),
        MONTH_FIRST("month-first"),
        DAY_FIRST("day-first");

        private final String key;

        DateOrder(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static final String DATES_OPTION = "option.dates";

    private final Map<MappedField, List<String>> columns;
    private final Map<MappedField, Double> confidence;
    private final DateOrder dateOrder;

    private ColumnMapping(Map<MappedField, List<String>> columns, Map<MappedField, Double> confidence,
                          DateOrder dateOrder) {
        Map<MappedField, List<String>> c = new EnumMap<>(MappedField.class);
        columns.forEach((k, v) -> {
            if (!v.isEmpty()) {
                c.put(k, List.copyOf(v));
            }
        });
        this.columns = Collections.unmodifiableMap(c);
        Map<MappedField, Double> conf = new EnumMap<>(MappedField.class);
        conf.putAll(confidence);
        this.confidence = Collections.unmodifiableMap(conf);
        this.dateOrder = Objects.requireNonNull(dateOrder, "dateOrder");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The columns feeding {@code field}, in order; empty when it is not mapped. */
    public List<String> columns(MappedField field) {
        return columns.getOrDefault(field, List.of());
    }

    /** The first column feeding {@code field}, or {@code null}. */
    public String column(MappedField field) {
        List<String> c = columns(field);
        return c.isEmpty() ? null : c.get(0);
    }

    public boolean mapped(MappedField field) {
        return columns.containsKey(field);
    }

    /** How sure the suggestion is, 0 to 1 (1 when set by a person); 0 when not mapped. */
    public double confidence(MappedField field) {
        return mapped(field) ? confidence.getOrDefault(field, 1.0) : 0;
    }

    public Map<MappedField, List<String>> columns() {
        return columns;
    }

    public DateOrder dateOrder() {
        return dateOrder;
    }

    /** The saved form; see the class comment. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        columns.forEach((field, cols) -> {
            for (int i = 0; i < cols.size(); i++) {
                map.put(i == 0 ? field.key() : field.key() + "." + (i + 1), cols.get(i));
            }
        });
        if (dateOrder != DateOrder.AUTO) {
            map.put(DATES_OPTION, dateOrder.key());
        }
        return map;
    }

    private static final Pattern INDEXED = Pattern.compile("^([A-Za-z]+)\\.(\\d{1,3})$");

    /** Reads {@link #toMap()} back; every unknown key, blank column or misplaced index is reported at once. */
    public static ColumnMapping fromMap(Map<String, String> map) {
        Objects.requireNonNull(map, "map");
        Map<String, String> errors = new LinkedHashMap<>();
        Map<MappedField, Map<Integer, String>> indexed = new EnumMap<>(MappedField.class);
        DateOrder order = DateOrder.AUTO;
        for (Map.Entry<String, String> e : map.entrySet()) {
            String key = e.getKey() == null ? "" : e.getKey();
            String column = e.getValue() == null ? "" : e.getValue().strip();
            if (key.equals(DATES_OPTION)) {
                DateOrder found = null;
                for (DateOrder d : DateOrder.values()) {
                    if (d.key().equals(column)) {
                        found = d;
                    }
                }
                if (found == null) {
                    errors.put(key, "must be auto, month-first or day-first, not \"" + column + "\"");
                } else {
                    order = found;
                }
                continue;
            }
            Matcher m = INDEXED.matcher(key);
            String fieldKey = m.matches() ? m.group(1) : key;
            int index = m.matches() ? Integer.parseInt(m.group(2)) : 1;
            var field = MappedField.ofKey(fieldKey);
            if (field.isEmpty()) {
                errors.put(key, "is not a field that can be mapped");
                continue;
            }
            if (m.matches() && (!field.get().multiple() || index < 2)) {
                errors.put(key, field.get().multiple() ? "a second column is numbered from 2"
                        : "takes only one column");
                continue;
            }
            if (column.isEmpty()) {
                errors.put(key, "names no column");
                continue;
            }
            indexed.computeIfAbsent(field.get(), f -> new java.util.TreeMap<>()).put(index, column);
        }
        Map<MappedField, List<String>> columns = new EnumMap<>(MappedField.class);
        indexed.forEach((field, byIndex) -> {
            if (!byIndex.containsKey(1)) {
                errors.put(field.key(), "is missing while " + field.key() + "." + byIndex.keySet().iterator().next()
                        + " is set");
            }
            columns.put(field, new ArrayList<>(byIndex.values()));
        });
        if (!errors.isEmpty()) {
            throw new InvalidMappingException(errors);
        }
        return new ColumnMapping(columns, Map.of(), order);
    }

    /** A mapping with {@code column} added to {@code field} (replacing it for single-column fields), at 1.0. */
    public ColumnMapping with(MappedField field, String column) {
        Map<MappedField, List<String>> c = new EnumMap<>(MappedField.class);
        c.putAll(columns);
        List<String> list = new ArrayList<>(field.multiple() ? columns(field) : List.of());
        list.add(column);
        c.put(field, list);
        Map<MappedField, Double> conf = new EnumMap<>(MappedField.class);
        conf.putAll(confidence);
        conf.put(field, 1.0);
        return new ColumnMapping(c, conf, dateOrder);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMapping m && m.columns.equals(columns) && m.dateOrder == dateOrder;
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, dateOrder);
    }

    @Override
    public String toString() {
        return "ColumnMapping" + toMap();
    }

    /** Builds a mapping by hand (tests, a UI that sends field by field); confidence 1.0. */
    public static final class Builder {
        private final Map<MappedField, List<String>> columns = new EnumMap<>(MappedField.class);
        private DateOrder dateOrder = DateOrder.AUTO;

        public Builder map(MappedField field, String... columnNames) {
            List<String> list = columns.computeIfAbsent(field, f -> new ArrayList<>());
            if (!field.multiple()) {
                list.clear();
            }
            for (String c : columnNames) {
                list.add(Objects.requireNonNull(c));
            }
            if (!field.multiple() && list.size() > 1) {
                throw new IllegalArgumentException(field.key() + " takes only one column");
            }
            return this;
        }

        public Builder dateOrder(DateOrder order) {
            dateOrder = Objects.requireNonNull(order);
            return this;
        }

        public ColumnMapping build() {
            return new ColumnMapping(columns, Map.of(), dateOrder);
        }
    }

    // ---- suggesting ---------------------------------------------------------------------------------------------

    private static final Map<MappedField, Map<String, Double>> NAMES = new EnumMap<>(MappedField.class);

    private static void names(MappedField field, double score, String... names) {
        Map<String, Double> m = NAMES.computeIfAbsent(field, f -> new LinkedHashMap<>());
        for (String n : names) {
            m.put(n, score);
        }
    }

    static {
        names(MappedField.SOURCE_ID, 1.0, "issue key", "reference", "incident reference", "incident key");
        names(MappedField.SOURCE_ID, 0.9, "incident number", "incident id", "number", "tinyid", "tiny id",
                "sequential id", "key", "incident no");
        names(MappedField.SOURCE_ID, 0.7, "id", "issue id", "uuid", "alias");
        names(MappedField.TITLE, 1.0, "title", "incident title", "incident name", "name");
        names(MappedField.TITLE, 0.8, "message", "subject", "headline");
        names(MappedField.TITLE, 0.7, "summary");
        names(MappedField.SUMMARY, 0.9, "summary", "description", "incident summary", "overview", "details");
        names(MappedField.SUMMARY, 0.6, "what happened");
        names(MappedField.IMPACT, 0.9, "impact", "customer impact", "customer impact summary", "impact summary",
                "business impact", "impact description");
        names(MappedField.DETECTION, 0.8, "detection", "how detected", "detection method", "detected by");
        names(MappedField.RESOLUTION, 0.8, "resolution summary", "mitigation", "how resolved", "fix");
        names(MappedField.RESOLUTION, 0.5, "resolution");
        names(MappedField.ROOT_CAUSE, 1.0, "root cause", "root causes", "rca");
        names(MappedField.ROOT_CAUSE, 0.8, "cause", "causes", "root cause analysis");
        names(MappedField.TRIGGER, 0.8, "trigger", "triggering event");
        names(MappedField.CONTRIBUTING_FACTORS, 1.0, "contributing factors", "contributing factor",
                "contributing causes");
        names(MappedField.STARTED_AT, 1.0, "started at", "impact started at", "start time", "impact start",
                "incident start", "started", "start", "began at", "impact start time", "started on");
        names(MappedField.DISCOVERED_AT, 1.0, "detected at", "detected", "discovered at", "discovered",
                "detection time", "identified at", "identified");
        names(MappedField.DISCOVERED_AT, 0.8, "triggered", "triggered at", "alert time", "alerted at");
        names(MappedField.REPORTED_AT, 1.0, "reported at", "declared at", "reported", "declared");
        names(MappedField.REPORTED_AT, 0.8, "created at", "created", "created on", "opened at", "creation date",
                "date created");
        names(MappedField.REPORTED_AT, 0.6, "acknowledged at", "acknowledged", "acked at");
        names(MappedField.RESOLVED_AT, 1.0, "resolved at", "resolved", "resolved on", "resolution date",
                "resolution time", "resolutiondate", "restored at", "recovered at", "ended at", "end time",
                "impact ended at");
        names(MappedField.RESOLVED_AT, 0.8, "end", "ended", "end date");
        names(MappedField.RESOLVED_AT, 0.7, "mitigated at", "mitigated", "closed at", "closed", "closed on");
        names(MappedField.SEVERITY, 1.0, "severity", "sev", "severity level", "incident severity");
        names(MappedField.SEVERITY, 0.7, "priority");
        names(MappedField.SEVERITY, 0.6, "urgency");
        names(MappedField.CATEGORY, 1.0, "category", "failure category", "cause category", "root cause category",
                "incident category");
        names(MappedField.FAILURE_TYPE, 1.0, "failure type", "type of failure");
        names(MappedField.LEARNINGS, 1.0, "learnings", "lessons learned", "lessons learnt", "lessons", "key learnings",
                "takeaways", "what went well", "what went wrong", "what went badly", "where we got lucky",
                "learnings text", "lessons learned text");
        names(MappedField.ACTION_ITEMS, 1.0, "action items", "follow ups", "followups", "follow up actions",
                "follow up tasks", "corrective actions", "remediation items", "action item", "follow ups title",
                "follow ups summary", "follow ups name", "action items title", "action items summary",
                "action items description", "action items name", "tasks", "tasks title");
        names(MappedField.OWNER, 1.0, "owner", "incident lead", "incident commander", "commander", "lead",
                "incident owner");
        names(MappedField.OWNER, 0.6, "assignee", "assigned to", "responder", "on call");
        names(MappedField.POSTMORTEM_URL, 1.0, "postmortem url", "post mortem url", "postmortem document url",
                "postmortem link", "post mortem link", "retrospective url", "report url", "postmortem",
                "retrospective link");
        names(MappedField.POSTMORTEM_URL, 0.5, "incident url", "url", "link", "permalink", "web url", "html url");
    }

    /** Objects that only wrap an incident's members: {@code fields.summary} is the summary. */
    private static final Set<String> CONTAINERS = Set.of("fields", "attributes", "data", "incident", "properties",
            "details", "record");

    private static final Set<String> GENERIC = Set.of("name", "value", "label", "title", "summary", "slug",
            "description", "display name", "text");

    /**
     * A mapping proposed from the header names alone, with a confidence per mapped field; see the class comment.
     * Jira's "Resolution" column (a status such as "Fixed") is not taken as resolution text when an "Issue key"
     * column shows the file is a Jira export.
     */
    public static ColumnMapping suggest(List<String> headers) {
        boolean jira = headers.stream().anyMatch(h -> normalise(h).equals("issue key"));
        Map<MappedField, List<String>> columns = new EnumMap<>(MappedField.class);
        Map<MappedField, Double> confidence = new EnumMap<>(MappedField.class);
        Set<String> taken = new java.util.HashSet<>();
        for (MappedField field : MappedField.values()) {
            List<String> chosen = new ArrayList<>();
            double best = 0;
            String bestHeader = null;
            for (String h : headers) {
                if (taken.contains(h) || (jira && field == MappedField.RESOLUTION
                        && normalise(h).equals("resolution"))) {
                    continue;
                }
                double s = score(field, h);
                if (s <= 0) {
                    continue;
                }
                if (field.multiple()) {
                    chosen.add(h);
                    best = Math.max(best, s);
                } else if (s > best) {
                    best = s;
                    bestHeader = h;
                }
            }
            if (bestHeader != null) {
                chosen.add(bestHeader);
            }
            if (!chosen.isEmpty()) {
                taken.addAll(chosen);
                columns.put(field, chosen);
                confidence.put(field, Math.round(best * 100) / 100.0);
            }
        }
        return new ColumnMapping(columns, confidence, DateOrder.AUTO);
    }

    private static double score(MappedField field, String header) {
        boolean throughArray = header.contains("[]");
        if (throughArray && !field.multiple()) {
            return 0;
        }
        Map<String, Double> names = NAMES.getOrDefault(field, Map.of());
        double best = names.getOrDefault(normalise(header), 0.0);
        String[] segments = header.replace("[]", "").split("\\.");
        if (segments.length > 1) {
            String last = normalise(segments[segments.length - 1]);
            String parent = normalise(segments[segments.length - 2]);
            List<String> variants = CONTAINERS.contains(parent) ? List.of(last)
                    : GENERIC.contains(last) ? List.of(parent + " " + last, parent) : List.of(last);
            for (String v : variants) {
                best = Math.max(best, 0.9 * names.getOrDefault(v, 0.0));
            }
        }
        return best;
    }

    /** Lower case words: {@code "Custom field (Root Cause)"}, {@code "root_cause"}, {@code "rootCause"} → "root cause". */
    static String normalise(String header) {
        String h = header.replace("[]", " ").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
        h = h.replaceFirst("^custom field ", "");
        h = h.replaceFirst("^post mortem", "postmortem");
        return h;
    }
}
