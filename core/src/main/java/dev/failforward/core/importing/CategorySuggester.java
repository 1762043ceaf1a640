package dev.failforward.core.importing;

import dev.failforward.core.incident.FailureCategory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a failure category from what a source states ("Category: Data gap") or suggests one from its words.
 *
 * <p>Suggesting is keyword scoring: each category of the taxonomy has a list of words and phrases; every occurrence
 * in the cause text (root cause, trigger, contributing factors, 5 whys) scores 3, elsewhere 1. The highest score wins;
 * no score at all gives no suggestion. A suggestion is marked "to confirm" unless it is clear: a score of at least
 * {@value #CLEAR_SCORE} and at least twice the runner-up's. Ties go to the category listed first in the enum. A stated
 * category is never "to confirm".
 */
public final class CategorySuggester {

    static final int CLEAR_SCORE = 6;
    private static final int CAUSE_WEIGHT = 3;

    private static final Map<FailureCategory, List<Pattern>> WORDS = new EnumMap<>(FailureCategory.class);

    static {
        WORDS.put(FailureCategory.DESIGN_FLAW, words("design", "architecture", "bug", "race condition", "regression",
                "single point of failure", "edge case", "memory leak", "deadlock", "retry storm", "did not scale",
                "doesn't scale", "assumption", "unbounded", "no backpressure", "off-by-one", "null pointer",
                "schema", "timeout value", "hard-coded", "hardcoded", "coupling", "cache stampede", "thundering herd",
                "capacity limit", "connection pool", "code path", "flawed", "validation was missing",
                "missing validation", "no validation", "synchronous", "synchronously", "no cache", "without a cache",
                "pinning", "pin"));
        WORDS.put(FailureCategory.DATA_GAP, words("data", "stale", "out of date", "outdated", "no alert",
                "missing alert", "monitoring gap", "no monitoring", "visibility", "blind spot", "observability",
                "dashboard", "dashboards", "alerts", "replication lag",
                "did not know", "didn't know", "unaware", "not aware", "no metric", "metrics", "forecast",
                "wrong figures", "incorrect", "inaccurate", "information", "undocumented", "documentation", "logs"));
        WORDS.put(FailureCategory.PROCESS_DEVIATION, words("skipped", "checklist", "not followed", "procedure",
                "manual step", "bypassed", "without review", "without approval", "runbook was not",
                "did not follow", "didn't follow", "handoff", "hand-off", "miscommunication", "change management",
                "process", "wrong environment", "typo", "step was missed", "missed step", "approval", "policy",
                "sign-off", "fat-finger", "fat finger", "four-eyes"));
        WORDS.put(FailureCategory.EXTERNAL_SHOCK, words("vendor", "third-party", "third party", "provider",
                "upstream", "aws", "azure", "gcp", "ddos", "power outage", "power cut", "storm", "weather", "carrier",
                "supplier", "regulator", "regulatory", "market", "isp", "cdn", "partner", "outage at", "their side",
                "external", "earthquake", "flood", "strike", "certificate authority", "payment processor"));
    }

    private CategorySuggester() {
    }

    /** The category a stated value names ("Data gap", "design-flaw", "External", "process"), if any. */
    public static Optional<FailureCategory> stated(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]+", " ").strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.startsWith("design") || v.startsWith("architect") || v.equals("bug") || v.startsWith("software")) {
            return Optional.of(FailureCategory.DESIGN_FLAW);
        }
        if (v.startsWith("data") || v.startsWith("information") || v.startsWith("knowledge")) {
            return Optional.of(FailureCategory.DATA_GAP);
        }
        if (v.startsWith("process") || v.startsWith("human") || v.startsWith("procedure")) {
            return Optional.of(FailureCategory.PROCESS_DEVIATION);
        }
        if (v.startsWith("external") || v.startsWith("third party") || v.startsWith("vendor")
                || v.startsWith("supplier")) {
            return Optional.of(FailureCategory.EXTERNAL_SHOCK);
        }
        if (v.equals("other") || v.startsWith("unknown")) {
            return Optional.of(FailureCategory.OTHER);
        }
        return Optional.empty();
    }

    /** A suggestion from the cause text and the rest of the text; empty when no word of the taxonomy occurs. */
    public static Optional<CategorySuggestion> suggest(String causeText, String otherText) {
        Map<FailureCategory, Integer> scores = new EnumMap<>(FailureCategory.class);
        Map<FailureCategory, List<String>> hits = new EnumMap<>(FailureCategory.class);
        String cause = causeText == null ? "" : causeText.toLowerCase(Locale.ROOT);
        String other = otherText == null ? "" : otherText.toLowerCase(Locale.ROOT);
        for (Map.Entry<FailureCategory, List<Pattern>> e : WORDS.entrySet()) {
            int score = 0;
            List<String> found = new ArrayList<>();
            for (Pattern p : e.getValue()) {
                int n = count(p, cause) * CAUSE_WEIGHT + count(p, other);
                if (n > 0) {
                    score += n;
                    found.add(p.pattern().replace("\\b", "").replace("\\", ""));
                }
            }
            scores.put(e.getKey(), score);
            hits.put(e.getKey(), found);
        }
        FailureCategory best = null;
        int bestScore = 0;
        int second = 0;
        for (FailureCategory c : WORDS.keySet()) {
            int s = scores.get(c);
            if (s > bestScore) {
                second = bestScore;
                best = c;
                bestScore = s;
            } else if (s > second) {
                second = s;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        boolean clear = bestScore >= CLEAR_SCORE && bestScore >= 2 * second;
        List<String> words = hits.get(best);
        String reason = "words: " + String.join(", ", words.subList(0, Math.min(5, words.size())))
                + " (score " + bestScore + (second > 0 ? ", next " + second : "") + ")";
        return Optional.of(new CategorySuggestion(best, !clear, reason));
    }

    private static int count(Pattern p, String text) {
        int n = 0;
        Matcher m = p.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<Pattern> words(String... words) {
        List<Pattern> patterns = new ArrayList<>();
        for (String w : words) {
            patterns.add(Pattern.compile("\\b" + w.replaceAll("([^a-z0-9 ])", "\\\\$1") + "\\b"));
        }
        return patterns;
    }
}
