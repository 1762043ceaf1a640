package dev.failforward.core.criteria;

import dev.failforward.core.text.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses success or stop criteria, one criterion per line. Bullets ("-", "*", "•") and numbering ("1.", "2)") are
 * stripped, blank lines and headings ("Stop criteria:") ignored. A line is a {@link MetricCriterion} ("p95 latency
 * &lt; 300 ms", "error rate stays below 1%", "NPS ≥ 40", "fewer than 3 sev-1 incidents per quarter"), a
 * {@link BudgetCriterion} ("budget 5,000 EUR", "spend over $5k") or a {@link DeadlineCriterion} ("deadline
 * 2026-12-31", "by 31 Dec 2026"); anything else is an {@link CriteriaParse#unparsedLines() unparsed line}. A line
 * states one criterion: when it holds a comparison and a date, the comparison wins and the date is its time frame.
 *
 * <p>Numbers: "1,000", "3.5%", "2k", "1.5M", "€2m", "three". Dates need a year; "03/04/2026" is refused because it
 * reads as 3 April in Europe and March 4 in the US (write 2026-04-03).
 *
 * <p>Thread-safe and stateless. Never throws on any text; a line longer than {@link #MAX_LINE_LENGTH} is unparsed.
 */
public final class CriteriaParser {

    /** Longer lines are prose, not a criterion, and are not parsed (which keeps parsing time small). */
    public static final int MAX_LINE_LENGTH = 500;

    public CriteriaParser() {
    }

    /** Parses {@code text}; {@code null} or blank text gives {@link CriteriaParse#EMPTY}. */
    public CriteriaParse parse(String text) {
        List<Criterion> criteria = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        for (String line : Lines.items(text)) {
            Optional<Criterion> criterion = parseLine(line);
            if (criterion.isPresent()) {
                criteria.add(criterion.get());
            } else {
                unparsed.add(line);
            }
        }
        return criteria.isEmpty() && unparsed.isEmpty() ? CriteriaParse.EMPTY : new CriteriaParse(criteria, unparsed);
    }

    /** One item, bullet already stripped. */
    Optional<Criterion> parseLine(String line) {
        if (line.length() > MAX_LINE_LENGTH) {
            return Optional.empty();
        }
        try {
            return LineParser.parse(line);
        } catch (RuntimeException e) {
            // A validator must not fail on what someone typed: a line the parser cannot read is simply not a
            // criterion. CriteriaParserRobustnessTest runs LineParser without this net to catch such bugs.
            return Optional.empty();
        }
    }
}
