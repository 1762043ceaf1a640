package dev.failforward.core.importing.markdown;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sections post-mortems have, each with the heading names people give it. A heading matches when, normalised
 * (lower case, leading numbering such as "2." or "IV." and markup, emoji and punctuation removed, "(s)" dropped),
 * it starts with one of the names; the first kind in declaration order wins, so "What went well" is never "went
 * wrong" and "Incident summary" is a summary.
 *
 * <p>Public because the Confluence importer names sections the same way.
 */
public enum SectionKind {
    WENT_WELL("what went well", "went well", "things that went well", "what worked", "the good", "good"),
    WENT_WRONG("what went wrong", "went wrong", "what went badly", "went badly", "what didn t go well",
            "what did not go well", "what didn t go so well", "what did not go so well", "what went poorly",
            "things that went wrong", "what could have gone better", "could have gone better",
            "what didn t work", "the bad", "bad", "surprises", "what surprised us", "challenges", "problems"),
    LUCKY("where we got lucky", "where we were lucky", "we got lucky", "got lucky", "lucky", "luck"),
    WHYS("five whys", "5 whys", "5whys", "the five whys", "the 5 whys", "whys"),
    ACTIONS("action items", "action item", "actions", "follow ups", "follow up", "followups", "followup",
            "corrective actions", "corrective and preventive", "preventive actions", "preventative actions",
            "next steps", "remediation", "remediations", "todo", "to do", "tasks", "improvements", "postmortem actions",
            "post mortem actions", "follow up actions", "action plan", "repair items", "remediation items"),
    LESSONS("lessons learned", "lessons learnt", "lessons", "learnings", "key learnings", "takeaways",
            "key takeaways", "what we learned", "what we learnt", "insights", "what will we do differently",
            "what we will do differently", "what we ll do differently"),
    TIMELINE("timeline", "time line", "chronology", "sequence of events", "incident timeline", "event log",
            "events"),
    ROOT_CAUSE("root cause", "root causes", "causes", "cause", "fault", "what happened and why", "why",
            "why it happened", "why did it happen"),
    TRIGGER("trigger", "triggers", "what triggered"),
    CONTRIBUTING("contributing factors", "contributing factor", "contributing causes", "factors"),
    IMPACT("impact", "customer impact", "business impact", "user impact", "scope"),
    DETECTION("detection", "how was it detected", "how we found out", "how did we find out", "how we noticed",
            "discovery"),
    RESOLUTION("resolution", "recovery", "mitigation", "response", "resolution and recovery", "fix",
            "how it was fixed", "how we fixed it", "how did we fix it", "remedy"),
    LEADUP("leadup", "lead up", "background", "context"),
    ATTENDEES("attendees", "participants", "people involved", "people", "responders", "present"),
    STATS("stats", "statistics", "metadata", "key facts", "facts", "details", "incident details", "key metrics",
            "at a glance", "overview table"),
    SUMMARY("summary", "incident summary", "executive summary", "overview", "description", "tl dr", "tldr",
            "what happened", "abstract", "incident description"),
    RELATED("related incidents", "related", "references", "links", "appendix", "blameless", "glossary");

    private static final Pattern NUMBERING = Pattern.compile("^(?:(?:\\d+|[ivx]+|[a-h])[.)]\\s*)+|^\\d+\\s+");

    private final List<String> names;

    SectionKind(String... names) {
        this.names = List.of(names);
    }

    /** The kind a heading's text names; empty for a heading of no known section (the incident's title, say). */
    public static Optional<SectionKind> of(String heading) {
        String h = normalise(heading);
        if (h.isEmpty() || h.length() > 60) {
            return Optional.empty();
        }
        for (SectionKind kind : values()) {
            for (String name : kind.names) {
                if (h.equals(name) || h.startsWith(name + " ") && !name.equals("bad") && !name.equals("good")) {
                    return Optional.of(kind);
                }
            }
        }
        return Optional.empty();
    }

    public static String normalise(String heading) {
        String h = heading.toLowerCase(Locale.ROOT).replace("(s)", "s").replace("'", " ").replace("’", " ")
                .replaceAll("[*_`#>\\[\\]]", " ").strip();
        h = NUMBERING.matcher(h).replaceFirst("");
        h = h.replaceAll("[^a-z0-9 ]+", " ").replaceAll("\\s+", " ").strip();
        return h;
    }
}
