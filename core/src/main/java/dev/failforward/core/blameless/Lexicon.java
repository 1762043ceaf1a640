package dev.failforward.core.blameless;

/**
 * The English word lists the check works from. Small on purpose and without stemming, so what matches stays
 * predictable: a missing word costs a missed finding, an eager one nags authors who wrote blamelessly.
 */
final class Lexicon {

    private Lexicon() {
    }

    // ---------------------------------------------------------------- phrases that are findings

    /** {@link BlameCode#FAULT}; "X's fault" and "his/her/their fault" are matched in code. */
    static final Phrases FAULT = Phrases.of("whose fault", "fault of", "at fault", "to blame", "blame", "blamed",
            "blames", "blaming");

    static final Phrases HUMAN_ERROR = Phrases.of("human error", "human errors", "operator error", "user error",
            "pilot error", "fat finger", "fat fingered", "pebkac");

    /** {@link BlameCode#CHARACTER}; the phrases in {@link #NEEDS_PERSON} count only after a person. */
    static final Phrases CHARACTER = Phrases.of("careless", "carelessly", "carelessness", "negligent", "negligence",
            "negligently", "sloppy", "sloppily", "sloppiness", "lazy", "laziness", "incompetent", "incompetence",
            "stupid", "stupidity", "reckless", "recklessly", "recklessness", "didn't bother", "did not bother",
            "dropped the ball", "screwed up", "messed up");

    static final Phrases NEEDS_PERSON = Phrases.of("screwed up", "messed up");

    /** {@link BlameCode#HINDSIGHT}: counterfactuals about what someone ought to have done. */
    static final Phrases HINDSIGHT = Phrases.of("should have", "should've", "shouldn't have", "should not have",
            "ought to have", "could have just", "could've just");

    /** {@link BlameCode#PERSON_AS_CAUSE}: verbs that make their subject the cause of a failure. */
    static final Phrases FAILURE_VERBS = Phrases.of("forgot", "missed", "broke", "deleted", "ignored", "skipped",
            "failed to", "didn't", "did not", "caused", "messed up", "screwed up", "overlooked", "misconfigured",
            "neglected", "botched", "mistyped", "misread");

    // ---------------------------------------------------------------- who is the subject

    /** Pronouns that stand for people ("who" in "the engineer who should have…"). */
    static final Phrases PERSON_PRONOUNS = Phrases.of("i", "we", "you", "he", "she", "they", "someone", "somebody",
            "anyone", "anybody", "everyone", "everybody", "who");

    /** A person as the subject of a failure verb, besides a name: only these, as the method asks. */
    static final Phrases HE_SHE = Phrases.of("he", "she");

    /** People named by role or team ("the nurse should have"); "call" counts after "on". */
    static final Phrases ROLES = Phrases.of("engineer", "engineers", "developer", "developers", "dev", "devs",
            "operator", "operators", "admin", "admins", "administrator", "sre", "sres", "oncall", "responder",
            "reviewer", "reviewers", "approver", "tester", "testers", "qa", "ops", "devops", "manager", "managers",
            "lead", "intern", "interns", "contractor", "contractors", "analyst", "analysts", "architect", "designer",
            "consultant", "nurse", "nurses", "doctor", "doctors", "physician", "pharmacist", "surgeon", "clinician",
            "resident", "technician", "clerk", "receptionist", "dispatcher", "rep", "reps", "salesperson", "seller",
            "sales", "team", "teams", "staff", "person", "people", "employee", "colleague", "user", "users",
            "customer", "customers");

