package dev.failforward.core.hypothesis;

/**
 * The English word lists the linter works from. Each is small on purpose: a missing word costs a false warning the
 * author can ignore, while a too-eager word lets an untestable hypothesis through. Words are lower case; multi-word
 * phrases match consecutive words ("at least"), and hyphenated text matches the spaced phrase ("sign-ups").
 * Inflections are listed explicitly (no stemming) so what matches stays predictable.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    // ---------------------------------------------------------------- form

    /** "We <i>believe</i> (that)…": verbs that open the WE_BELIEVE form after "we" or "I". */
    static final PhraseSet BELIEF_VERBS = PhraseSet.of("believe", "think", "expect", "predict", "hypothesise",
            "hypothesize", "bet");

    /** In the WE_BELIEVE form, phrases that join condition and outcome and belong to neither. */
    static final PhraseSet BELIEF_CONNECTORS = PhraseSet.of(
            "will result in", "will lead to", "will cause", "will produce", "will yield", "will drive", "will bring",
            "would result in", "would lead to", "would cause", "would produce",
            "will not result in", "will not lead to",
            "results in", "result in", "leads to", "lead to");

    /** In the WE_BELIEVE form, "X <i>will</i> reduce Y": the modal ends the condition, the verb opens the outcome. */
    static final PhraseSet MODALS = PhraseSet.of("will", "would", "shall");

    /** Verbs that open the outcome of "We believe X reduces Y" when there is no "will". */
    static final PhraseSet DIRECTION_VERBS = PhraseSet.of(
            "increase", "increases", "decrease", "decreases", "reduce", "reduces", "raise", "raises", "lower",
            "lowers", "cut", "cuts", "drop", "drops", "double", "doubles", "halve", "halves", "triple", "triples",
            "improve", "improves", "boost", "boosts", "shrink", "shrinks", "shorten", "shortens", "eliminate",
            "eliminates", "prevent", "prevents", "minimise", "minimises", "minimize", "minimizes", "maximise",
            "maximises", "maximize", "maximizes", "lift", "lifts");

    // ---------------------------------------------------------------- rationale

    /** Phrases that open a because-clause, inline ("…, because Z") or as a sentence of their own ("Because Z."). */
    static final PhraseSet RATIONALE_MARKERS = PhraseSet.of(
            "because", "because of", "since", "given that", "due to",
            "as shown by", "as shown in", "as evidenced by", "as seen in", "as suggested by", "as indicated by",
            "as demonstrated by", "as we saw in",
            "we think this because", "we believe this because", "we think so because", "we believe so because",
            "this is because", "the reason is", "the reason is that", "our reasoning is", "our reasoning is that");

    /** Labels that open a rationale when a colon or dash follows them: "Rationale: …", "Why: …". */
    static final PhraseSet RATIONALE_LABELS = PhraseSet.of("rationale", "reason", "reasons", "reasoning", "why",
            "evidence", "background");

    /** After "since", words that make it temporal ("since March", "since last year"), not a reason. */
    static final PhraseSet TEMPORAL_AFTER_SINCE = PhraseSet.of("last", "then", "launch", "yesterday", "today",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "q1", "q2", "q3", "q4", "monday", "tuesday", "wednesday", "thursday", "friday",
            "the start", "the beginning", "the launch", "the last", "we started", "we launched");

    // ---------------------------------------------------------------- measurability

    /** A bound on a value. */
    static final PhraseSet THRESHOLDS = PhraseSet.of(
            "below", "above", "under", "over", "within", "beyond", "exceed", "exceeds", "exceeding", "exceeded",
            "at least", "at most", "no more than", "no less than", "no fewer than", "not more than", "up to",
            "more than", "fewer than", "less than", "greater than", "higher than", "lower than", "or more", "or less",
            "or fewer", "or better", "target of", "maximum of", "minimum of");

    /** A change of a value. Comparatives count ("fewer tickets") because they only read as a measure with a metric. */
    static final PhraseSet DIRECTIONS = PhraseSet.of(
            "increase", "increases", "increased", "increasing", "decrease", "decreases", "decreased", "decreasing",
            "drop", "drops", "dropped", "dropping", "rise", "rises", "rose", "risen", "rising",
            "reduce", "reduces", "reduced", "reducing", "reduction", "grow", "grows", "grew", "grown", "growing",
            "growth", "fall", "falls", "fell", "fallen", "falling", "improve", "improves", "improved", "improving",
            "improvement", "double", "doubles", "doubled", "doubling", "halve", "halves", "halved", "halving",
            "triple", "triples", "tripled", "cut", "cuts", "cutting", "raise", "raises", "raised", "lower", "lowers",
            "lowered",
            "boost", "boosts", "boosted", "shrink", "shrinks", "shrank", "shorten", "shortens", "shortened",
            "decline", "declines", "declined", "climb", "climbs", "climbed", "jump", "jumps", "jumped",
            "lift", "lifts", "eliminate", "eliminates", "eliminated", "prevent", "prevents", "minimise", "minimises",
            "minimize", "minimizes", "maximise", "maximises", "maximize", "maximizes",
            "go up", "goes up", "went up", "go down", "goes down", "went down", "come down", "comes down",
            "speed up", "speeds up",
            "more", "fewer", "less", "higher", "faster", "slower", "shorter", "longer", "quicker", "greater",
            "smaller", "larger", "bigger");

    /** Things that can be counted or timed. "per X" is a metric too (a rate) and is handled in code. */
    static final PhraseSet METRICS = PhraseSet.of(
            // generic
            "rate", "rates", "ratio", "time", "times", "count", "counts", "number of", "amount of", "share of",
            "percentage", "proportion", "score", "scores", "points", "average", "median", "total",
            "hours", "minutes", "seconds", "days", "cost", "costs", "spend", "budget",
            // software and ops
            "conversion", "conversions", "latency", "p50", "p75", "p90", "p95", "p99", "error", "errors", "failure",
            "failures", "defect", "defects", "bug", "bugs", "incident", "incidents", "outage", "outages", "downtime",
            "uptime", "availability", "mttr", "mttd", "mtbf", "lead time", "cycle time", "throughput", "deploys",
            "deployments", "rollbacks", "alerts", "pages", "build time", "builds", "flaky tests", "tickets",
            "backlog", "queue", "response time", "resolution time", "handle time", "aht", "sla", "slas", "breaches",
            "escalations", "reopens", "crashes", "calls", "completions",
            // product and sales
            "churn", "churned", "retention", "revenue", "arr", "mrr", "sales", "deals", "bookings", "pipeline", "leads",
            "win rate", "margin", "nps", "csat", "ces", "signups", "sign ups", "registrations", "trials",
            "activations", "activation", "adoption", "usage", "active users", "users", "customers", "visits",
            "visitors", "sessions", "clicks", "ctr", "bounce rate", "page views", "downloads", "installs", "orders",
            "returns", "refunds", "complaints", "renewals", "upgrades", "cancellations", "basket size",
            // people and HR
            "attrition", "turnover", "absenteeism", "sick days", "overtime", "hires", "applications", "applicants",
            "offers", "acceptance", "engagement", "headcount", "utilisation", "utilization", "participation",
            // hospital and quality
            "wait time", "wait times", "waiting time", "waiting times", "length of stay", "readmissions",
            "readmission", "infections", "patient falls", "no shows", "occupancy", "patients", "rework", "scrap",
            "yield", "accuracy", "compliance", "near misses");

    /** Numbers written as words. "one" is left out: it is mostly a pronoun ("no one", "one of"). */
    static final PhraseSet NUMBER_WORDS = PhraseSet.of(
            "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "dozen", "half",
            "twice", "thrice");

    /** Set phrases that contain metric, direction or threshold words but measure nothing ("over time"). */
    static final PhraseSet IDIOMS = PhraseSet.of(
            "over time", "in time", "at the same time", "all the time", "from time to time", "next time",
            "this time", "some time", "in no time", "take time", "takes time", "under way", "above all",
            "over and over", "more or less", "per cent", "more and more", "less and less", "sooner or later",
            "at least we", "at least for now");

    // ---------------------------------------------------------------- timeframe

    /** Words that are a point or period in time on their own. "may" is left out: it is mostly the verb. */
    static final PhraseSet TIME_POINTS = PhraseSet.of(
            "q1", "q2", "q3", "q4", "h1", "h2", "eoy", "eoq", "eom", "ytd", "weekly", "monthly", "daily", "quarterly",
            "yearly", "annually", "fortnightly", "biweekly", "nightly",
            "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /**
     * Units of a time window. Hours, minutes and seconds are left out: "within 4 hours" is usually the measure
     * itself (a response time), not the window in which to look.
     */
    static final PhraseSet TIME_UNITS = PhraseSet.of("day", "days", "week", "weeks", "fortnight", "fortnights",
            "month", "months", "quarter", "quarters", "year", "years", "sprint", "sprints", "iteration",
            "iterations", "release", "releases", "shift", "shifts", "cycle", "cycles", "season", "term", "semester");

    /** Words that open a time window: "<i>within</i> 30 days", "<i>by</i> Q3", "<i>next</i> quarter". */
    static final PhraseSet TIME_STARTERS = PhraseSet.of("in", "within", "by", "after", "over", "during", "for",
            "before", "until", "inside", "next", "this", "coming", "following", "end");

    /**
     * Words allowed between a starter and its unit: "by <i>the end of the</i> quarter", "in <i>the next</i> weeks";
     * numbers are allowed too, in code ("in the next <i>6</i> weeks").
     */
    static final PhraseSet TIME_FILLERS = PhraseSet.of("the", "a", "an", "next", "first", "last", "coming",
            "following", "end", "of", "this", "few", "couple", "calendar", "financial", "fiscal", "current");

    /** Words that make a rate with a unit: "<i>per</i> week", "twice <i>a</i> month", "<i>every</i> sprint". */
    static final PhraseSet PER_WORDS = PhraseSet.of("per", "a", "an", "each", "every");

    // ---------------------------------------------------------------- wording

    /** Weasel words: they make an outcome sound promising without committing to anything that could fail. */
    static final PhraseSet VAGUE = PhraseSet.of(
            "better", "improve things", "improves things", "improving things", "somehow", "some", "a lot", "lots",
            "maybe", "perhaps", "probably", "possibly", "hopefully", "etc", "stuff", "nicer", "nice", "good",
            "great", "optimal", "synergy", "synergies", "seamless", "seamlessly", "kind of", "sort of", "somewhat",
            "a bit", "various", "user friendly", "best in class", "world class", "state of the art", "game changer");

    /** Intensifiers that are vague only when their sentence has no number ("significantly (by 30%)" is fine). */
    static final PhraseSet VAGUE_WITHOUT_NUMBER = PhraseSet.of(
            "significantly", "substantially", "considerably", "dramatically", "noticeably", "massively",
            "more efficient", "more effective", "more efficiently", "more effectively");
}
