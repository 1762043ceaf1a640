package dev.failforward.jira.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search text's language: Lucene's classic query syntax over the failure text, default operator AND.
 * <ul>
 *   <li>words are stemmed English ("deployments" finds "deployed"); a word with inner punctuation is a phrase
 *       ({@code OPS-12}, {@code e-mail});</li>
 *   <li>{@code "a phrase"}, {@code deplo*} (a prefix of at least {@value #MIN_PREFIX} characters), {@code AND},
 *       {@code OR}, {@code NOT}, {@code -word}, parentheses;</li>
 *   <li>fields: {@code summary:}, {@code description:}, {@code hypothesis:}, {@code criteria:}, {@code whys:},
 *       {@code factors:}, {@code learning:}, {@code key:}, {@code team:}, {@code component:}, {@code label:}; a word
 *       without a field searches them all. Another field name is a syntax error.</li>
 * </ul>
 * <b>Bounded:</b> at most {@value #MAX_TERMS} words, phrases or prefixes per query; regular expressions and leading
 * wildcards are refused; prefixes and wildcards rewrite to a constant-score filter over the matching terms (never one
 * boolean clause per term, so they cannot hit the clause limit or grow the query), fuzzy terms to the 50 closest.
 * A query that cannot be parsed throws {@link QuerySyntaxException} with the 0-based position of the problem.
 */
final class QueryLanguage {

    static final int MAX_TERMS = 64;
    static final int MIN_PREFIX = 2;

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("summary", IndexSchema.SUMMARY), Map.entry("description", IndexSchema.DESCRIPTION),
            Map.entry("hypothesis", IndexSchema.HYPOTHESIS), Map.entry("criteria", IndexSchema.CRITERIA),
            Map.entry("whys", IndexSchema.WHYS), Map.entry("why", IndexSchema.WHYS),
            Map.entry("factors", IndexSchema.FACTORS), Map.entry("learning", IndexSchema.LEARNING_TEXT),
            Map.entry("learnings", IndexSchema.LEARNING_TEXT), Map.entry("key", IndexSchema.KEY),
            Map.entry("team", IndexSchema.TEAM), Map.entry("component", IndexSchema.COMPONENT),
            Map.entry("label", IndexSchema.LABEL), Map.entry("labels", IndexSchema.LABEL));

    /** The pseudo field of words written without one. */
    private static final String ANY = "\u0000any";
    private static final Pattern LEXICAL_COLUMN = Pattern.compile("column (\\d+)");

    private static final Query RECORDS = new TermQuery(new Term(IndexSchema.TYPE, IndexSchema.RECORD));
    private static final BitSetProducer PARENTS = new QueryBitSetProducer(RECORDS);

    private final Analyzer analyzer;

    QueryLanguage(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    static BitSetProducer parents() {
        return PARENTS;
    }

    /** The query over record documents (the record search); {@code learning:} means any of the record's learnings. */
    Query parseForRecords(String text) {
        return parse(text, IndexSchema.ALL_TEXT, IndexSchema.LEARNINGS);
    }

    /**
     * The query of the archive, before {@link #forLearnings}: {@code learning:} means the learning's own text, the
     * other fields its record's.
     */
    Query parseForLearnings(String text) {
        return parse(text, IndexSchema.LEARNING_SEARCH_TEXT, IndexSchema.LEARNING_TEXT);
    }

    private Query parse(String text, List<String> defaultFields, String learningField) {
        Parser parser = new Parser(analyzer, defaultFields, learningField);
        try {
            Query query = parser.parse(text);
            return query == null ? new MatchNoDocsQuery("no searchable words") : query;
        } catch (ParseException e) {
            throw syntaxError(text, e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QuerySyntaxException("The search is too complex.", -1);
        }
    }

    private static QuerySyntaxException syntaxError(String text, ParseException wrapped) {
        Throwable cause = wrapped.getCause() != null ? wrapped.getCause() : wrapped;
        if (cause instanceof Refused refused) {
            return new QuerySyntaxException(refused.getMessage(), refused.position);
        }
        if (cause instanceof ParseException e && e.currentToken != null) {
            Token at = e.currentToken.next != null ? e.currentToken.next : e.currentToken;
            int position = Math.min(Math.max(at.beginColumn, 0), text.length());
            String near = at.image == null || at.image.isEmpty() ? "the end" : "\"" + at.image + "\"";
            return new QuerySyntaxException("Cannot parse the search at " + near + " (position " + position + ").",
                    position);
        }
        if (cause instanceof TokenMgrError error) {
            int quote = unmatchedQuote(text);
            if (quote >= 0) {
                return new QuerySyntaxException("The quote at position " + quote + " is not closed.", quote);
            }
            Matcher column = LEXICAL_COLUMN.matcher(String.valueOf(error.getMessage()));
            int position = column.find() ? Math.min(Math.max(Integer.parseInt(column.group(1)) - 1, 0), text.length())
                    : -1;
            return new QuerySyntaxException("Cannot parse the search: unfinished escape.", position);
        }
        return new QuerySyntaxException("Cannot parse the search.", -1);
    }

    /** Where the last quote that has no closing one is, or -1. */
    private static int unmatchedQuote(String text) {
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                open = open < 0 ? i : -1;
            }
        }
        return open;
    }

    /** A construct the language refuses, with where it starts. */
    private static final class Refused extends ParseException {
        final int position;

        Refused(String message, int position) {
            super(message);
            this.position = position;
        }
    }

    private static final class Parser extends QueryParser {
        private final List<String> defaultFields;
        private final String learningField;
        private String text = "";
        private int depth;
        private int terms;

        Parser(Analyzer analyzer, List<String> defaultFields, String learningField) {
            super(ANY, analyzer);
            this.defaultFields = defaultFields;
            this.learningField = learningField;
            setSplitOnWhitespace(true);
            setDefaultOperator(AND_OPERATOR);
            setAutoGeneratePhraseQueries(true);
            setAllowLeadingWildcard(false);
        }

        @Override
        public Query parse(String query) throws ParseException {
            this.text = query;
            return super.parse(query);
        }

        private interface Build {
            Query on(String field) throws ParseException;
        }

        /** One word, phrase or prefix of the user's: counted, then built on its field or on every field. */
        private Query term(String field, String image, Build build) throws ParseException {
            depth++;
            try {
                if (depth == 1 && ++terms > MAX_TERMS) {
                    throw new Refused("At most " + MAX_TERMS + " words, phrases or prefixes.",
                            Math.max(0, text.indexOf(image)));
                }
                if (depth > 1) {
                    return build.on(field);
                }
                if (!ANY.equals(field)) {
                    return build.on(resolve(field));
                }
                List<BooleanClause> clauses = new ArrayList<>();
                boolean inText = false;
                for (String f : defaultFields) {
                    Query q = build.on(f);
                    if (q != null) {
                        clauses.add(new BooleanClause(q, BooleanClause.Occur.SHOULD));
                        inText |= !IndexSchema.KEY.equals(f);
                    }
                }
                // a stop word ("as", "the") is no word of the text fields: it must not become a required match on the
                // issue key alone (which keeps every token), or "stage as code" would find nothing
                if (clauses.isEmpty() || !inText) {
                    return null;
                }
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                clauses.forEach(any::add);
                return any.build();
            } finally {
                depth--;
            }
        }

        private String resolve(String field) throws ParseException {
            String resolved = FIELDS.get(field.toLowerCase(Locale.ROOT));
            if (IndexSchema.LEARNING_TEXT.equals(resolved)) {
                return learningField;
            }
            if (resolved == null) {
                Matcher at = Pattern.compile("(?<![\\w])" + Pattern.quote(field) + "\\s*:").matcher(text);
                throw new Refused("Unknown field \"" + field + "\"; use one of " + String.join(", ",
                        new java.util.TreeSet<>(FIELDS.keySet())) + ".", at.find() ? at.start() : -1);
            }
            return resolved;
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            return term(field, queryText, f -> super.getFieldQuery(f, queryText, quoted));
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            return term(field, queryText, f -> super.getFieldQuery(f, queryText, slop));
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            if (termStr.length() < MIN_PREFIX) {
                throw new Refused("A prefix needs at least " + MIN_PREFIX + " characters before the *.",
                        Math.max(0, text.indexOf(termStr + "*")));
            }
            return term(field, termStr, f -> super.getPrefixQuery(f, termStr));
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            int firstWildcard = firstWildcard(termStr);
            if (firstWildcard < MIN_PREFIX && !"*".equals(termStr)) {
                throw new Refused("A wildcard needs at least " + MIN_PREFIX + " characters before it.",
                        Math.max(0, text.indexOf(termStr)));
            }
            if ("*".equals(termStr)) {
                throw new Refused("A lone * is not a search.", Math.max(0, text.indexOf('*')));
            }
            return term(field, termStr, f -> super.getWildcardQuery(f, termStr));
        }

        private static int firstWildcard(String term) {
            for (int i = 0; i < term.length(); i++) {
                if (term.charAt(i) == '*' || term.charAt(i) == '?') {
                    return i;
                }
            }
            return term.length();
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return term(field, termStr, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new Refused("Regular expressions are not supported.", Math.max(0, text.indexOf('/')));
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            throw new Refused("Ranges are not supported.", Math.max(0, text.indexOf(startInclusive ? '[' : '{')));
        }

        @Override
        protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
            Query query = super.getBooleanQuery(clauses);
            if (query instanceof BooleanQuery bool && !bool.clauses().isEmpty() && bool.clauses().stream()
                    .allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
                // "NOT x": everything but x (Lucene's purely negative query would match nothing)
                BooleanQuery.Builder positive = new BooleanQuery.Builder();
                positive.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
                bool.clauses().forEach(positive::add);
                return positive.build();
            }
            return query;
        }
    }

    // ----- learnings: each word on the learning itself or on its record -----

    private enum Side { NONE, CHILD, PARENT, MIXED }

    /**
     * The query over learning documents: every word (phrase, prefix) of the parsed query matches the learning's own
     * text ({@code learning:}) or its record's (the other fields, joined from the record document of the block),
     * keeping the query's AND/OR/NOT structure. So "disk AND runbook" finds a learning that mentions the runbook of a
     * record about a full disk, and {@code summary:disk} the learnings of records whose summary says so.
     */
    static Query forLearnings(Query query) {
        return switch (side(query)) {
            case NONE, CHILD -> query;
            case PARENT -> toChildren(query);
            case MIXED -> mixed(query);
        };
    }

    private static Query mixed(Query query) {
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(forLearnings(boost.getQuery()), boost.getBoost());
        }
        if (!(query instanceof BooleanQuery bool)) {
            throw new IllegalStateException("a query on several fields that is not boolean: " + query);
        }
        BooleanQuery.Builder rebuilt = new BooleanQuery.Builder()
                .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
        boolean onlyShould = bool.getMinimumNumberShouldMatch() == 0 && bool.clauses().stream()
                .allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD);
        if (onlyShould) {
            // "word on any field": one join for all the record's fields, then OR the learning's own
            BooleanQuery.Builder recordSide = new BooleanQuery.Builder();
            int onRecord = 0;
            for (BooleanClause c : bool.clauses()) {
                if (side(c.getQuery()) == Side.PARENT) {
                    recordSide.add(c);
                    onRecord++;
                } else {
                    rebuilt.add(forLearnings(c.getQuery()), c.getOccur());
                }
            }
            if (onRecord > 0) {
                rebuilt.add(toChildren(recordSide.build()), BooleanClause.Occur.SHOULD);
            }
            return rebuilt.build();
        }
        for (BooleanClause c : bool.clauses()) {
            rebuilt.add(forLearnings(c.getQuery()), c.getOccur());
        }
        return rebuilt.build();
    }

    private static Query toChildren(Query recordQuery) {
        Query onRecords = new BooleanQuery.Builder()
                .add(recordQuery, BooleanClause.Occur.MUST)
                .add(RECORDS, BooleanClause.Occur.FILTER)
                .build();
        return new ToChildBlockJoinQuery(onRecords, PARENTS);
    }

    private static Side side(Query query) {
        Set<String> fields = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        boolean child = fields.contains(IndexSchema.LEARNING_TEXT);
        boolean parent = fields.stream().anyMatch(f -> !f.equals(IndexSchema.LEARNING_TEXT));
        return child && parent ? Side.MIXED : child ? Side.CHILD : parent ? Side.PARENT : Side.NONE;
    }

    // ----- what a query looks for in one field (highlights, similarity reasons) -----

    /** The terms and term patterns the query asks of {@code field} outside its NOT clauses. */
    static Matches matches(Query query, String field) {
        Set<String> terms = new HashSet<>();
        List<ByteRunAutomaton> patterns = new ArrayList<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String f) {
                return field.equals(f);
            }

            @Override
            public void consumeTerms(Query q, Term... ts) {
                for (Term t : ts) {
                    if (field.equals(t.field())) {
                        terms.add(t.text());
                    }
                }
            }

            @Override
            public void consumeTermsMatching(Query q, String f, Supplier<ByteRunAutomaton> automaton) {
                if (field.equals(f)) {
                    patterns.add(automaton.get());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return new Matches(Set.copyOf(terms), List.copyOf(patterns));
    }

    /** Analyzed terms, and automata over analyzed terms' bytes. */
    record Matches(Set<String> terms, List<ByteRunAutomaton> patterns) {

        boolean isEmpty() {
            return terms.isEmpty() && patterns.isEmpty();
        }

        boolean matches(String term) {
            if (terms.contains(term)) {
                return true;
            }
            if (patterns.isEmpty()) {
                return false;
            }
            byte[] bytes = term.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (ByteRunAutomaton pattern : patterns) {
                if (pattern.run(bytes, 0, bytes.length)) {
                    return true;
                }
            }
            return false;
        }
    }
}
