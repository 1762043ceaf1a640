package dev.failforward.core.criteria;

import dev.failforward.core.text.Lines;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plan against result for an experiment: each success and stop criterion line next to what the team observed.
 *
 * <p>The team writes the observed results one line per criterion, "<i>metric</i>: <i>value</i>" ("failed deploys: 1
 * per month", "p95 latency: 280 ms"). Each criterion line is matched with an observed line by its metric name
 * (case-insensitive, spaces collapsed; a name that starts with or contains the metric also matches), else with the
 * observed line at the same position (success criteria first, then stop criteria, counting only criterion lines). A
 * line without a colon is a value for its position.
 *
 * <p>The verdict compares the observed number with the criterion's threshold using its comparator. It is
 * {@link Verdict#UNKNOWN} when nothing was observed, the value holds no number, the criterion is not a metric (a
 * deadline, or a line the criteria parser cannot read), or the observed unit plainly differs from the criterion's (300
 * ms against "0.4 s": no conversion is guessed). A budget criterion compares the amount spent: met while not exceeded.
 *
 * <p>For a {@link Kind#STOP} criterion {@link Verdict#MET} means its condition holds: the stop was triggered
 * ({@link Row#stopTriggered()}).
 *
 * <p>Numbers: "1.5", "1,5" (decimal comma), "1,000" and "1.000,5" (thousands separators), "2k", "1.5M", "-3", "12%".
 * Never throws on any text; {@code null} reads as nothing written.
 */
public final class ObservedResults {

    /** Which list a criterion comes from. */
    public enum Kind { SUCCESS, STOP }

    /** Whether the observed value satisfies the criterion's condition (for a stop criterion: the stop triggered). */
    public enum Verdict { MET, NOT_MET, UNKNOWN }

    /**
     * One criterion line and what was observed for it.
     *
     * @param kind      success or stop criterion
     * @param criterion the criterion line as written (bullet stripped, trimmed)
     * @param observed  the observed value as written (after "metric:"), or {@code null} when no line matches
     * @param value     the number read from {@code observed}, or {@code null}
     * @param verdict   the comparison's result
     */
    public record Row(Kind kind, String criterion, String observed, BigDecimal value, Verdict verdict) {

        /** True for a stop criterion whose condition the observed value meets. */
        public boolean stopTriggered() {
            return kind == Kind.STOP && verdict == Verdict.MET;
        }
    }

    private static final CriteriaParser PARSER = new CriteriaParser();

    /**
     * "1.000,5" / "1,000.5" / "1,000" / "1,5" / "1.5" / "15", with an optional sign and a k/m suffix. Group 1: the
     * digits, group 2: the suffix.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d])([-+−]?(?:\\d{1,3}(?:\\.\\d{3})+,\\d+|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?))"
                    + "(?:\\s*(k|K|M|million|thousand)(?!\\p{L}))?");

    /** Spelled-out and abbreviated units, to their usual short form. */
    private static final Map<String, String> UNIT_SYNONYMS = Map.ofEntries(
            Map.entry("percent", "%"), Map.entry("per cent", "%"),
            Map.entry("milliseconds", "ms"), Map.entry("millisecond", "ms"), Map.entry("msec", "ms"),
            Map.entry("seconds", "s"), Map.entry("second", "s"), Map.entry("secs", "s"), Map.entry("sec", "s"),
            Map.entry("minutes", "min"), Map.entry("minute", "min"), Map.entry("mins", "min"),
            Map.entry("hours", "h"), Map.entry("hour", "h"), Map.entry("hrs", "h"), Map.entry("hr", "h"),
            Map.entry("days", "d"), Map.entry("day", "d"), Map.entry("weeks", "w"), Map.entry("week", "w"));

    private ObservedResults() {
    }

    /**
     * One row per criterion line of {@code success}, then one per line of {@code stop}, in text order, each with the
     * observed value matched from {@code observed}.
     */
    public static List<Row> match(String success, String stop, String observed) {
        List<Planned> planned = new ArrayList<>();
        Lines.items(success).forEach(line -> planned.add(new Planned(Kind.SUCCESS, line, PARSER.parseLine(line))));
        Lines.items(stop).forEach(line -> planned.add(new Planned(Kind.STOP, line, PARSER.parseLine(line))));
        List<Observation> observations = Lines.items(observed).stream().map(ObservedResults::observation).toList();

        Observation[] matched = new Observation[planned.size()];
        boolean[] used = new boolean[observations.size()];
        for (boolean exact : new boolean[]{true, false}) {
            for (int i = 0; i < planned.size(); i++) {
                String metric = planned.get(i).metric();
                if (matched[i] != null || metric == null) {
                    continue;
                }
                for (int j = 0; j < observations.size(); j++) {
                    String name = observations.get(j).name();
                    if (!used[j] && name != null && (exact ? name.equals(metric) : name.startsWith(metric) || name.contains(metric))) {
                        matched[i] = observations.get(j);
                        used[j] = true;
                        break;
                    }
                }
            }
        }
        for (int i = 0; i < planned.size(); i++) {
            if (matched[i] == null && i < observations.size() && !used[i]) {
                matched[i] = observations.get(i);
                used[i] = true;
            }
        }

        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            rows.add(row(planned.get(i), matched[i]));
        }
        return List.copyOf(rows);
    }

    private static Row row(Planned planned, Observation observation) {
        if (observation == null || observation.value().isEmpty()) {
            return new Row(planned.kind(), planned.line(), null, null, Verdict.UNKNOWN);
        }
        Optional<Measured> measured = measure(observation.value());
        BigDecimal number = measured.map(Measured::number).orElse(null);
        Verdict verdict = Verdict.UNKNOWN;
        if (measured.isPresent() && planned.criterion().isPresent()) {
            Criterion criterion = planned.criterion().get();
            if (criterion instanceof MetricCriterion metric && sameUnit(metric.unit(), measured.get().unit())) {
                verdict = metric.isMetBy(number) ? Verdict.MET : Verdict.NOT_MET;
            } else if (criterion instanceof BudgetCriterion budget) {
                boolean exceeded = budget.isExceededBy(number);
                // a success criterion holds while the budget is kept; a stop criterion triggers when it is exceeded
                verdict = (planned.kind() == Kind.STOP) == exceeded ? Verdict.MET : Verdict.NOT_MET;
            }
        }
        return new Row(planned.kind(), planned.line(), observation.value(), number, verdict);
    }

    // ------------------------------------------------------------------------------------------------ reading values

    /** A number and the unit written after it ({@code null} when none). */
    record Measured(BigDecimal number, String unit) {
    }

    /** The first number in the text, with k/M applied, and the unit after it. */
    static Optional<Measured> measure(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String digits = m.group(1).replace('−', '-').replace("+", "");
        BigDecimal number;
        try {
            number = new BigDecimal(normalise(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String suffix = m.group(2);
        if (suffix != null) {
            String s = suffix.toLowerCase(Locale.ROOT);
            number = number.multiply(s.startsWith("k") || s.equals("thousand") ? BigDecimal.valueOf(1_000) : BigDecimal.valueOf(1_000_000));
        }
        String rest = text.substring(m.end()).strip();
        String unit = rest.isEmpty() ? null : rest;
        BigDecimal plain = number.stripTrailingZeros();
        return Optional.of(new Measured(plain.scale() < 0 ? plain.setScale(0) : plain, unit));
    }

    /** "1.000,5" → "1000.5", "1,000" → "1000", "1,5" → "1.5". */
    private static String normalise(String digits) {
        if (digits.matches("[-]?\\d{1,3}(\\.\\d{3})+,\\d+")) {
            return digits.replace(".", "").replace(',', '.');
        }
        if (digits.matches("[-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            return digits.replace(",", "");
        }
        return digits.replace(',', '.');
    }

    /**
     * False only when both sides name a unit and their first words differ once spelled-out units are shortened ("ms"
     * against "s"); a rate ("per month") or a missing unit on either side does not stop the comparison.
     */
    static boolean sameUnit(String criterionUnit, String observedUnit) {
        if (criterionUnit == null || observedUnit == null) {
            return true;
        }
        String wanted = firstUnitWord(criterionUnit);
        String got = firstUnitWord(observedUnit);
        return wanted == null || got == null || wanted.equals(got);
    }

    private static String firstUnitWord(String unit) {
        String text = unit.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("%")) {
            return "%";
        }
        if (text.startsWith("per ") || text.startsWith("/")) {
            return null;
        }
        for (Map.Entry<String, String> synonym : UNIT_SYNONYMS.entrySet()) {
            if (text.equals(synonym.getKey()) || text.startsWith(synonym.getKey() + " ")) {
                return synonym.getValue();
            }
        }
        String word = text.split("[\\s(),;]+", 2)[0];
        return word.isEmpty() ? null : UNIT_SYNONYMS.getOrDefault(word, word);
    }

    // ------------------------------------------------------------------------------------------------ the lines

    private record Planned(Kind kind, String line, Optional<Criterion> criterion) {

        /** The name an observed line would give it: the metric, "budget" for a budget; normalised. */
        String metric() {
            return criterion.map(c -> c instanceof MetricCriterion m ? name(m.metric())
                    : c instanceof BudgetCriterion ? "budget" : null).orElse(null);
        }
    }

    /** "Failed deploys: 1 per month" → name "failed deploys", value "1 per month"; without a colon no name. */
    private record Observation(String name, String value) {
    }

    private static Observation observation(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return new Observation(null, line.strip());
        }
        String name = name(line.substring(0, colon));
        return new Observation(name.isEmpty() ? null : name, line.substring(colon + 1).strip());
    }

    private static String name(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