    /**
     * Capitalised words that are no name: function words that open sentences, teams, products, systems, days and
     * months. A name needs a capital; these have one for other reasons.
     */
    static final Phrases NOT_NAMES = Phrases.of(
            // function words and indefinite subjects
            "the", "a", "an", "this", "that", "these", "those", "it", "its", "we", "our", "they", "their", "you",
            "your", "he", "she", "his", "her", "my", "nobody", "noone", "no", "none", "nothing", "someone",
            "somebody", "something", "everyone", "everybody", "everything", "anyone", "anybody", "anything", "all",
            "both", "each", "every", "some", "many", "most", "few", "several", "one", "which", "what", "who",
            "when", "while", "where", "why", "how", "then", "there", "here", "also", "later", "earlier", "after",
            "before", "again", "finally", "eventually", "initially", "first", "next", "last", "meanwhile",
            "unfortunately", "luckily", "however", "because", "since", "so", "and", "but", "or", "if", "although",
            "though", "yet", "still", "only", "even", "just", "today", "yesterday", "tonight", "overnight", "god",
            // teams and departments
            "sales", "support", "marketing", "finance", "legal", "security", "engineering", "product", "ops",
            "operations", "management", "leadership", "design", "procurement", "billing", "pharmacy", "radiology",
            "lab", "triage", "admissions", "reception", "dispatch", "team", "staff",
            // systems and work
            "deploy", "release", "build", "pipeline", "job", "cron", "backup", "rollout", "rollback", "checkout",
            "traffic", "failover", "cache", "database", "service", "server", "cluster", "node", "queue", "worker",
            "scheduler", "alert", "config", "script", "staging", "production", "prod", "system", "code", "patch",
            "update", "upgrade", "network", "proxy", "gateway", "app", "firewall", "certificate", "email", "form",
            "page", "pager", "dashboard", "report", "order", "invoice", "payment", "login", "search", "index",
            "import", "export", "sync", "batch", "feature", "model", "device", "pump", "printer", "scanner",
            "monitor", "vendor", "process", "checklist", "runbook", "handover", "handoff", "shift", "schedule",
            "review", "change", "ticket", "request", "step", "check", "query", "storage", "memory", "hardware",
            "firmware", "driver", "agent", "client", "chart", "portal", "website", "site", "autoscaler", "linter",
            // products
            "jenkins", "kubernetes", "terraform", "ansible", "puppet", "chef", "docker", "helm", "argo", "github",
            "gitlab", "bitbucket", "jira", "confluence", "slack", "zoom", "outlook", "pagerduty", "opsgenie",
            "datadog", "grafana", "prometheus", "splunk", "sentry", "aws", "azure", "lambda", "postgres", "mysql",
            "oracle", "redis", "kafka", "elasticsearch", "mongo", "nginx", "cloudflare", "akamai", "linux",
            "windows", "android", "chrome", "safari", "firefox", "salesforce", "hubspot", "zendesk", "stripe",
            "paypal", "shopify", "workday", "epic", "cerner", "excel", "google", "microsoft", "apple", "amazon",
            "okta", "vault", "consul", "istio", "envoy", "varnish", "python", "java", "maven", "gradle", "spring",
            // days and months
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december");

    /** Words before a capitalised word that make it a thing, not a person ("the Checkout"). */
    static final Phrases DETERMINERS = Phrases.of("the", "a", "an", "our", "their", "this", "that", "its", "your",
            "my", "every", "each");

    /** Titles that belong to the highlighted name: "Dr. Okafor forgot". */
    static final Phrases TITLES = Phrases.of("dr", "mr", "mrs", "ms", "prof", "nurse");

    /**
     * Endings of common nouns that open sentences without an article ("Monitoring", "Replication", "Alerts"). Only
     * consulted for a capital at a sentence start; names ending so ("Carlos", "James") are told by a capital elsewhere.
     */
    static final String[] COMMON_NOUN_ENDINGS = {"ing", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ure",
            "ism", "ogy", "ics", "age", "ware"};

    // ---------------------------------------------------------------- grammar around the phrases

    /** Adverbs allowed between a subject and its verb, or after "should have" ("Anna accidentally deleted"). */
    static final Phrases ADVERBS = Phrases.of("accidentally", "also", "just", "simply", "then", "again",
            "mistakenly", "apparently", "completely", "clearly", "obviously", "still", "somehow", "inadvertently",
            "probably", "initially", "already", "totally", "really", "definitely", "never", "certainly");

    /** Irregular past participles, for "should have ___" (regular ones end in -ed, -en or -wn). */
    static final Phrases PARTICIPLES = Phrases.of("been", "done", "seen", "caught", "told", "got", "gone", "made",
            "had", "run", "set", "put", "read", "kept", "sent", "built", "spotted", "found", "thought", "brought",
            "taught", "left", "paid", "understood", "hit", "cut", "shut", "let", "held", "felt", "spent", "stood");

    /** Words that cancel blame before it in the same clause: "Nobody was at fault", "not human error". */
    static final Phrases NEGATORS = Phrases.of("not", "no", "never", "nobody", "noone", "none", "nothing",
            "neither", "nor", "without", "rather", "instead", "isn't", "wasn't", "aren't", "weren't", "don't",
            "doesn't", "didn't", "won't", "wouldn't", "can't", "cannot", "couldn't", "hasn't", "haven't", "hadn't");

    /** Words that start a new clause, so a look-back stops at them: "He didn't test it and it was his fault". */
    static final Phrases CLAUSE_WORDS = Phrases.of("and", "but", "so", "because", "although", "though", "however",
            "whereas", "while", "yet", "since", "or", "when", "after", "that");

    /** Possessives before "fault": "Sam's fault" is matched by its "'s". */
    static final Phrases POSSESSIVES = Phrases.of("his", "her", "their", "my", "your", "our");

    /** Possessives that clear everyone: "nobody's fault". */
    static final Phrases NOBODY_S = Phrases.of("nobody's", "noone's");

    /** Words after "human/user/operator error" that make it a technical term ("user error messages"). */
    static final Phrases TECHNICAL_AFTER_ERROR = Phrases.of("message", "messages", "rate", "rates", "page", "pages",
            "log", "logs", "code", "codes", "handling", "handler", "dialog", "state", "count", "counts", "field");

    /** Words after "lazy" that make it a technical term ("lazy loading"). */
    static final Phrases TECHNICAL_AFTER_LAZY = Phrases.of("load", "loads", "loaded", "loading", "init",
            "initialization", "initialisation", "initialized", "initialised", "evaluation", "eval", "evaluated",
            "instantiation", "val", "fetch", "fetching", "sequence", "list");

    /** Tools whose "blame" command is no blame: "git blame". */
    static final Phrases VCS = Phrases.of("git", "svn", "hg", "annotate");

    /** After "didn't" or "did not", verbs that clear or excuse the subject: "Anna did not cause the outage". */
    static final Phrases EXCUSING_AFTER_DID_NOT = Phrases.of("cause", "break", "delete", "do", "have", "get",
            "receive");
}
